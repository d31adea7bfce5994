// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.calibration.Calibration;
import dev.costbench.model.lab.calibration.CalibrationRepository;
import dev.costbench.model.lab.calibration.ContentKinds;
import dev.costbench.model.lab.calibration.Correction;
import dev.costbench.model.lab.calibration.GeminiEstimator;
import dev.costbench.store.JdbcLabStore;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code costbench calibration [--json] [--reset FAMILY]}: the correction factors fitted from the providers' exact
 * token counts, per tokenizer family and content kind (with Gemini's, which estimator Gemini estimates use), and the
 * way to forget a family's counts. Exit codes: 0 done,
 * 1 the store failed, 2 bad input.
 */
public final class CalibrationCommand {

    public static final Args.Options CALIBRATION = Args.Options.of("calibration", Set.of("reset"), Set.of("json"));

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<JdbcLabStore> store;

    public CalibrationCommand(Context ctx) {
        this(ctx.out(), ctx.err(), AbSupport::openStore);
    }

    CalibrationCommand(PrintStream out, PrintStream err, Supplier<JdbcLabStore> store) {
        this.out = out;
        this.err = err;
        this.store = store;
    }

    public int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, CALIBRATION);
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        String reset = a.get("reset");
        try (JdbcLabStore s = store.get()) {
            if (reset != null) {
                return reset(s, reset.trim(), a.flag("json"));
            }
            Calibration cal = Calibration.fit(s.calibrationSamples());
            List<Correction> all = cal.corrections();
            if (a.flag("json")) {
                out.println(Json.pretty(json(all)));
            } else {
                print(all);
                if (all.stream().anyMatch(c -> GeminiEstimator.GEMINI.equals(c.family()))) {
                    out.println();
                    out.println(cal.gemini().describe() + ".");
                }
            }
            return 0;
        } catch (LabStoreException e) {
            err.println("costbench: " + e.getMessage());
            return 1;
        }
    }

    private int reset(CalibrationRepository s, String family, boolean json) throws IOException {
        if (family.isEmpty()) {
            throw new UsageException(
                    "--reset needs a tokenizer family, e.g. --reset claude (costbench calibration " + "lists them)");
        }
        int n = s.resetCalibration(family);
        if (json) {
            ObjectNode o = Json.object();
            o.put("family", family);
            o.put("forgotten", n);
            out.println(Json.pretty(o));
        } else if (n == 0) {
            out.println("No counts kept for " + ContentKinds.familyLabel(family) + " (family '" + family
                    + "'): nothing to reset. 'costbench calibration' lists the families that have counts.");
        } else {
            out.printf(
                    Locale.ROOT,
                    "Forgot %d exact count%s of %s: its estimates are uncalibrated again.%n",
                    n,
                    n == 1 ? "" : "s",
                    ContentKinds.familyLabel(family));
        }
        return 0;
    }

    private void print(List<Correction> all) {
        if (all.isEmpty()) {
            out.println("No exact counts kept yet. Count exactly in the Prompt view, Send, or run an A/B experiment on "
                    + "Claude or Gemini models: each exact count calibrates the next estimates (from "
                    + Calibration.MIN_COUNTS + " counts on).");
            return;
        }
        out.printf(
                Locale.ROOT,
                "%-26s  %-22s  %6s  %7s  %-17s  %5s  %s%n",
                "FAMILY",
                "CONTENT",
                "COUNTS",
                "FACTOR",
                "95% INTERVAL",
                "±",
                "APPLIED");
        for (Correction c : all) {
            out.printf(
                    Locale.ROOT,
                    "%-26s  %-22s  %6d  %7.3f  %-17s  %4d%%  %s%n",
                    ContentKinds.familyLabel(c.family()) + " (" + c.family() + ")",
                    Calibration.ALL_KINDS.equals(c.kind()) ? "all kinds" : ContentKinds.label(c.kind()),
                    c.counts(),
                    c.factor(),
                    String.format(Locale.ROOT, "%.3f–%.3f", c.low(), c.high()),
                    c.plusMinusPercent(),
                    c.applies() ? "yes" : "no (needs " + Calibration.MIN_COUNTS + " counts)");
        }
    }

    static ArrayNode json(List<Correction> all) {
        ArrayNode arr = Json.array();
        for (Correction c : all) {
            ObjectNode o = arr.addObject();
            o.put("family", c.family());
            o.put("familyName", ContentKinds.familyLabel(c.family()));
            o.put("kind", c.kind());
            o.put("counts", c.counts());
            o.put("factor", c.factor());
            o.put("low", c.low());
            o.put("high", c.high());
            o.put("plusMinusPercent", c.plusMinusPercent());
            o.put("applied", c.applies());
        }
        return arr;
    }
}

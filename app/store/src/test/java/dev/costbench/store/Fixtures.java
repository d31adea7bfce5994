// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deterministic experiments and trials for the store tests (and the child JVMs of the crash test). */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456789Z");

    record Setup(Experiment experiment, List<Variant> variants, List<TestInput> inputs) {
        long id() {
            return experiment.id();
        }
    }

    private Fixtures() {}

    /** An experiment with {@code variants} variants (the first the baseline), {@code inputs} inputs, the models. */
    static Setup setup(LabStore s, String name, int variants, int inputs, List<String> models, int repetitions) {
        ExperimentSettings settings = new ExperimentSettings(
                0.2, 300, null, null, false, "{\"checks\":[{\"kind\":\"maxLength\",\"value\":400}]}");
        Experiment e =
                s.createExperiment(new NewExperiment(name, new BigDecimal("2.50"), repetitions, settings, models));
        List<Variant> vs = new ArrayList<>();
        for (int i = 0; i < variants; i++) {
            vs.add(s.addVariant(
                    e.id(),
                    new NewVariant(
                            i == 0 ? "baseline" : "optimized " + i,
                            i == 0,
                            "{\"system\":\"You are support. Variant " + i + "\",\"messages\":[{\"role\":\"user\","
                                    + "\"text\":\"Ticket: {{ticket}}\"}],\"parameters\":{\"temperature\":0.2}}")));
        }
        List<TestInput> is = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            is.add(s.addInput(e.id(), "ticket " + i, Map.of("ticket", "My order #" + (1000 + i) + " is late")));
        }
        return new Setup(e, vs, is);
    }

    /** The same content for the same cell, so a test can check a trial written by another process. */
    static NewTrial success(long experimentId, TrialCell cell) {
        long k = cell.variantId() * 1_000
                + cell.inputId() * 100
                + cell.repetition()
                + cell.modelId().length();
        CanonicalUsage usage = new CanonicalUsage(1000 + k, 64, 0, 0, 200 + k % 50, k % 7);
        BigDecimal cost = new BigDecimal("0.0000012345").multiply(BigDecimal.valueOf(1000 + k));
        Instant started = T0.plusMillis(k * 10);
        return new NewTrial(
                experimentId,
                cell,
                "req-" + cell.variantId() + "-" + cell.inputId() + "-" + cell.modelId(),
                usage,
                cost,
                true,
                "{\"model\":\"" + cell.modelId() + "\",\"total\":\"" + cost.toPlainString() + "\"}",
                new BigDecimal("0.0012"),
                800 + k,
                120 + k % 30,
                "stop",
                "Answer for " + cell + " – naïve ✓ 日本語",
                null,
                false,
                started,
                started.plusMillis(800 + k),
                null,
                null);
    }

    /** An answer reused from an earlier identical request ({@code requestHash}): counted, with no call and no wait. */
    static NewTrial reused(
            long experimentId,
            TrialCell cell,
            String requestHash,
            CanonicalUsage usage,
            BigDecimal costUsd,
            String outputText) {
        return new NewTrial(
                experimentId,
                cell,
                requestHash,
                usage,
                costUsd,
                true,
                null,
                null,
                0L,
                null,
                "stop",
                outputText,
                null,
                true,
                Instant.now(),
                Instant.now(),
                null,
                null);
    }

    static NewTrial failure(long experimentId, TrialCell cell) {
        return NewTrial.failure(experimentId, cell, "req-x", "HTTP 529 overloaded", T0, T0.plusMillis(1500));
    }

    /** The ledger entry of a trial's call. */
    static NewLedgerEntry charge(NewTrial t) {
        return new NewLedgerEntry(
                t.finished(), "openai", t.cell().modelId(), t.costUsd(), null, null, LedgerPurpose.TRIAL);
    }
}

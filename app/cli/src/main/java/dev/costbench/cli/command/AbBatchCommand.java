// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import static dev.costbench.cli.command.AbSupport.openStore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.batch.BatchEstimate;
import dev.costbench.model.lab.batch.BatchException;
import dev.costbench.model.lab.batch.BatchRefresh;
import dev.costbench.model.lab.batch.BatchRunner;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.store.JdbcLabStore;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code costbench ab run FILE --batch}, {@code ab batches}, {@code ab cancel-batch ID} and the batch half of
 * {@code ab resume}: A/B runs through the providers' batch APIs ({@link BatchRunner}). Submitting returns at once with
 * the batch ids (or waits with {@code --wait}); the batches are kept in the lab store, so {@code ab resume} collects
 * their results later, after a restart too.
 */
final class AbBatchCommand {

    public static final Args.Options BATCHES = Args.Options.of("ab batches", Set.of(), Set.of("json"));

    public static final Args.Options CANCEL = Args.Options.of("ab cancel-batch", Set.of(), Set.of("json"));

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Context ctx;
    private final AbReport report;

    AbBatchCommand(Context ctx, AbReport report) {
        this.ctx = ctx;
        this.report = report;
    }

    /** The poll interval of {@code --poll SECONDS} (1 to 86400; {@link BatchRunner#DEFAULT_POLL} by default). */
    static Duration pollInterval(Args a) {
        long s = a.nonNegative("poll", BatchRunner.DEFAULT_POLL.toSeconds());
        if (s < 1 || s > 86_400) {
            throw new UsageException("--poll must be a number of seconds from 1 to 86400");
        }
        return Duration.ofSeconds(s);
    }

    /** {@code ab run FILE --batch}: the estimate live vs batch, then submit; {@code --wait} polls until done. */
    int run(Args a, ExperimentSpec spec) throws IOException {
        boolean json = a.flag("json");
        Duration poll = pollInterval(a);
        Catalog cat = ctx.catalog();
        PrintStream info = json ? ctx.err() : ctx.out();
        try (JdbcLabStore store = openStore()) {
            BatchRunner runner = runner(store, cat);
            BatchEstimate estimate = runner.estimate(spec);
            AbReport.printEstimate(spec.name(), estimate.live(), info);
            printBatchEstimate(estimate, info);
            if (!estimate.batchPossible()) {
                throw new UsageException(String.join(", ", estimate.withoutBatchApi())
                        + " has no batch API: run the experiment live (without --batch), or leave those models out");
            }
            if (spec.budgetUsd() != null && estimate.batchHigh().compareTo(spec.budgetUsd()) > 0) {
                throw new UsageException("the batches could cost up to " + Money.format(estimate.batchHigh())
                        + ", above the cap of " + Money.format(spec.budgetUsd()) + "; a batch cannot stop at a cap: "
                        + "raise --budget, or run live (without --batch)");
            }
            if (!a.flag("yes")
                    && !AbSupport.ask(
                            ctx.in(),
                            ctx.err(),
                            "Submit " + estimate.live().calls() + " requests through the batch APIs for about "
                                    + Money.format(estimate.batchLow()) + " – " + Money.format(estimate.batchHigh())
                                    + "?")) {
                ctx.err().println("costbench: not submitted (--yes submits without asking)");
                return 1;
            }
            long id = runner.create(spec).experimentId();
            List<StoredBatch> sent = runner.submit(id);
            if (!a.flag("wait")) {
                printSubmitted(id, spec.name(), sent, json);
                return 0;
            }
            ctx.err()
                    .println("experiment " + id + " (" + spec.name() + "): " + sent.size() + " batch"
                            + (sent.size() == 1 ? "" : "es")
                            + " submitted; waiting for the results (Ctrl+C stops waiting, "
                            + "costbench ab resume " + id + " collects them later)");
            return waitFor(store, runner, id, poll, json, estimate);
        }
    }

    /**
     * {@code ab resume ID} of an experiment with batches: polls them and collects the finished ones; -1 when the
     * experiment has none (the live resume goes on), or when every batch is collected and trials are missing (the
     * live resume runs them after its question).
     */
    int resume(JdbcLabStore store, long id, boolean json) throws IOException {
        if (store.batches().batches(id).isEmpty()) {
            return -1;
        }
        BatchRunner runner = runner(store, ctx.catalog());
        BatchRefresh r = runner.refresh(id);
        tell(r);
        if (r.anyOpen()) {
            printBatches(r.batches(), json);
            ctx.err()
                    .println("experiment " + id + ": " + open(r.batches()) + " still running; costbench ab resume " + id
                            + " again collects their results when they end");
            return 0;
        }
        if (store.missingTrials(id).isEmpty()) {
            report.summary(store, id, null, null, json);
            return 0;
        }
        ctx.err()
                .println("experiment " + id + ": every batch is collected; "
                        + store.missingTrials(id).size() + " trials failed or were not answered (see costbench ab show "
                        + id + ")");
        return -1;
    }

    /** {@code ab resume BATCH_ID}: collects the batch's experiment. */
    int resumeBatch(String batchId, boolean json) throws IOException {
        try (JdbcLabStore store = openStore()) {
            StoredBatch b = store.batches()
                    .findBatch(batchId)
                    .orElseThrow(
                            () -> new UsageException("no batch " + batchId + " (costbench ab batches lists them)"));
            int code = resume(store, b.experimentId(), json);
            return code < 0 ? 1 : code;
        }
    }

    /** {@code ab batches}: every batch with its state and counts. */
    int list(List<String> argv) throws IOException {
        Args a = Args.parse(argv, BATCHES);
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        try (JdbcLabStore store = openStore()) {
            printBatches(store.batches().batches(), a.flag("json"));
            return 0;
        }
    }

    /** {@code ab cancel-batch ID}. */
    int cancel(List<String> argv) throws IOException {
        Args a = Args.parse(argv, CANCEL);
        if (a.positional.size() != 1) {
            throw new UsageException("ab cancel-batch needs a batch id (costbench ab batches lists them)");
        }
        try (JdbcLabStore store = openStore()) {
            StoredBatch b;
            try {
                b = runner(store, ctx.catalog()).cancel(a.positional.get(0));
            } catch (NoSuchElementException e) {
                throw new UsageException(e.getMessage());
            }
            printBatches(List.of(b), a.flag("json"));
            ctx.err()
                    .println("batch " + b.batchId() + ": " + b.status().state().words() + "; costbench ab resume "
                            + b.experimentId() + " collects what finished before the cancel");
            return 0;
        }
    }

    private BatchRunner runner(LabStore store, Catalog cat) {
        return new BatchRunner(store, ((JdbcLabStore) store).batches(), ctx.batches(), cat::find);
    }

    private int waitFor(JdbcLabStore store, BatchRunner runner, long id, Duration poll, boolean json, BatchEstimate e)
            throws IOException {
        BatchRefresh r = runner.refresh(id);
        while (r.anyOpen()) {
            tell(r);
            ctx.err().println(progress(r.batches()));
            try {
                Thread.sleep(r.nextPoll(poll).toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                ctx.err().println("costbench: stopped waiting; costbench ab resume " + id + " collects the results");
                return 1;
            }
            r = runner.refresh(id);
        }
        tell(r);
        report.summary(store, id, null, e.live(), json);
        return store.missingTrials(id).isEmpty() ? 0 : 1;
    }

    private void tell(BatchRefresh r) {
        r.problems().forEach(p -> ctx.err().println("costbench: " + p));
    }

    private static String progress(List<StoredBatch> batches) {
        int done = 0;
        int pending = 0;
        for (StoredBatch b : batches) {
            done += b.status().succeeded() + b.status().failed();
            pending += b.status().pending();
        }
        return "batches: " + open(batches) + " running; " + done + " requests done, " + pending + " pending";
    }

    private static String open(List<StoredBatch> batches) {
        long n = batches.stream().filter(StoredBatch::open).count();
        return n + " batch" + (n == 1 ? "" : "es");
    }

    static void printBatchEstimate(BatchEstimate e, PrintStream to) {
        to.println("  live vs through the batch API, per provider:");
        for (BatchEstimate.Line l : e.lines()) {
            to.printf(
                    Locale.ROOT,
                    "    %-26s %5d calls  live %-22s batch %s%n",
                    l.provider().displayName(),
                    l.calls(),
                    l.liveText(),
                    l.batchText());
        }
    }

    private void printSubmitted(long id, String name, List<StoredBatch> sent, boolean json) throws IOException {
        if (json) {
            ObjectNode o = Json.object();
            o.put("experimentId", id);
            ArrayNode arr = o.putArray("batches");
            for (StoredBatch b : sent) {
                ObjectNode bo = arr.addObject();
                bo.put("provider", b.status().provider().displayName());
                bo.put("batchId", b.batchId());
                bo.put("requests", b.requests());
                bo.put("state", b.status().state().words());
            }
            ctx.out().println(Json.pretty(o));
        } else {
            ctx.out()
                    .println("experiment " + id + " (" + name + "): " + sent.size() + " batch"
                            + (sent.size() == 1 ? "" : "es") + " submitted");
            for (StoredBatch b : sent) {
                ctx.out()
                        .printf(
                                Locale.ROOT,
                                "  %-26s %-40s %6d requests  %s%n",
                                b.status().provider().displayName(),
                                b.batchId(),
                                b.requests(),
                                b.status().state().words());
            }
        }
        ctx.err()
                .println("costbench ab batches shows their state; costbench ab resume " + id
                        + " collects the results when they end (within 24 h)");
    }

    private void printBatches(List<StoredBatch> batches, boolean json) throws IOException {
        if (json) {
            ArrayNode arr = Json.array();
            for (StoredBatch b : batches) {
                BatchStatus s = b.status();
                ObjectNode o = arr.addObject();
                o.put("experimentId", b.experimentId());
                o.put("provider", s.provider().displayName());
                o.put("batchId", b.batchId());
                o.put("state", s.state().words());
                o.put("providerState", s.providerState());
                o.put("requests", b.requests());
                o.put("succeeded", s.succeeded());
                o.put("failed", s.failed());
                o.put("pending", s.pending());
                o.put("collected", b.collected());
                o.put("createdAt", iso(s.createdAt()));
                o.put("expiresAt", iso(s.expiresAt()));
                o.put("submittedAt", iso(b.submittedAt()));
                o.put("checkedAt", iso(b.checkedAt()));
                if (s.errorMessage() != null) {
                    o.put("error", s.errorMessage());
                }
            }
            ctx.out().println(Json.pretty(arr));
            return;
        }
        if (batches.isEmpty()) {
            ctx.out().println("no batches (costbench ab run FILE --batch submits some)");
            return;
        }
        ctx.out()
                .printf(
                        Locale.ROOT,
                        "%6s  %-10s  %-32s  %-16s  %6s  %7s  %-16s  %-16s%n",
                        "EXP",
                        "PROVIDER",
                        "BATCH",
                        "STATE",
                        "DONE",
                        "PENDING",
                        "CREATED (UTC)",
                        "EXPIRES (UTC)");
        for (StoredBatch b : batches) {
            BatchStatus s = b.status();
            ctx.out()
                    .printf(
                            Locale.ROOT,
                            "%6d  %-10s  %-32s  %-16s  %6d  %7d  %-16s  %-16s%n",
                            b.experimentId(),
                            s.provider().displayName(),
                            b.batchId(),
                            s.state().words() + (b.open() && s.state().terminal() ? " (to collect)" : ""),
                            s.succeeded() + s.failed(),
                            s.pending(),
                            s.createdAt() == null ? "-" : WHEN.format(s.createdAt()),
                            s.expiresAt() == null ? "-" : WHEN.format(s.expiresAt()));
            if (s.errorMessage() != null) {
                ctx.out().println("        " + s.errorMessage());
            }
        }
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    /** A batch failure as the command line reports it: a missing key is bad input (exit 2), the rest exit 1. */
    static int failure(BatchException e, PrintStream err) {
        if (e.getCause() instanceof ProviderException p && p.kind() == ProviderException.Kind.NO_KEY) {
            throw new UsageException(e.getMessage());
        }
        err.println("costbench: " + e.getMessage());
        return 1;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import static dev.costbench.cli.command.AbSupport.awaitOrCancel;
import static dev.costbench.cli.command.AbSupport.budget;
import static dev.costbench.cli.command.AbSupport.clients;
import static dev.costbench.cli.command.AbSupport.concurrency;
import static dev.costbench.cli.command.AbSupport.confirm;
import static dev.costbench.cli.command.AbSupport.exitCode;
import static dev.costbench.cli.command.AbSupport.id;
import static dev.costbench.cli.command.AbSupport.loadSpec;
import static dev.costbench.cli.command.AbSupport.openStore;
import static dev.costbench.cli.command.AbSupport.provider;
import static dev.costbench.cli.command.AbSupport.requireExperiment;

import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.RunProgressLine;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeEstimate;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Planner;
import dev.costbench.model.lab.run.Run;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.store.JdbcLabStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code costbench ab run EXPERIMENT} and {@code ab resume ID}: the trials of an experiment with a progress line on
 * stderr, the estimate first (and a question unless {@code --yes}), the summary at the end; with a judge in the
 * experiment, the judge scores the new outputs after the trials. Exit codes as {@link AbCommand}.
 */
final class AbRunCommand {

    public static final Args.Options RUN = Args.Options.of(
            "ab run",
            Set.of("budget", "provider", "base-url", "concurrency", "poll"),
            Set.of("json", "yes", "no-stream", "batch", "wait"));

    public static final Args.Options RESUME =
            Args.Options.of("ab resume", Set.of("budget", "base-url", "concurrency"), Set.of("json", "yes"));

    private final Context ctx;
    private final AbReport report;

    AbRunCommand(Context ctx, AbReport report) {
        this.ctx = ctx;
        this.report = report;
    }

    int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, RUN);
        int threads = concurrency(a);
        String baseUrl = a.url("base-url");
        if (a.positional.size() != 1) {
            throw new UsageException("ab run needs one experiment file (or a built-in experiment's name)");
        }
        ExperimentSpec spec = loadSpec(a.positional.get(0));
        BigDecimal budget = budget(a);
        if (budget != null) {
            spec = spec.withBudget(budget);
        }
        if (a.get("provider") != null) {
            spec = spec.withDefaultProvider(provider(a.get("provider")));
        }
        if (a.flag("no-stream")) {
            spec = spec.withStream(false);
        }
        if (a.flag("batch")) {
            return new AbBatchCommand(ctx, report).run(a, spec);
        }
        if (a.flag("wait") || a.get("poll") != null) {
            throw new UsageException("--wait and --poll go with --batch (a live run always waits)");
        }
        Catalog cat = ctx.catalog();
        RunPlan draft = RunPlan.of(spec);
        Planner.validate(draft);
        Map<String, ProviderId> providers = draft.providers(cat::find);
        draft.requireMediaSupport(cat::find);
        draft.requireEffortSupport(providers);
        RunEstimate estimate = new Estimator(cat::find).estimate(draft, draft.cells(), Map.of(), BigDecimal.ZERO);
        boolean json = a.flag("json");
        AbReport.printEstimate(spec.name(), estimate, json ? ctx.err() : ctx.out());
        AbReport.printMedia(spec, cat, json ? ctx.err() : ctx.out());
        JudgeSpec judgeSpec = spec.quality().judge();
        Set<ProviderId> needed = new LinkedHashSet<>(providers.values());
        if (judgeSpec != null) {
            JudgeEstimate je = Judge.estimate(draft, judgeSpec, cat::find);
            (json ? ctx.err() : ctx.out())
                    .println("  then the judge: " + je.text().substring("judge ".length())
                            + ", counted apart from the trials"
                            + (judgeSpec.budgetUsd() == null
                                    ? ""
                                    : "; judge cap " + Money.format(judgeSpec.budgetUsd())));
            needed.add(RunPlan.providerOf(cat.find(judgeSpec.model())
                    .orElseThrow(() -> new UsageException("judge model \"" + judgeSpec.model()
                            + "\" is not in the catalog: pick a catalog model (it prices " + "the judge calls)"))));
        }
        ClientSource clients = clients(ctx.providers(), needed, baseUrl);
        if (!a.flag("yes") && !confirm(ctx.in(), ctx.err(), estimate)) {
            ctx.err().println("costbench: not run (--yes runs without asking)");
            return 1;
        }
        try (JdbcLabStore store = openStore()) {
            Runner runner = new Runner(store, clients, cat::find, threads, Runner.DEFAULT_ATTEMPTS);
            long id = runner.create(spec).experimentId();
            ctx.err()
                    .println("experiment " + id + " (" + spec.name() + "): " + estimate.calls() + " calls; "
                            + "costbench ab resume " + id + " continues it if it stops");
            AbJudgeCommand.Judging judging = judgeSpec == null
                    ? null
                    : new AbJudgeCommand.Judging(new Judge(store, clients, cat::find, threads), judgeSpec, null);
            return execute(store, runner, id, null, estimate, json, judging);
        }
    }

    int resume(List<String> argv) throws IOException {
        Args a = Args.parse(argv, RESUME);
        int threads = concurrency(a);
        String baseUrl = a.url("base-url");
        boolean json = a.flag("json");
        if (a.positional.size() == 1 && !a.positional.get(0).matches("\\d+")) {
            return new AbBatchCommand(ctx, report).resumeBatch(a.positional.get(0), json);
        }
        long id = id(a, "ab resume");
        BigDecimal budget = budget(a);
        Catalog cat = ctx.catalog();
        try (JdbcLabStore store = openStore()) {
            requireExperiment(store, id, ctx.err());
            int batches = new AbBatchCommand(ctx, report).resume(store, id, json);
            if (batches >= 0) {
                return batches;
            }
            RunPlan plan = RunPlan.load(store, id);
            Map<String, ProviderId> providers = plan.providers(cat::find);
            List<TrialCell> missing = store.missingTrials(id);
            Runner probe = new Runner(store, AbSupport.NO_CALLS, cat::find);
            RunEstimate estimate = probe.estimateRemaining(id, budget);
            AbReport.printEstimate(plan.spec().name(), estimate, json ? ctx.err() : ctx.out());
            if (missing.isEmpty()) {
                ctx.err().println("experiment " + id + ": every trial is done; nothing to resume");
                report.summary(store, id, null, estimate, json);
                return 0;
            }
            Set<ProviderId> needed = new LinkedHashSet<>();
            missing.forEach(c -> needed.add(providers.get(c.modelId())));
            JudgeSpec judgeSpec = plan.spec().quality().judge();
            if (judgeSpec != null) {
                (json ? ctx.err() : ctx.out())
                        .println("  then the judge scores the new outputs with " + judgeSpec.model()
                                + ", counted apart from the trials");
                needed.add(RunPlan.providerOf(cat.find(judgeSpec.model())
                        .orElseThrow(() -> new UsageException(
                                "judge model \"" + judgeSpec.model() + "\" is not in the catalog"))));
            }
            ClientSource clients = clients(ctx.providers(), needed, baseUrl);
            if (!a.flag("yes") && !confirm(ctx.in(), ctx.err(), estimate)) {
                ctx.err().println("costbench: not run (--yes runs without asking)");
                return 1;
            }
            Runner runner = new Runner(store, clients, cat::find, threads, Runner.DEFAULT_ATTEMPTS);
            AbJudgeCommand.Judging judging = judgeSpec == null
                    ? null
                    : new AbJudgeCommand.Judging(new Judge(store, clients, cat::find, threads), judgeSpec, null);
            return execute(store, runner, id, budget, estimate, json, judging);
        }
    }

    /** Runs the experiment's missing cells with a progress line on stderr, then prints the summary. */
    private int execute(
            LabStore store,
            Runner runner,
            long id,
            BigDecimal budget,
            RunEstimate estimate,
            boolean json,
            AbJudgeCommand.Judging judging)
            throws IOException {
        RunProgressLine line = new RunProgressLine(ctx.err());
        Run run = runner.start(id, budget, line);
        RunResult result = awaitOrCancel(run.result(), run::cancel, "costbench ab cancel");
        if (result == null) {
            ctx.err().println();
            ctx.err().println("costbench: interrupted");
            return 1;
        }
        line.end();
        ctx.err().println(result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + result.message());
        JudgeResult judged = null;
        if (judging != null && result.done() > 0 && result.outcome() != RunResult.Outcome.CANCELLED) {
            judged = AbJudgeCommand.judgeNow(store, id, judging, ctx.err());
        }
        report.summary(store, id, result, estimate, json, judged);
        if (judged != null
                && judged.outcome() != RunResult.Outcome.COMPLETED
                && result.outcome() == RunResult.Outcome.COMPLETED) {
            return exitCode(judged.outcome());
        }
        return exitCode(result.outcome());
    }
}

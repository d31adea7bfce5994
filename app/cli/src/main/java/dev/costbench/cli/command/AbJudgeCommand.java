// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import static dev.costbench.cli.command.AbSupport.ask;
import static dev.costbench.cli.command.AbSupport.awaitOrCancel;
import static dev.costbench.cli.command.AbSupport.budget;
import static dev.costbench.cli.command.AbSupport.clients;
import static dev.costbench.cli.command.AbSupport.concurrency;
import static dev.costbench.cli.command.AbSupport.exitCode;
import static dev.costbench.cli.command.AbSupport.id;
import static dev.costbench.cli.command.AbSupport.openStore;
import static dev.costbench.cli.command.AbSupport.requireExperiment;

import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.JudgeProgressLine;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeEstimate;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeRun;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.store.JdbcLabStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code costbench ab judge ID}: an LLM judge scores an experiment's outputs that have no score yet, counted apart
 * from the trials, with its own cap; the run command calls {@link #judgeNow} after the trials.
 */
final class AbJudgeCommand {

    public static final Args.Options JUDGE = Args.Options.of(
            "ab judge",
            Set.of("model", "rubric", "scale", "budget", "concurrency"),
            Set.of("json", "yes", "reference"));

    private final Context ctx;
    private final AbReport report;

    AbJudgeCommand(Context ctx, AbReport report) {
        this.ctx = ctx;
        this.report = report;
    }

    /** A judge to run after the trials, with the cap given on the command line (or null). */
    record Judging(Judge judge, JudgeSpec spec, BigDecimal budget) {}

    int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, JUDGE);
        int threads = concurrency(a);
        long id = id(a, "ab judge");
        BigDecimal budget = budget(a);
        Catalog cat = ctx.catalog();
        boolean json = a.flag("json");
        try (JdbcLabStore store = openStore()) {
            requireExperiment(store, id, ctx.err());
            Experiment e = store.loadExperiment(id);
            QualitySettings q = QualitySettings.read(e.settings().extraJson());
            JudgeSpec spec = judgeSpec(q.judge(), a, id);
            if (!spec.equals(q.judge())) {
                // the experiment's judge from now on: its scores are the ones the results show
                store.updateSettings(
                        id,
                        new ExperimentSettings(
                                e.settings().temperature(),
                                e.settings().maxOutputTokens(),
                                e.settings().reasoningBudget(),
                                e.settings().reasoningEffort(),
                                e.settings().reuseStoredAnswers(),
                                q.withJudge(spec).writeInto(e.settings().extraJson())));
            }
            Judge probe = new Judge(store, AbSupport.NO_CALLS, cat::find);
            JudgeEstimate est = probe.estimate(id, spec);
            (json ? ctx.err() : ctx.out())
                    .println("Judge estimate for experiment " + id + ": " + est.text()
                            + ", counted apart from the trials"
                            + ((budget != null ? budget : spec.budgetUsd()) == null
                                    ? " (no judge cap; --budget USD sets one)"
                                    : "; judge cap " + Money.format(budget != null ? budget : spec.budgetUsd())));
            if (est.calls() == 0) {
                ctx.err().println("experiment " + id + ": every output already has a score by " + spec.model());
                report.summary(store, id, null, null, json);
                return 0;
            }
            ClientSource clients = clients(ctx.providers(), Set.of(probe.provider(spec)), null);
            if (!a.flag("yes") && !confirmJudge(est)) {
                ctx.err().println("costbench: not judged (--yes judges without asking)");
                return 1;
            }
            Judge judge = new Judge(store, clients, cat::find, threads);
            JudgeResult r = judgeNow(store, id, new Judging(judge, spec, budget), ctx.err());
            report.summary(store, id, null, null, json, r);
            return exitCode(r.outcome());
        }
    }

    /** The stored judge with the command line's changes; a usage error when there is none and no --model. */
    private static JudgeSpec judgeSpec(JudgeSpec stored, Args a, long id) throws IOException {
        String model = a.get("model");
        if (stored == null && model == null) {
            throw new UsageException("experiment " + id + " has no judge: give one with --model M (and --rubric FILE; "
                    + "the default rubric scores correctness and completeness 1–5)");
        }
        JudgeSpec s = stored != null ? stored : JudgeSpec.of(model, JudgeSpec.DEFAULT_RUBRIC);
        if (model != null) {
            s = s.withModel(model);
        }
        try {
            if (a.get("rubric") != null) {
                Path f = Path.of(a.get("rubric"));
                if (!Files.isRegularFile(f)) {
                    throw new UsageException("--rubric: no such file: " + f + " (a text file with the rubric)");
                }
                s = s.withRubric(new Input(InputStream.nullInputStream()).text(f.toString()));
            }
            if (a.get("scale") != null) {
                s = s.withScale(a.wholeNumber("scale", 5, 2, 100));
            }
            if (a.flag("reference")) {
                s = new JudgeSpec(s.model(), s.rubric(), s.scale(), true, s.maxOutputTokens(), s.budgetUsd());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return s;
    }

    /** Judges the experiment's outputs without a score, with a progress line on stderr. */
    static JudgeResult judgeNow(LabStore store, long id, Judging j, PrintStream err) {
        JudgeProgressLine line = new JudgeProgressLine(err);
        JudgeRun run = j.judge().start(id, j.spec(), j.budget(), line);
        JudgeResult r = awaitOrCancel(run.result(), run::cancel, "costbench ab judge cancel");
        if (r == null) {
            throw new IllegalStateException("interrupted");
        }
        line.end();
        err.println("judge " + r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + r.message()
                + "; judge spent " + Money.format(r.spentThisRunUsd()));
        return r;
    }

    private boolean confirmJudge(JudgeEstimate e) throws IOException {
        return ask(
                ctx.in(),
                ctx.err(),
                "Judge " + e.calls() + " outputs for about " + Money.format(e.lowUsd()) + " – "
                        + Money.format(e.highUsd()) + "?");
    }
}

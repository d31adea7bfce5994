// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.judge.Judge;
import dev.costbench.model.lab.judge.JudgeEstimate;
import dev.costbench.model.lab.judge.JudgeListener;
import dev.costbench.model.lab.judge.JudgeProgress;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.judge.JudgeRun;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.ExperimentExport;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Planner;
import dev.costbench.model.lab.run.Run;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunListener;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.RunProgress;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.RunSummary;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.lab.run.SimpleSummary;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.SpecJson;
import dev.costbench.model.lab.run.SummaryStatistics;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.Providers;
import dev.costbench.store.H2LabStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code costbench ab run|resume|judge|list|show|export|compare|reprice|import}: the A/B lab headless. Exit codes: 0
 * every trial succeeded (and, with a judge, every output has a score), 1 the run failed or left trials that failed (or
 * was cancelled, or not confirmed), 2 bad input, 4 stopped at the budget cap (the run's or the judge's).
 */
final class AbCommand {

    static final Args.Options RUN = Args.Options.of("ab run", Set.of("budget", "provider", "base-url", "concurrency"),
            Set.of("json", "yes", "no-stream"));
    static final Args.Options RESUME = Args.Options.of("ab resume", Set.of("budget", "base-url", "concurrency"),
            Set.of("json", "yes"));
    static final Args.Options JUDGE = Args.Options.of("ab judge",
            Set.of("model", "rubric", "scale", "budget", "concurrency"),
            Set.of("json", "yes", "reference"));
    static final Args.Options LIST = Args.Options.of("ab list", Set.of(),
            Set.of("json"));
    static final Args.Options SHOW = Args.Options.of("ab show", Set.of(),
            Set.of("json"));
    static final Args.Options EXPORT = Args.Options.of("ab export", Set.of("out"),
            Set.of("json", "csv"));

    static final int EXIT_BUDGET = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<ProviderConfig> config;
    private final Supplier<Catalog> catalog;
    private final SummaryStatistics stats;

    AbCommand(InputStream in, PrintStream out, PrintStream err, Supplier<ProviderConfig> config,
              Supplier<Catalog> catalog) {
        this(in, out, err, config, catalog, dev.costbench.model.lab.stats.StatsSummary.INSTANCE);
    }

    /** With the statistics that compute the summary (the plain figures by default). */
    AbCommand(InputStream in, PrintStream out, PrintStream err, Supplier<ProviderConfig> config,
              Supplier<Catalog> catalog, SummaryStatistics stats) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.config = config;
        this.catalog = catalog;
        this.stats = stats;
    }

    int run(List<String> argv) throws IOException {
        if (argv.isEmpty()) {
            throw new UsageException("ab needs a subcommand: run, resume, judge, list, show, export, compare, "
                    + "reprice, import");
        }
        String sub = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            switch (sub) {
                case "run":
                    return runExperiment(rest);
                case "resume":
                    return resume(rest);
                case "list":
                    return list(rest);
                case "show":
                    return show(rest);
                case "export":
                    return export(rest);
                case "judge":
                    return judge(rest);
                case "compare":
                    return history().compare(rest);
                case "reprice":
                    return history().reprice(rest);
                case "import":
                    return history().importFile(rest);
                default:
                    throw new UsageException("unknown ab subcommand '" + sub + "' (run, resume, judge, list, show, "
                            + "export, compare, reprice, import)");
            }
        } catch (SpecException e) {
            throw new UsageException(e.getMessage());
        } catch (LabStoreException e) {
            err.println("costbench: " + e.getMessage());
            return 1;
        }
    }

    // ---- run / resume ---------------------------------------------------------------------------------------------

    private int runExperiment(List<String> argv) throws IOException {
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
        Catalog cat = catalog.get();
        RunPlan draft = RunPlan.of(spec);
        Planner.validate(draft);
        Map<String, ProviderId> providers = draft.providers(cat::find);
        draft.requireMediaSupport(cat::find);
        RunEstimate estimate = new Estimator(cat::find).estimate(draft, draft.cells(), Map.of(), BigDecimal.ZERO);
        boolean json = a.flag("json");
        printEstimate(spec.name(), estimate, json ? err : out);
        printMedia(spec, cat, json ? err : out);
        JudgeSpec judgeSpec = spec.quality().judge();
        Set<ProviderId> needed = new LinkedHashSet<>(providers.values());
        if (judgeSpec != null) {
            JudgeEstimate je = Judge.estimate(draft, judgeSpec, cat::find);
            (json ? err : out).println("  then the judge: " + je.text().substring("judge ".length())
                    + ", counted apart from the trials" + (judgeSpec.budgetUsd() == null ? ""
                    : "; judge cap " + Money.format(judgeSpec.budgetUsd())));
            needed.add(RunPlan.providerOf(cat.find(judgeSpec.model()).orElseThrow(() -> new UsageException(
                    "judge model \"" + judgeSpec.model() + "\" is not in the catalog: pick a catalog model (it prices "
                    + "the judge calls)"))));
        }
        ClientSource clients = clients(needed, baseUrl);
        if (!a.flag("yes") && !confirm(estimate)) {
            err.println("costbench: not run (--yes runs without asking)");
            return 1;
        }
        try (H2LabStore store = openStore()) {
            Runner runner = new Runner(store, clients, cat::find, threads, Runner.DEFAULT_ATTEMPTS);
            long id = runner.create(spec).experimentId();
            err.println("experiment " + id + " (" + spec.name() + "): " + estimate.calls() + " calls; "
                    + "costbench ab resume " + id + " continues it if it stops");
            Judging judging = judgeSpec == null ? null
                    : new Judging(new Judge(store, clients, cat::find, threads), judgeSpec, null);
            return execute(store, runner, id, null, estimate, json, judging);
        }
    }

    private int resume(List<String> argv) throws IOException {
        Args a = Args.parse(argv, RESUME);
        int threads = concurrency(a);
        String baseUrl = a.url("base-url");
        long id = id(a, "ab resume");
        BigDecimal budget = budget(a);
        Catalog cat = catalog.get();
        boolean json = a.flag("json");
        try (H2LabStore store = openStore()) {
            requireExperiment(store, id);
            RunPlan plan = RunPlan.load(store, id);
            Map<String, ProviderId> providers = plan.providers(cat::find);
            List<TrialCell> missing = store.missingTrials(id);
            Runner probe = new Runner(store, p -> {
                throw new IllegalStateException("no calls while estimating");
            }, cat::find);
            RunEstimate estimate = probe.estimateRemaining(id, budget);
            printEstimate(plan.spec().name(), estimate, json ? err : out);
            if (missing.isEmpty()) {
                err.println("experiment " + id + ": every trial is done; nothing to resume");
                summary(store, id, null, estimate, json);
                return 0;
            }
            Set<ProviderId> needed = new LinkedHashSet<>();
            missing.forEach(c -> needed.add(providers.get(c.modelId())));
            JudgeSpec judgeSpec = plan.spec().quality().judge();
            if (judgeSpec != null) {
                (json ? err : out).println("  then the judge scores the new outputs with " + judgeSpec.model()
                        + ", counted apart from the trials");
                needed.add(RunPlan.providerOf(cat.find(judgeSpec.model()).orElseThrow(() -> new UsageException(
                        "judge model \"" + judgeSpec.model() + "\" is not in the catalog"))));
            }
            ClientSource clients = clients(needed, baseUrl);
            if (!a.flag("yes") && !confirm(estimate)) {
                err.println("costbench: not run (--yes runs without asking)");
                return 1;
            }
            Runner runner = new Runner(store, clients, cat::find, threads, Runner.DEFAULT_ATTEMPTS);
            Judging judging = judgeSpec == null ? null
                    : new Judging(new Judge(store, clients, cat::find, threads), judgeSpec, null);
            return execute(store, runner, id, budget, estimate, json, judging);
        }
    }

    /** Runs the experiment's missing cells with a progress line on stderr, then prints the summary. */
    private int execute(LabStore store, Runner runner, long id, BigDecimal budget, RunEstimate estimate,
                        boolean json, Judging judging) throws IOException {
        ProgressLine line = new ProgressLine(err);
        Run run = runner.start(id, budget, line);
        RunResult result = awaitOrCancel(run.result(), run::cancel, "costbench ab cancel");
        if (result == null) {
            err.println();
            err.println("costbench: interrupted");
            return 1;
        }
        line.end();
        err.println(result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + result.message());
        JudgeResult judged = null;
        if (judging != null && result.done() > 0 && result.outcome() != RunResult.Outcome.CANCELLED) {
            judged = judgeNow(store, id, judging);
        }
        summary(store, id, result, estimate, json, judged);
        if (judged != null && judged.outcome() != RunResult.Outcome.COMPLETED
                && result.outcome() == RunResult.Outcome.COMPLETED) {
            return exitCode(judged.outcome());
        }
        return exitCode(result.outcome());
    }

    /** 0 completed, {@link #EXIT_BUDGET} stopped at the budget cap, 1 anything else. */
    private static int exitCode(RunResult.Outcome outcome) {
        switch (outcome) {
            case COMPLETED:
                return 0;
            case BUDGET_REACHED:
                return EXIT_BUDGET;
            default:
                return 1;
        }
    }

    /**
     * Waits for background work; Ctrl+C (the JVM shutting down) cancels it and gives the calls in flight 20 s to end.
     * Null when this thread is interrupted (the work is cancelled).
     */
    private static <T> T awaitOrCancel(CompletableFuture<T> done, Runnable cancel, String name) {
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                done.get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the JVM exits anyway
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.run();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the work failed", e.getCause());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook cancels the work
            }
        }
    }

    /** The clients of the providers a run needs; a missing key is bad input (nothing has run yet). */
    private ClientSource clients(Collection<ProviderId> needed, String baseUrl) throws IOException {
        Map<ProviderId, ProviderClient> clients = new EnumMap<>(ProviderId.class);
        for (ProviderId id : needed) {
            ProviderSettings s;
            try {
                s = config.get().resolve(id, id == ProviderId.COMPATIBLE ? baseUrl : null, null);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (id != ProviderId.COMPATIBLE && (s.key() == null || s.key().isEmpty())) {
                throw new UsageException("no " + id.displayName() + " API key: set " + id.keyVariable()
                        + (id == ProviderId.GEMINI ? " (or GOOGLE_API_KEY)" : "") + " or add it in the workbench's "
                        + "Settings");
            }
            try {
                clients.put(id, Providers.client(s));
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return id -> {
            ProviderClient c = clients.get(id);
            if (c == null) {
                throw new ProviderException(id, ProviderException.Kind.NO_KEY, 0, "no client for "
                        + id.displayName(), null, null, null);
            }
            return c;
        };
    }

    private boolean confirm(RunEstimate e) throws IOException {
        return ask("Run " + e.calls() + " calls for about " + Money.format(e.lowUsd()) + " – "
                + Money.format(e.highUsd()) + (e.budgetUsd() == null ? "" : " (cap " + Money.format(e.budgetUsd())
                + ")") + "?");
    }

    /** Asks a yes/no question on stderr; true for y or yes on stdin. */
    private boolean ask(String question) throws IOException {
        err.print(question + " [y/N] ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    // ---- judge ----------------------------------------------------------------------------------------------------

    /** A judge to run after the trials, with the cap given on the command line (or null). */
    private record Judging(Judge judge, JudgeSpec spec, BigDecimal budget) {
    }

    private int judge(List<String> argv) throws IOException {
        Args a = Args.parse(argv, JUDGE);
        int threads = concurrency(a);
        long id = id(a, "ab judge");
        BigDecimal budget = budget(a);
        Catalog cat = catalog.get();
        boolean json = a.flag("json");
        try (H2LabStore store = openStore()) {
            requireExperiment(store, id);
            Experiment e = store.loadExperiment(id);
            QualitySettings q = QualitySettings.read(e.settings().extraJson());
            JudgeSpec spec = judgeSpec(q.judge(), a, id);
            if (!spec.equals(q.judge())) {
                // the experiment's judge from now on: its scores are the ones the results show
                store.updateSettings(id, new ExperimentSettings(e.settings().temperature(),
                        e.settings().maxOutputTokens(), e.settings().reasoningBudget(),
                        e.settings().reasoningEffort(), e.settings().reuseStoredAnswers(),
                        q.withJudge(spec).writeInto(e.settings().extraJson())));
            }
            Judge probe = new Judge(store, p -> {
                throw new IllegalStateException("no calls while estimating");
            }, cat::find);
            JudgeEstimate est = probe.estimate(id, spec);
            (json ? err : out).println("Judge estimate for experiment " + id + ": " + est.text()
                    + ", counted apart from the trials" + ((budget != null ? budget : spec.budgetUsd()) == null
                    ? " (no judge cap; --budget USD sets one)" : "; judge cap "
                    + Money.format(budget != null ? budget : spec.budgetUsd())));
            if (est.calls() == 0) {
                err.println("experiment " + id + ": every output already has a score by " + spec.model());
                summary(store, id, null, null, json);
                return 0;
            }
            ClientSource clients = clients(Set.of(probe.provider(spec)), null);
            if (!a.flag("yes") && !confirmJudge(est)) {
                err.println("costbench: not judged (--yes judges without asking)");
                return 1;
            }
            Judge judge = new Judge(store, clients, cat::find, threads);
            JudgeResult r = judgeNow(store, id, new Judging(judge, spec, budget));
            summary(store, id, null, null, json, r);
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
    private JudgeResult judgeNow(LabStore store, long id, Judging j) {
        JudgeLine line = new JudgeLine(err);
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
        return ask("Judge " + e.calls() + " outputs for about " + Money.format(e.lowUsd()) + " – "
                + Money.format(e.highUsd()) + "?");
    }

    /** Outputs judged of total, failures, the judge's spending. */
    private static final class JudgeLine extends StatusLine implements JudgeListener {

        JudgeLine(PrintStream err) {
            super(err);
        }

        @Override
        public synchronized void progress(JudgeProgress p) {
            if (due(p.finished())) {
                show(String.format(Locale.ROOT, "judged %d/%d", p.scored(), p.total())
                        + (p.failed() > 0 ? " · " + p.failed() + " without a score" : "")
                        + " · judge spent " + Money.format(p.spentUsd())
                        + (p.budgetUsd() == null ? "" : " of " + Money.format(p.budgetUsd())));
            }
        }
    }

    // ---- list / show / export -------------------------------------------------------------------------------------

    private int list(List<String> argv) throws IOException {
        Args a = Args.parse(argv, LIST);
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        try (H2LabStore store = openStore()) {
            List<Experiment> all = store.listExperiments();
            if (a.flag("json")) {
                ArrayNode arr = JSON.createArrayNode();
                for (Experiment e : all) {
                    ObjectNode o = arr.addObject();
                    experimentJson(o, e, store.progress(e.id()));
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                return 0;
            }
            out.printf(Locale.ROOT, "%6s  %-11s  %-16s  %9s  %6s  %10s  %s%n", "ID", "STATUS", "CREATED", "DONE",
                    "FAILED", "SPENT", "NAME");
            for (Experiment e : all) {
                ExperimentProgress p = store.progress(e.id());
                out.printf(Locale.ROOT, "%6d  %-11s  %-16s  %9s  %6d  %10s  %s%n", e.id(), e.status(),
                        e.created().toString().substring(0, 16).replace('T', ' '), p.succeeded() + "/" + p.planned(),
                        p.failed(), Money.format(p.spentUsd()), e.name());
            }
            if (all.isEmpty()) {
                out.println("no experiments yet (costbench ab run experiment.json)");
            }
            return 0;
        }
    }

    private int show(List<String> argv) throws IOException {
        Args a = Args.parse(argv, SHOW);
        long id = id(a, "ab show");
        try (H2LabStore store = openStore()) {
            requireExperiment(store, id);
            summary(store, id, null, null, a.flag("json"));
            return 0;
        }
    }

    private int export(List<String> argv) throws IOException {
        Args a = Args.parse(argv, EXPORT);
        long id = id(a, "ab export");
        if (a.flag("json") && a.flag("csv")) {
            throw new UsageException("--json or --csv, not both");
        }
        if (a.get("out") != null) {
            Input.outputFile("out", a.get("out"));
        }
        String text;
        try (H2LabStore store = openStore()) {
            requireExperiment(store, id);
            text = a.flag("json") ? ExperimentExport.json(store, id) : ExperimentExport.csv(store, id);
        }
        if (a.get("out") != null) {
            Path p = Path.of(a.get("out"));
            Files.writeString(p, text, StandardCharsets.UTF_8);
            err.println("wrote " + p);
        } else {
            out.print(text);
            out.flush();
        }
        return 0;
    }

    // ---- output ---------------------------------------------------------------------------------------------------

    /** Each variant's attached media with its input tokens per model (included in INPUT/CALL above). */
    private static void printMedia(ExperimentSpec spec, Catalog cat, PrintStream to) {
        for (ExperimentSpec.VariantSpec v : spec.variants()) {
            for (ExperimentSpec.MediaSpec m : v.media()) {
                StringBuilder tokens = new StringBuilder();
                for (ExperimentSpec.ModelSpec ms : spec.models()) {
                    cat.find(ms.id()).ifPresent(e -> tokens.append(tokens.length() == 0 ? "" : ", ")
                            .append(ms.id()).append(mediaTokens(Estimator.mediaTokens(e, m))));
                }
                to.println("  media of " + v.name() + ": " + m.describe()
                        + (tokens.length() == 0 ? "" : " — tokens: " + tokens));
            }
        }
    }

    private static String mediaTokens(long t) {
        return t < 0 ? " takes none" : String.format(Locale.ROOT, " ≈%,d", t);
    }

    private void printEstimate(String name, RunEstimate e, PrintStream to) {
        to.printf(Locale.ROOT, "Estimate for \"%s\": %d calls, %s – %s%s%n", name, e.calls(),
                Money.format(e.lowUsd()), Money.format(e.highUsd()),
                e.alreadySpentUsd().signum() > 0 ? " (spent so far " + Money.format(e.alreadySpentUsd()) + ")" : "");
        to.println("  low: the expected (or observed) answer lengths; high: every call at its output cap");
        if (!e.lines().isEmpty()) {
            int vw = Math.max(7, e.lines().stream().mapToInt(l -> l.variant().length()).max().orElse(0));
            int mw = Math.max(5, e.lines().stream().mapToInt(l -> l.model().length()).max().orElse(0));
            to.printf(Locale.ROOT, "  %-" + vw + "s  %-" + mw + "s  %5s  %10s  %10s  %10s%n", "VARIANT", "MODEL",
                    "CALLS", "INPUT/CALL", "LOW", "HIGH");
            for (RunEstimate.Line l : e.lines()) {
                to.printf(Locale.ROOT, "  %-" + vw + "s  %-" + mw + "s  %5d  %10s  %10s  %10s%n", l.variant(),
                        l.model(), l.calls(), (l.inputExact() ? "" : "≈") + l.inputTokensPerCall(),
                        l.lowUsd() == null ? "unpriced" : Money.format(l.lowUsd()),
                        l.highUsd() == null ? "unpriced" : Money.format(l.highUsd()));
            }
        }
        if (!e.unpricedModels().isEmpty()) {
            to.println("  not in the catalog, counted as $0: " + String.join(", ", e.unpricedModels()));
        }
        if (e.budgetUsd() != null) {
            to.println("  budget cap " + Money.format(e.budgetUsd()) + (e.likelyHitsBudget()
                    ? ": even the low end passes it; the run will stop at the cap"
                    : e.mayHitBudget() ? ": the high end passes it; the run stops before spending past it"
                    : ": the whole range fits"));
        } else {
            to.println("  no budget cap (--budget USD sets one)");
        }
    }

    private void summary(LabStore store, long id, RunResult result, RunEstimate estimate, boolean json)
            throws IOException {
        summary(store, id, result, estimate, json, null);
    }

    private void summary(LabStore store, long id, RunResult result, RunEstimate estimate, boolean json,
                         JudgeResult judged) throws IOException {
        RunSummary s = RunSummary.of(store, id, stats);
        JudgeFigures jf = JudgeFigures.of(store, id);
        Experiment e = store.loadExperiment(id);
        ExperimentProgress p = store.progress(id);
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("experimentId", id);
            o.put("name", e.name());
            o.put("status", e.status().name());
            if (result != null) {
                o.put("outcome", result.outcome().name());
                o.put("message", result.message());
                o.put("lastError", result.lastError());
                o.put("spentThisRunUsd", Money.exact(result.spentThisRunUsd()));
                o.put("calls", result.calls());
                o.put("cached", result.cached());
                o.put("failedAttempts", result.failedAttempts());
            }
            o.put("budgetUsd", Money.exact(result != null ? result.budgetUsd() : e.budgetCapUsd()));
            o.put("spentUsd", Money.exact(p.spentUsd()));
            o.put("trialSpentUsd", Money.exact(store.spentOnExperiment(id, LedgerPurpose.TRIAL)));
            o.put("judgeSpentUsd", Money.exact(jf.spent()));
            jf.json(o.putObject("judge"), judged);
            o.put("planned", p.planned());
            o.put("done", p.succeeded());
            o.put("missing", p.missing());
            if (estimate != null) {
                ObjectNode est = o.putObject("estimate");
                est.put("calls", estimate.calls());
                est.put("lowUsd", Money.exact(estimate.lowUsd()));
                est.put("highUsd", Money.exact(estimate.highUsd()));
                ArrayNode un = est.putArray("unpricedModels");
                estimate.unpricedModels().forEach(un::add);
            }
            ArrayNode rows = o.putArray("results");
            for (RunSummary.Row r : s.rows()) {
                ObjectNode ro = rows.addObject();
                ro.put("variant", r.variant());
                ro.put("baseline", r.baseline());
                ro.put("model", r.model());
                ro.put("trials", r.trials());
                ro.put("failed", r.failed());
                ro.put("cached", r.cached());
                ro.put("meanCostUsd", Money.exact(r.meanCostUsd()));
                ro.put("totalCostUsd", Money.exact(r.totalCostUsd()));
                ro.put("p50LatencyMs", r.p50LatencyMs());
                ro.put("meanInputTokens", r.meanInputTokens());
                ro.put("meanOutputTokens", r.meanOutputTokens());
                jf.row(ro, r.variant(), r.model());
            }
            ArrayNode cs = o.putArray("comparisons");
            for (RunSummary.Comparison c : s.comparisons()) {
                ObjectNode co = cs.addObject();
                co.put("model", c.model());
                co.put("baseline", c.baseline());
                co.put("variant", c.variant());
                co.put("baselineMeanCostUsd", Money.exact(c.baselineMeanCostUsd()));
                co.put("variantMeanCostUsd", Money.exact(c.variantMeanCostUsd()));
                co.put("savingPct", c.savingPct());
                if (c.savingPctInterval() == null) {
                    co.putNull("savingPctInterval");
                } else {
                    co.putObject("savingPctInterval").put("low", c.savingPctInterval().low())
                            .put("high", c.savingPctInterval().high()).put("level", c.savingPctInterval().level());
                }
                co.put("significant", c.significant());
                jf.comparison(co, c.variant(), c.model());
            }
            o.put("statistics", s.method());
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return;
        }
        out.printf(Locale.ROOT, "experiment %d \"%s\": %s, %d of %d trials done, spent %s%s%s%n", id, e.name(),
                e.status(), p.succeeded(), p.planned(), Money.format(p.spentUsd()),
                e.budgetCapUsd() == null ? "" : " (cap " + Money.format(e.budgetCapUsd()) + ")",
                jf.spent().signum() == 0 ? "" : " — trials " + Money.format(store.spentOnExperiment(id,
                        LedgerPurpose.TRIAL)) + " · judge " + Money.format(jf.spent()));
        int vw = Math.max(7, s.rows().stream().mapToInt(r -> r.variant().length() + 2).max().orElse(0));
        int mw = Math.max(5, s.rows().stream().mapToInt(r -> r.model().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + vw + "s  %-" + mw + "s  %6s  %6s  %6s  %12s  %12s  %8s%n", "VARIANT", "MODEL",
                "TRIALS", "FAILED", "CACHED", "MEAN $/CALL", "TOTAL $", "P50 MS");
        for (RunSummary.Row r : s.rows()) {
            out.printf(Locale.ROOT, "%-" + vw + "s  %-" + mw + "s  %6d  %6d  %6d  %12s  %12s  %8s%n",
                    r.variant() + (r.baseline() ? " *" : ""), r.model(), r.trials(), r.failed(), r.cached(),
                    r.meanCostUsd() == null ? "—" : Money.format(r.meanCostUsd()),
                    r.totalCostUsd() == null ? "—" : Money.format(r.totalCostUsd()),
                    r.p50LatencyMs() == null ? "—" : r.p50LatencyMs().toString());
        }
        out.println("* baseline");
        for (RunSummary.Comparison c : s.comparisons()) {
            out.printf(Locale.ROOT, "%s vs %s on %s: %s%s%n", c.variant(), c.baseline(), c.model(),
                    c.savingPct() == null ? "no priced trials to compare"
                            : String.format(Locale.ROOT, "%s %.1f %% per call (%s → %s)",
                            c.savingPct() >= 0 ? "saves" : "costs", Math.abs(c.savingPct()),
                            Money.format(c.baselineMeanCostUsd()), Money.format(c.variantMeanCostUsd())),
                    c.savingPctInterval() == null ? "" : String.format(Locale.ROOT, ", %.0f %% interval %.1f to "
                            + "%.1f %%", c.savingPctInterval().level() * 100, c.savingPctInterval().low(),
                            c.savingPctInterval().high()));
        }
        jf.text(out);
    }

    private static void experimentJson(ObjectNode o, Experiment e, ExperimentProgress p) {
        o.put("id", e.id());
        o.put("name", e.name());
        o.put("created", e.created().toString());
        o.put("status", e.status().name());
        o.put("planned", p.planned());
        o.put("done", p.succeeded());
        o.put("failed", p.failed());
        o.put("spentUsd", Money.exact(p.spentUsd()));
        o.put("budgetUsd", Money.exact(e.budgetCapUsd()));
        ArrayNode m = o.putArray("models");
        e.models().forEach(m::add);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** An experiment file, or the name of one shipped in {@code resources/experiments}. */
    static ExperimentSpec loadSpec(String arg) throws IOException {
        Path p = Path.of(arg);
        if (Files.isRegularFile(p)) {
            return SpecJson.read(p);
        }
        String name = arg.endsWith(".json") ? arg : arg + ".json";
        if (!name.contains("/") && !name.contains("\\")) {
            Optional<ExperimentSpec> builtIn = SpecJson.readBuiltIn(name);
            if (builtIn.isPresent()) {
                return builtIn.get();
            }
        }
        throw new UsageException("no such experiment file: " + arg + " (built in: seed000-support-ticket, image-receipt)");
    }

    private AbHistoryCommand history() {
        return new AbHistoryCommand(out, err, catalog, AbCommand::openStore);
    }

    private static H2LabStore openStore() {
        return H2LabStore.open(AppDirs.dataDir());
    }

    private void requireExperiment(LabStore store, long id) {
        try {
            store.loadExperiment(id);
        } catch (NoSuchElementException e) {
            throw new UsageException("no experiment " + id + " (costbench ab list shows them)");
        }
        if (store.interruptedOnOpen().contains(id)) {
            err.println("experiment " + id + " was interrupted (CostBench stopped while it ran); "
                    + "costbench ab resume " + id + " runs the trials it is missing");
        }
    }

    private static long id(Args a, String what) {
        if (a.positional.size() != 1) {
            throw new UsageException(what + " needs an experiment id (costbench ab list shows them)");
        }
        try {
            long id = Long.parseLong(a.positional.get(0));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("not an experiment id: '" + a.positional.get(0) + "'");
    }

    private static BigDecimal budget(Args a) {
        String v = a.get("budget");
        if (v == null) {
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(v.trim().replace("$", ""));
            if (b.signum() >= 0) {
                return b;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--budget must be an amount in USD, e.g. 0.50; got '" + v + "'");
    }

    private static int concurrency(Args a) {
        long n = a.nonNegative("concurrency", Runner.DEFAULT_CONCURRENCY);
        if (n < 1 || n > 64) {
            throw new UsageException("--concurrency must be between 1 and 64");
        }
        return (int) n;
    }

    private static ProviderId provider(String name) {
        try {
            return ProviderId.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** One line on stderr, rewritten in place at most five times a second (and always at the end). */
    private static class StatusLine {
        private final PrintStream err;
        private long lastPrint;
        private int width;

        StatusLine(PrintStream err) {
            this.err = err;
        }

        /** True when a line is due now ({@code last}: always). */
        synchronized boolean due(boolean last) {
            long now = System.nanoTime();
            if (!last && now - lastPrint < 200_000_000L) {
                return false;
            }
            lastPrint = now;
            return true;
        }

        synchronized void show(String s) {
            err.print("\r" + s + " ".repeat(Math.max(0, width - s.length())));
            width = s.length();
            err.flush();
        }

        synchronized void end() {
            if (width > 0) {
                err.println();
            }
        }
    }

    /** Trials done of total, money spent, the last error. */
    private static final class ProgressLine extends StatusLine implements RunListener {

        ProgressLine(PrintStream err) {
            super(err);
        }

        @Override
        public synchronized void progress(RunProgress p) {
            if (!due(p.state() == RunProgress.State.FINISHED)) {
                return;
            }
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d/%d trials", p.done(), p.total()));
            b.append(" · ").append(Money.format(p.spentUsd())).append(" spent");
            if (p.budgetUsd() != null) {
                b.append(" of ").append(Money.format(p.budgetUsd()));
            }
            if (p.inFlight() > 0) {
                b.append(" · ").append(p.inFlight()).append(" in flight");
            }
            if (p.failedAttempts() > 0) {
                b.append(" · ").append(p.failedAttempts()).append(" failed");
            }
            if (p.state() == RunProgress.State.PAUSED || p.state() == RunProgress.State.STOPPING) {
                b.append(" · ").append(p.state().name().toLowerCase(Locale.ROOT));
            }
            if (p.lastError() != null) {
                String e = p.lastError();
                b.append(" · last error: ").append(e.length() > 80 ? e.substring(0, 80) + "…" : e);
            }
            show(b.toString());
        }
    }
}

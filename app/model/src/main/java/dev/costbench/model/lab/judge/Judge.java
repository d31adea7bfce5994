// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.RequestShape;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.run.ActiveExperiments;
import dev.costbench.model.lab.run.BudgetGuarantee;
import dev.costbench.model.lab.run.BudgetGuard;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.RequestEstimate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * LLM-as-judge: scores the outputs of an experiment's trials with a chosen model and rubric ({@link JudgeSpec}) and
 * keeps each score, with the judge call's cost in the ledger under {@link LedgerPurpose#JUDGE} — apart from the
 * trials' cost.
 *
 * <pre>{@code
 * Judge judge = new Judge(store, clients, catalog::find);
 * JudgeEstimate e = judge.estimate(experimentId, spec);   // before it starts
 * JudgeRun run = judge.start(experimentId, spec, null, listener);
 * run.cancel();                                           // from any thread
 * JudgeResult r = run.await();
 * }</pre>
 *
 * <p>Every successful trial without a score by this judge (same model and rubric) is judged, so a cancelled or
 * failed judging resumes where it stopped. At most {@code concurrency} calls are in flight. The budget cap works as
 * the runner's ({@link BudgetGuard}, {@link BudgetGuarantee}): every request carries the judge's output cap; each
 * call's worst case — its input with a 25 % margin when the count is an estimate, and the judge's whole output cap —
 * is reserved before it starts, scaled by the worst ratio of billed cost to worst case seen so far; the cap covers
 * every judge call of the experiment, earlier judgings included. A retryable API error is retried once at the end; a
 * refused key stops the
 * judging. An answer without a readable score in the scale is recorded as a failure, never as a guess.
 */
public final class Judge {

    /** The judge's answer length the low end of the estimate assumes. */
    public static final int EXPECTED_ANSWER_TOKENS = 60;

    final LabStore store;
    final ClientSource clients;
    final Function<String, Optional<ModelEntry>> catalog;
    final int concurrency;
    private final ActiveExperiments active = new ActiveExperiments();
    private volatile Consumer<BudgetGuard.Event> budgetObserver;

    public Judge(LabStore store, ClientSource clients, Function<String, Optional<ModelEntry>> catalog) {
        this(store, clients, catalog, Runner.DEFAULT_CONCURRENCY);
    }

    /** @param concurrency judge calls in flight at most (at least 1) */
    public Judge(
            LabStore store, ClientSource clients, Function<String, Optional<ModelEntry>> catalog, int concurrency) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    /** One output to judge: the trial, its test input and the reference answer (or null). */
    public record Task(Trial trial, Map<String, String> input, String reference) {}

    /** The judge model's catalog entry; a clear error for a model the catalog does not price. */
    ModelEntry model(JudgeSpec spec) {
        return catalog.apply(spec.model())
                .orElseThrow(() -> new SpecException("judge model \"" + spec.model()
                        + "\" is not in the catalog: pick a catalog model (it prices the judge calls)"));
    }

    /** The API family that serves the judge. */
    public ProviderId provider(JudgeSpec spec) {
        return RunPlan.providerOf(model(spec));
    }

    /**
     * The outputs of the experiment that have no score by this judge yet, in the order the trials were recorded:
     * every successful trial with an output.
     */
    public List<Task> pending(long experimentId, JudgeSpec spec) {
        List<Trial> trials = store.trials(experimentId);
        Set<Long> scored = new HashSet<>();
        for (JudgeScore s : store.judgeScores(experimentId)) {
            if (s.judgeModel().equals(spec.model()) && s.rubric().equals(spec.rubric())) {
                scored.add(s.trialId());
            }
        }
        Map<Long, Map<String, String>> inputs = new HashMap<>();
        for (TestInput in : store.inputs(experimentId)) {
            inputs.put(in.id(), in.variables());
        }
        long baseline = store.variants(experimentId).stream()
                .filter(Variant::baseline)
                .map(Variant::id)
                .findFirst()
                .orElse(-1L);
        // the baseline's outputs per input and model, by repetition (latest trial of each cell)
        Map<String, Map<Integer, Trial>> baseOut = new HashMap<>();
        for (Trial t : trials) {
            if (t.cell().variantId() == baseline && usable(t)) {
                baseOut.computeIfAbsent(key(t.cell()), k -> new TreeMap<>())
                        .put(t.cell().repetition(), t);
            }
        }
        List<Task> out = new ArrayList<>();
        for (Trial t : trials) {
            if (!usable(t) || scored.contains(t.id())) {
                continue;
            }
            out.add(new Task(
                    t,
                    inputs.getOrDefault(t.cell().inputId(), Map.of()),
                    spec.reference() ? reference(t, baseline, baseOut.get(key(t.cell()))) : null));
        }
        return out;
    }

    private static boolean usable(Trial t) {
        return t.succeeded() && t.outputText() != null;
    }

    private static String key(TrialCell c) {
        return c.inputId() + "\u0000" + c.modelId();
    }

    /**
     * The baseline's output for the same input and model: the same repetition, else the first one. A baseline output
     * is compared with another repetition of the baseline (the next one, cyclically), or with none when there is only
     * one.
     */
    private static String reference(Trial t, long baseline, Map<Integer, Trial> base) {
        if (base == null || base.isEmpty()) {
            return null;
        }
        int rep = t.cell().repetition();
        if (t.cell().variantId() != baseline) {
            Trial same = base.get(rep);
            return (same != null ? same : base.values().iterator().next()).outputText();
        }
        if (base.size() < 2) {
            return null;
        }
        List<Integer> reps = new ArrayList<>(base.keySet());
        reps.sort(Comparator.naturalOrder());
        int i = reps.indexOf(rep);
        Trial other = base.get(reps.get((i + 1) % reps.size()));
        return other.id() == t.id() ? null : other.outputText();
    }

    /** The judge request of one task. */
    public ChatRequest request(JudgeSpec spec, Task task) {
        return JudgePrompt.request(
                spec, spec.model(), task.input(), task.reference(), task.trial().outputText());
    }

    /** What judging the experiment's outputs without a score would cost. */
    public JudgeEstimate estimate(long experimentId, JudgeSpec spec) {
        ModelEntry m = model(spec);
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        List<Task> tasks = pending(experimentId, spec);
        for (Task t : tasks) {
            long in = inputTokens(m, request(spec, t)).inputTokens();
            low = low.add(price(m, in, Math.min(EXPECTED_ANSWER_TOKENS, spec.maxOutputTokens())));
            high = high.add(price(m, in, spec.maxOutputTokens()));
        }
        return new JudgeEstimate(spec.model(), tasks.size(), low, high);
    }

    /**
     * What judging every planned output of an experiment not run yet would cost: each output assumed as long as its
     * variant's expected answer (low end; a tenth of the cap when unset) or its output cap (high end).
     */
    public static JudgeEstimate estimate(RunPlan plan, JudgeSpec spec, Function<String, Optional<ModelEntry>> catalog) {
        ModelEntry m = catalog.apply(spec.model())
                .orElseThrow(() -> new SpecException("judge model \"" + spec.model()
                        + "\" is not in the catalog: pick a catalog model (it prices the judge calls)"));
        Map<Long, Long> promptTokens = new HashMap<>();
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        long baseline = plan.variants().stream()
                .filter(RunPlan.PlannedVariant::baseline)
                .findFirst()
                .map(RunPlan.PlannedVariant::id)
                .orElse(-1L);
        int calls = 0;
        for (TrialCell c : plan.cells()) {
            long prompt = promptTokens.computeIfAbsent(
                    c.inputId(),
                    id -> inputTokens(
                                    m,
                                    JudgePrompt.request(
                                            spec,
                                            spec.model(),
                                            plan.input(id).variables(),
                                            spec.reference() ? "" : null,
                                            ""))
                            .inputTokens());
            var p = plan.params(c.variantId());
            long cap = p.maxOutputTokensOrDefault();
            long expected =
                    p.expectedOutputTokens() != null ? Math.min(cap, p.expectedOutputTokens()) : Math.max(1, cap / 10);
            var bp = plan.params(baseline < 0 ? c.variantId() : baseline);
            long refCap = spec.reference() ? bp.maxOutputTokensOrDefault() : 0;
            long refExpected = spec.reference()
                    ? (bp.expectedOutputTokens() != null
                            ? Math.min(refCap, bp.expectedOutputTokens())
                            : Math.max(1, refCap / 10))
                    : 0;
            low = low.add(price(
                    m, prompt + expected + refExpected, Math.min(EXPECTED_ANSWER_TOKENS, spec.maxOutputTokens())));
            high = high.add(price(m, prompt + cap + refCap, spec.maxOutputTokens()));
            calls++;
        }
        return new JudgeEstimate(spec.model(), calls, low, high);
    }

    /**
     * The most one judge call can cost within its limits: its input (plus {@link
     * BudgetGuarantee#ESTIMATED_INPUT_MARGIN} when the count is an estimate) and the whole output cap, priced as
     * {@link Estimator#worstCase(ModelEntry, long, long, long)}.
     */
    static BigDecimal worstCase(ModelEntry m, RequestEstimate in, int maxOutput) {
        long tokens = (long) Math.ceil(in.inputTokens() * (in.exact() ? 1.0 : BudgetGuarantee.ESTIMATED_INPUT_MARGIN));
        return Estimator.worstCase(m, tokens, maxOutput, 0);
    }

    static BigDecimal price(ModelEntry m, long input, long output) {
        return CostEngine.estimate(m, new RequestShape(input, 0, 0, 0, output, 0), BillingOptions.INTERACTIVE)
                .total();
    }

    static RequestEstimate inputTokens(ModelEntry m, ChatRequest r) {
        return RequestEstimate.of(m, r, (long) r.maxOutputTokens(), Estimator.NO_MEDIA, BillingOptions.INTERACTIVE);
    }

    /**
     * Starts judging the experiment's outputs without a score in the background and returns at once.
     *
     * @param budgetOverride a cap for the judge instead of the spec's (null: the spec's, which may be none)
     * @throws SpecException         when the judge model is not in the catalog
     * @throws IllegalStateException when this judge is already judging the experiment
     */
    public JudgeRun start(long experimentId, JudgeSpec spec, BigDecimal budgetOverride, JudgeListener listener) {
        ModelEntry m = model(spec);
        ProviderId provider = RunPlan.providerOf(m);
        return active.start(experimentId, "being judged", onEnd -> {
            BigDecimal cap = budgetOverride != null ? budgetOverride : spec.budgetUsd();
            BudgetGuard guard = BudgetGuard.observed(
                    cap, store.spentOnExperiment(experimentId, LedgerPurpose.JUDGE), budgetObserver);
            JudgeRun run = new JudgeRun(
                    this,
                    experimentId,
                    spec,
                    m,
                    provider,
                    pending(experimentId, spec),
                    guard,
                    listener == null ? JudgeListener.NONE : listener,
                    onEnd);
            run.launch();
            return run;
        });
    }

    /**
     * Hears the budget guard of every judging started from now on ({@link BudgetGuard#observe}; tests check the
     * guarantee with it); null stops.
     */
    public void observeBudget(Consumer<BudgetGuard.Event> observer) {
        this.budgetObserver = observer;
    }

    /** {@link #start} and wait for the end. */
    public JudgeResult run(long experimentId, JudgeSpec spec, BigDecimal budgetOverride, JudgeListener listener)
            throws InterruptedException {
        return start(experimentId, spec, budgetOverride, listener).await();
    }
}

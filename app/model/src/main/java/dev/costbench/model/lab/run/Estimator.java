// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.RequestShape;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaHeader;
import dev.costbench.model.media.MediaRules;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.RequestEstimate;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.model.tools.ToolsCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The cost of a run before it is launched, as a range, and the worst case of each call for the budget cap.
 *
 * <ul>
 *   <li><b>Input</b>: each cell's request counted with the model's tokenizer (exact for OpenAI) or its estimator
 *       (≈ for Claude, Gemini and open models), by {@link RequestEstimate}; all of it priced as uncached input.</li>
 *   <li><b>Low</b>: each answer as long as earlier trials of the same variant and model were on average, else the
 *       variant's {@code expectedOutputTokens}, else a tenth of its output cap; no reasoning tokens.</li>
 *   <li><b>High</b>: every call hits its output cap, plus the whole reasoning budget (APIs that count thinking
 *       apart from the cap).</li>
 * </ul>
 * Models without a catalog price are listed as unpriced and count as $0 in both ends. The response cache is not
 * assumed to save anything.
 */
public final class Estimator {

    private final Function<String, Optional<ModelEntry>> catalog;
    private final Map<String, RequestEstimate> inputs = new ConcurrentHashMap<>();
    private final Map<List<Object>, ToolsCount> toolCounts = new ConcurrentHashMap<>();

    /** @param catalog finds a model's prices by id ({@code catalog::find}) */
    public Estimator(Function<String, Optional<ModelEntry>> catalog) {
        this.catalog = catalog;
    }

    /**
     * One cell's estimate.
     *
     * @param observedOutput the mean billed output (visible + reasoning) tokens of earlier trials of this variant
     *                       and model, or null
     */
    public CellEstimate cell(RunPlan plan, TrialCell cell, Double observedOutput) {
        return cell(plan, cell, observedOutput, null);
    }

    /**
     * One cell's estimate at {@code tier}'s prices instead of the tier its parameters ask for (a batch run's estimate
     * prices every cell at {@link ServiceTier#BATCH}); null: the cell's own tier.
     */
    public CellEstimate cell(RunPlan plan, TrialCell cell, Double observedOutput, ServiceTier tier) {
        ExperimentSpec.Params p = plan.params(cell.variantId());
        int max = p.maxOutputTokensOrDefault();
        long low;
        if (observedOutput != null) {
            low = Math.min(max, Math.round(observedOutput));
        } else if (p.expectedOutputTokens() != null) {
            low = Math.min(max, p.expectedOutputTokens());
        } else {
            low = Math.max(1, max / 10);
        }
        Optional<ModelEntry> entry = catalog.apply(cell.modelId());
        long reasoning = p.reasoningReserve(entry.map(RunPlan::providerOf).orElse(null));
        if (entry.isEmpty()) {
            return new CellEstimate(cell, 0, false, low, max + reasoning, null, null, ToolsCount.NONE);
        }
        RequestEstimate re = input(plan, cell, entry.get());
        tier = tier == null ? p.serviceTierOrStandard() : tier;
        BigDecimal lowUsd = BigDecimal.ZERO;
        BigDecimal highUsd = BigDecimal.ZERO;
        // a conversation script: call k carries the history, i.e. the earlier turns and answers as long as assumed
        List<String> turns = plan.turns(cell);
        ToolsCount counted = tools(entry.get(), plan.request(cell).tools());
        long tools = counted.tokens();
        long lowIn = re.inputTokens() + tools;
        long highIn = re.inputTokens() + tools;
        for (int k = 0; k <= turns.size(); k++) {
            lowUsd = lowUsd.add(atTier(entry.get(), new RequestShape(lowIn, 0, 0, 0, low, 0), tier));
            highUsd = highUsd.add(atTier(entry.get(), new RequestShape(highIn, 0, 0, 0, max, reasoning), tier));
            if (k < turns.size()) {
                long turn = approxTokens(turns.get(k));
                lowIn += low + turn;
                highIn += max + turn;
            }
        }
        return new CellEstimate(
                cell,
                re.inputTokens() + tools,
                re.exact() && counted.exact(),
                low,
                max + reasoning,
                lowUsd,
                highUsd,
                counted);
    }

    /** About four characters a token, plus a few for the turn's framing: for script turns in the estimate. */
    private static long approxTokens(String text) {
        return text.length() / 4 + 8;
    }

    /**
     * The worst case of one call of {@code request} (a later turn of a conversation, whose history is known only
     * while the trial runs), as {@link #worstCase(RunPlan, TrialCell, double)} does for a cell's first request.
     */
    public BigDecimal worstCase(RunPlan plan, TrialCell cell, ChatRequest request, double inputFactor) {
        Optional<ModelEntry> entry = catalog.apply(cell.modelId());
        if (entry.isEmpty()) {
            return BigDecimal.ZERO;
        }
        RequestEstimate re = RequestEstimate.of(
                entry.get(), request, (long) request.maxOutputTokens(), HEADERS, BillingOptions.INTERACTIVE);
        return worstCase(
                plan, cell, entry.get(), re, tools(entry.get(), request.tools()).tokens(), inputFactor);
    }

    /**
     * The input tokens {@code tools} add to each call on {@code model}, which the request count does not include:
     * counted by {@link ToolTokenCounter} as the provider sends them (exact for OpenAI, Anthropic's documented
     * tool-use system prompt for {@code tool_choice} auto — the lab sets none —, labelled estimates otherwise). The
     * billed count is the provider's. Memoized: every call of a variant carries the same tools.
     */
    public ToolsCount tools(ModelEntry model, List<ToolSpec> tools) {
        if (tools.isEmpty()) {
            return ToolsCount.NONE;
        }
        return toolCounts.computeIfAbsent(
                List.of(model.id(), tools), k -> ToolTokenCounter.count(model, ToolSet.of(tools), ToolChoice.AUTO));
    }

    /**
     * The most one call can cost when billed within its limits, for the budget reservation ({@link BudgetGuard}): the
     * output cap plus the reasoning budget, the input tokens times {@code inputFactor} (a margin for estimated counts,
     * {@link BudgetGuarantee#ESTIMATED_INPUT_MARGIN}), priced as {@link #worstCase(ModelEntry, long, long, long)}.
     * Zero for a model without a price.
     */
    public BigDecimal worstCase(RunPlan plan, TrialCell cell, double inputFactor) {
        Optional<ModelEntry> entry = catalog.apply(cell.modelId());
        if (entry.isEmpty()) {
            return BigDecimal.ZERO;
        }
        RequestEstimate re = input(plan, cell, entry.get());
        return worstCase(
                plan,
                cell,
                entry.get(),
                re,
                tools(entry.get(), plan.request(cell).tools()).tokens(),
                inputFactor);
    }

    private static BigDecimal worstCase(
            RunPlan plan, TrialCell cell, ModelEntry m, RequestEstimate re, long tools, double inputFactor) {
        ExperimentSpec.Params p = plan.params(cell.variantId());
        long in = (long) Math.ceil((re.inputTokens() + tools) * Math.max(1.0, inputFactor));
        long reasoning = p.reasoningReserve(RunPlan.providerOf(m));
        BigDecimal standard = worstCase(m, in, p.maxOutputTokensOrDefault(), reasoning);
        ServiceTier tier = p.serviceTierOrStandard();
        if (tier == ServiceTier.STANDARD) {
            return standard;
        }
        // the provider may serve the tier asked for or fall back to standard: reserve the dearer of the two
        BigDecimal asked = atTier(m, new RequestShape(in, 0, 0, 0, p.maxOutputTokensOrDefault(), reasoning), tier);
        return asked.max(standard);
    }

    /** The cost of {@code shape} at {@code tier}'s prices; the standard prices where the model has none for it. */
    private static BigDecimal atTier(ModelEntry m, RequestShape shape, ServiceTier tier) {
        CostBreakdown b = CostEngine.estimate(m, shape, BillingOptions.INTERACTIVE.withTier(tier));
        if (tier != ServiceTier.STANDARD && b.unpriced()) {
            b = CostEngine.estimate(m, shape, BillingOptions.INTERACTIVE);
        }
        return b.total();
    }

    /**
     * The most a call of {@code inputTokens} (margin included) with an output cap of {@code maxOutput} and a reasoning
     * budget of {@code reasoning} tokens can cost on {@code m}: the reasoning budget is added to the cap even where
     * the API counts thinking within it, and the input is priced at the dearer of the input and, where the API may
     * bill a cache write without being asked (not Anthropic, whose writes need a breakpoint that runs and judges never
     * set), the 5-minute cache-write rate.
     */
    public static BigDecimal worstCase(ModelEntry m, long inputTokens, long maxOutput, long reasoning) {
        BigDecimal worst = CostEngine.estimate(
                        m, new RequestShape(inputTokens, 0, 0, 0, maxOutput, reasoning), BillingOptions.INTERACTIVE)
                .total();
        if (!"anthropic".equals(m.provider()) && inputTokens > 0) {
            CostBreakdown write = CostEngine.estimate(
                    m,
                    new RequestShape(inputTokens, 0, inputTokens, 0, maxOutput, reasoning),
                    BillingOptions.INTERACTIVE);
            if (write.complete() && write.total().compareTo(worst) > 0) {
                worst = write.total();
            }
        }
        return worst;
    }

    /** The estimated input of a cell's request (memoized: repetitions share it). */
    public RequestEstimate input(RunPlan plan, TrialCell cell, ModelEntry model) {
        String key = plan.experimentId() + "/" + cell.variantId() + "/" + cell.inputId() + "/" + cell.modelId();
        return inputs.computeIfAbsent(key, k -> {
            ChatRequest r = plan.request(cell);
            return RequestEstimate.of(model, r, (long) r.maxOutputTokens(), HEADERS, BillingOptions.INTERACTIVE);
        });
    }

    /**
     * The estimate of running {@code cells} of {@code plan}.
     *
     * @param observed     mean output tokens per variant × model ({@link #observedOutputs}), may be empty
     * @param alreadySpent what the experiment has spent so far (for the budget comparison); zero for a new one
     */
    public RunEstimate estimate(
            RunPlan plan, List<TrialCell> cells, Map<String, Double> observed, BigDecimal alreadySpent) {
        Map<String, LineBuilder> lines = new LinkedHashMap<>();
        for (RunPlan.PlannedVariant v : plan.variants()) {
            for (ExperimentSpec.ModelSpec m : plan.models()) {
                lines.put(observedKey(v.id(), m.id()), new LineBuilder(v.name(), m.id()));
            }
        }
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        Set<String> unpriced = new LinkedHashSet<>();
        for (TrialCell c : cells) {
            String key = observedKey(c.variantId(), c.modelId());
            CellEstimate e = cell(plan, c, observed.get(key));
            lines.get(key).add(e);
            if (e.priced()) {
                low = low.add(e.lowUsd());
                high = high.add(e.highUsd());
            } else {
                unpriced.add(c.modelId());
            }
        }
        List<RunEstimate.Line> out = new ArrayList<>();
        for (LineBuilder b : lines.values()) {
            if (b.calls > 0) {
                out.add(b.build());
            }
        }
        return new RunEstimate(
                cells.size(),
                low,
                high,
                out,
                List.copyOf(unpriced),
                plan.spec().budgetUsd(),
                alreadySpent == null ? BigDecimal.ZERO : alreadySpent);
    }

    /** The key of {@code observed}: a variant and a model. */
    public static String observedKey(long variantId, String modelId) {
        return variantId + "\u0000" + modelId;
    }

    /** Mean billed output tokens (visible + reasoning) of the real, successful trials per variant × model. */
    public static Map<String, Double> observedOutputs(List<Trial> trials) {
        Map<String, long[]> sums = new HashMap<>();
        for (Trial t : trials) {
            if (t.succeeded() && !t.fromCache() && t.usage() != null) {
                long[] s = sums.computeIfAbsent(
                        observedKey(t.cell().variantId(), t.cell().modelId()), k -> new long[2]);
                s[0] += t.usage().billedOutput();
                s[1]++;
            }
        }
        Map<String, Double> out = new HashMap<>();
        sums.forEach((k, s) -> out.put(k, (double) s[0] / s[1]));
        return out;
    }

    /**
     * The input tokens one attached file costs on {@code model} by the catalog's media rules (images with the API's
     * default detail and resolution), or -1 when the model has no rule for it.
     */
    public static long mediaTokens(ModelEntry model, ExperimentSpec.MediaSpec m) {
        if (m.image()) {
            return MediaRules.image(model)
                    .map(r -> r.tokens(m.width(), m.height(), ImageOptions.DEFAULTS)
                            .tokens())
                    .orElse(-1L);
        }
        return MediaRules.audio(model)
                .filter(a -> a.inputPerSecond() > 0)
                .map(a -> a.inputTokens(m.seconds()))
                .orElse(-1L);
    }

    /** Sizes media by their headers ({@link MediaHeader}): image pixels, WAV length. */
    public static final RequestEstimate.MediaSizer HEADERS = new RequestEstimate.MediaSizer() {
        @Override
        public int[] imageSize(Part.Image image) {
            MediaHeader h = MediaHeader.probe(image.data())
                    .orElseThrow(() -> new SpecException(
                            "an attached image is not a JPEG, PNG, WebP or GIF; its size cannot be read"));
            return new int[] {h.width(), h.height()};
        }

        @Override
        public double seconds(Part media) {
            byte[] data = media instanceof Part.Audio a ? a.data() : new byte[0];
            return MediaHeader.probe(data)
                    .map(MediaHeader::seconds)
                    .orElseThrow(() ->
                            new SpecException("attached audio is not a WAV recording; its length cannot be read"));
        }
    };

    /** For text-only requests (judge prompts carry no media). */
    public static final RequestEstimate.MediaSizer NO_MEDIA = new RequestEstimate.MediaSizer() {
        @Override
        public int[] imageSize(Part.Image image) {
            throw new IllegalStateException("experiment variants and judge prompts carry no media yet");
        }

        @Override
        public double seconds(Part media) {
            throw new IllegalStateException("experiment variants and judge prompts carry no media yet");
        }
    };

    /**
     * One cell's estimate.
     *
     * @param inputTokens       estimated input tokens (0 when unpriced and not counted)
     * @param inputExact        true when counted with the model's own tokenizer
     * @param lowOutputTokens   the answer length the low end assumes
     * @param highOutputTokens  the output cap plus the reasoning budget
     * @param lowUsd            null when the model has no price
     * @param highUsd           null when the model has no price
     * @param tools             the tokens the request's tools add (included in {@code inputTokens}) and how they were
     *                          counted; {@link ToolsCount#NONE} without tools or a price
     */
    public record CellEstimate(
            TrialCell cell,
            long inputTokens,
            boolean inputExact,
            long lowOutputTokens,
            long highOutputTokens,
            BigDecimal lowUsd,
            BigDecimal highUsd,
            ToolsCount tools) {
        public boolean priced() {
            return lowUsd != null;
        }
    }

    private static final class LineBuilder {
        final String variant;
        final String model;
        int calls;
        long input;
        boolean exact = true;
        long lowOut;
        long highOut;
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        boolean priced = true;
        ToolsCount tools = ToolsCount.NONE;

        LineBuilder(String variant, String model) {
            this.variant = variant;
            this.model = model;
        }

        void add(CellEstimate e) {
            calls++;
            input += e.inputTokens();
            exact &= e.inputExact();
            lowOut += e.lowOutputTokens();
            highOut += e.highOutputTokens();
            if (e.tools().tokens() > 0) {
                tools = e.tools();
            }
            if (e.priced()) {
                low = low.add(e.lowUsd());
                high = high.add(e.highUsd());
            } else {
                priced = false;
            }
        }

        RunEstimate.Line build() {
            return new RunEstimate.Line(
                    variant,
                    model,
                    calls,
                    Math.round((double) input / calls),
                    exact,
                    Math.round((double) lowOut / calls),
                    Math.round((double) highOut / calls),
                    priced ? low : null,
                    priced ? high : null,
                    tools);
        }
    }
}

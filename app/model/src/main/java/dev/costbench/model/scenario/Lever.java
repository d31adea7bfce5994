// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.MediaResolution;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A cost lever: an immutable set of parameters that changes one quantity of the workload. Each lever declares the
 * {@link Component} of the bill it acts on. How levers combine (applied by {@link ScenarioEngine} in stack order):
 * <ul>
 *   <li>a <em>reduction</em> lever states its result relative to the workload as typed (a cut of the baseline, a
 *       target, a cap); two reductions of the same quantity keep the lower result, so the second one only saves
 *       what it adds (seed 003: "two different ways of cutting the same token count overlap");</li>
 *   <li>a <em>setting</em> lever (routing, cascade, prompt caching) replaces the previous setting of its quantity;</li>
 *   <li>levers on different quantities compound through the bill itself: tokens × price × calls.</li>
 * </ul>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Lever.FrameSampling.class, name = "frameSampling"),
    @JsonSubTypes.Type(value = Lever.Downscale.class, name = "downscale"),
    @JsonSubTypes.Type(value = Lever.LowMediaResolution.class, name = "lowMediaResolution"),
    @JsonSubTypes.Type(value = Lever.Crop.class, name = "crop"),
    @JsonSubTypes.Type(value = Lever.EventGating.class, name = "eventGating"),
    @JsonSubTypes.Type(value = Lever.PromptTrimming.class, name = "promptTrimming"),
    @JsonSubTypes.Type(value = Lever.FewShotTrimming.class, name = "fewShotTrimming"),
    @JsonSubTypes.Type(value = Lever.OutputCap.class, name = "outputCap"),
    @JsonSubTypes.Type(value = Lever.ReasoningCap.class, name = "reasoningCap"),
    @JsonSubTypes.Type(value = Lever.Routing.class, name = "routing"),
    @JsonSubTypes.Type(value = Lever.Cascade.class, name = "cascade"),
    @JsonSubTypes.Type(value = Lever.ProviderSwitch.class, name = "providerSwitch"),
    @JsonSubTypes.Type(value = Lever.TranscriptionRouting.class, name = "transcriptionRouting"),
    @JsonSubTypes.Type(value = Lever.PromptCaching.class, name = "promptCaching"),
    @JsonSubTypes.Type(value = Lever.ResponseCache.class, name = "responseCache"),
    @JsonSubTypes.Type(value = Lever.Batch.class, name = "batch"),
    @JsonSubTypes.Type(value = Lever.Flex.class, name = "flex"),
    @JsonSubTypes.Type(value = Lever.Priority.class, name = "priority"),
    @JsonSubTypes.Type(value = Lever.Precompute.class, name = "precompute"),
    @JsonSubTypes.Type(value = Lever.SelfHosting.class, name = "selfHosting"),
    @JsonSubTypes.Type(value = Lever.StepCap.class, name = "stepCap"),
    @JsonSubTypes.Type(value = Lever.BetterPlanner.class, name = "betterPlanner"),
    @JsonSubTypes.Type(value = Lever.Summarize.class, name = "summarize"),
    @JsonSubTypes.Type(value = Lever.HistoryWindow.class, name = "historyWindow"),
    @JsonSubTypes.Type(value = Lever.Rerank.class, name = "rerank"),
    @JsonSubTypes.Type(value = Lever.PruneTools.class, name = "pruneTools")
})
public sealed interface Lever {

    /** The part of the bill this lever acts on. */
    @JsonIgnore
    default Component component() {
        return getClass().getAnnotation(Info.class).component();
    }

    /** A short name of the kind of lever ("Frame sampling"), for a default label. */
    @JsonIgnore
    default String kind() {
        return getClass().getAnnotation(Info.class).kind();
    }

    /** What every lever declares: the part of the bill it acts on and the name of its kind. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Info {
        Component component();

        /** The kind's name; "" for a lever whose {@link #kind()} depends on its settings. */
        String kind() default "";
    }

    // ---- media tokens ----------------------------------------------------------------------------------------

    /**
     * Send fewer video frames: {@code fps} is the average rate actually sent (uniform: the sampling rate; adaptive
     * and scene-change sampling: their measured average, e.g. seed 000's 10–20 frames a minute at scene cuts).
     */
    @Info(component = Component.MEDIA_TOKENS)
    record FrameSampling(Strategy strategy, BigDecimal fps) implements Lever {
        /** How frames are chosen. */
        public enum Strategy {
            UNIFORM,
            ADAPTIVE,
            SCENE
        }

        public FrameSampling {
            strategy = strategy == null ? Strategy.UNIFORM : strategy;
        }

        @Override
        public String kind() {
            return "Frame sampling (" + strategy.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /**
     * Downscale images and frames so their long edge is at most {@code longEdge} pixels; the model's image rule
     * gives the new tokens. {@code tokensPerImage} / {@code tokensPerFrame}: measured results (Media view) that
     * replace the rule.
     */
    @Info(component = Component.MEDIA_TOKENS, kind = "Downscale")
    record Downscale(Integer longEdge, Long tokensPerImage, Long tokensPerFrame) implements Lever {}

    /** Low media resolution: Gemini {@code media_resolution}, OpenAI {@code detail}; or measured tokens. */
    @Info(component = Component.MEDIA_TOKENS, kind = "Low media resolution")
    record LowMediaResolution(MediaResolution resolution, ImageDetail detail, Long tokensPerImage, Long tokensPerFrame)
            implements Lever {
        public LowMediaResolution {
            resolution = resolution == null ? MediaResolution.LOW : resolution;
            detail = detail == null ? ImageDetail.LOW : detail;
        }
    }

    /** Crop to the region of interest: keep {@code keepArea} of each image's and frame's pixels (0–1). */
    @Info(component = Component.MEDIA_TOKENS, kind = "Crop")
    record Crop(BigDecimal keepArea, Long tokensPerImage, Long tokensPerFrame) implements Lever {}

    // ---- number of calls -------------------------------------------------------------------------------------

    /** A cheap trigger decides when the expensive model runs: {@code passRate} of requests reach it. */
    @Info(component = Component.CALLS, kind = "Event gating")
    record EventGating(BigDecimal passRate) implements Lever {}

    /**
     * Answer repeated requests from a cache (exact or semantic). {@code hitRate} is the share of requests served
     * from the cache as measured on all traffic; two caches overlap (the higher rate wins) and neither can exceed
     * the request type's repeat rate.
     */
    @Info(component = Component.CALLS)
    record ResponseCache(Match match, BigDecimal hitRate) implements Lever {
        /** Exact-match or semantic (similar requests). */
        public enum Match {
            EXACT,
            SEMANTIC
        }

        public ResponseCache {
            match = match == null ? Match.EXACT : match;
        }

        @Override
        public String kind() {
            return match == Match.SEMANTIC ? "Semantic cache" : "Response cache";
        }
    }

    /** Compute derived artifacts once and serve them: {@code reuseShare} of requests never reach the model. */
    @Info(component = Component.CALLS, kind = "Precompute once")
    record Precompute(BigDecimal reuseShare) implements Lever {}

    /**
     * Agent tasks: stop a task after {@code maxSteps} steps. Tasks that need more stop there and count as failed, so
     * the cap saves the calls of runaway tasks and can lower the share that succeeds.
     */
    @Info(component = Component.CALLS, kind = "Cap steps")
    record StepCap(int maxSteps) implements Lever {}

    // ---- prompt and output tokens ----------------------------------------------------------------------------

    /** Trim the prompt: cut {@code cut} of the typed tokens of {@code part}, or bring it to {@code tokens}. */
    @Info(component = Component.PROMPT_TOKENS, kind = "Prompt trimming")
    record PromptTrimming(Part part, BigDecimal cut, Long tokens) implements Lever {
        /** Which part of the prompt. ALL is system + few-shot + user. */
        public enum Part {
            SYSTEM,
            USER,
            ALL
        }

        public PromptTrimming {
            part = part == null ? Part.SYSTEM : part;
        }
    }

    /** Fewer or shorter few-shot examples: cut {@code cut} of them, or bring them to {@code tokens} (0: none). */
    @Info(component = Component.PROMPT_TOKENS, kind = "Few-shot trimming")
    record FewShotTrimming(BigDecimal cut, Long tokens) implements Lever {}

    /** A hard maximum on visible output tokens. */
    @Info(component = Component.OUTPUT_TOKENS, kind = "Output cap")
    record OutputCap(long maxTokens) implements Lever {}

    /** A cap on reasoning / thinking tokens. */
    @Info(component = Component.OUTPUT_TOKENS, kind = "Reasoning budget cap")
    record ReasoningCap(long maxTokens) implements Lever {}

    /**
     * Conversations: every {@code everyTurns} turns the turns since the last summary are folded into one summary of
     * {@code summaryTokens} (null: the conversation's own size) by a summarizer call, which is paid for. Acts on the
     * history re-sent each turn, as {@link HistoryWindow} does: with both on, the cheaper of the two is kept.
     */
    @Info(component = Component.PROMPT_TOKENS, kind = "Summarize history")
    record Summarize(int everyTurns, Long summaryTokens) implements Lever {}

    /** Conversations: re-send only the last {@code turns} turns of history. */
    @Info(component = Component.PROMPT_TOKENS, kind = "History window")
    record HistoryWindow(int turns) implements Lever {}

    /**
     * Retrieval: rerank the retrieved chunks down to {@code chunks} (null: keep the number) and cut each to
     * {@code chunkTokens} (null: keep the size). Two rerank levers keep the fewer chunks and the shorter size.
     */
    @Info(component = Component.PROMPT_TOKENS, kind = "Fewer, shorter chunks")
    record Rerank(Integer chunks, Long chunkTokens) implements Lever {}

    /**
     * Conversation and retrieval request types with tools: remove or shorten tool definitions, cutting {@code cut} of
     * the typed tool tokens or bringing them to {@code tokens}. Two prunings keep the smaller result.
     */
    @Info(component = Component.PROMPT_TOKENS, kind = "Prune tools")
    record PruneTools(BigDecimal cut, Long tokens) implements Lever {}

    // ---- price per token -------------------------------------------------------------------------------------

    /** Send each share of the calls to a model (tiers); the shares add up to 1. Replaces the model mix. */
    @Info(component = Component.PRICE_PER_TOKEN, kind = "Routing")
    record Routing(List<Route> routes) implements Lever {
        /** One model and its share of the calls. */
        public record Route(String model, BigDecimal share) {}

        public Routing {
            routes = routes == null ? List.of() : List.copyOf(routes);
        }
    }

    /**
     * Try the cheap model first and escalate {@code escalationRate} of the calls; escalated calls pay both models.
     * {@code expensiveModel} null: the model with the largest share before this lever.
     */
    @Info(component = Component.PRICE_PER_TOKEN, kind = "Cascade")
    record Cascade(String cheapModel, String expensiveModel, BigDecimal escalationRate) implements Lever {}

    /** The same work on another model or host: calls to {@code from} (null: every model) go to {@code to}. */
    @Info(component = Component.PRICE_PER_TOKEN, kind = "Provider switch")
    record ProviderSwitch(String from, String to) implements Lever {}

    /**
     * Seed 000 §2.2: clips shorter than {@code thresholdSeconds} go to the transcription API, longer ones to a local
     * model. {@code apiShare}: the share of audio minutes that stays on the API when known from the clip-length
     * distribution; otherwise the request type's typical clip length decides. The local model costs
     * {@code localPerMinute} (default: the built-in {@code local} service, $0 marginal).
     */
    @Info(component = Component.PRICE_PER_TOKEN, kind = "Transcription routing")
    record TranscriptionRouting(
            BigDecimal thresholdSeconds, BigDecimal apiShare, String local, BigDecimal localPerMinute)
            implements Lever {
        public TranscriptionRouting {
            thresholdSeconds = thresholdSeconds == null ? BigDecimal.TEN : thresholdSeconds;
            local = local == null ? "local-whisper" : local;
        }
    }

    /**
     * Agent tasks (seed 001, agentic workflows): step one runs on the stronger {@code model}, and with its plan every
     * step fails at {@code failureRate} instead of the task's own rate. Acts on which model serves a call.
     */
    @Info(component = Component.PRICE_PER_TOKEN, kind = "Better planner model")
    record BetterPlanner(String model, BigDecimal failureRate) implements Lever {}

    // ---- billing mode ----------------------------------------------------------------------------------------

    /**
     * Provider prompt caching of the repeated prefix (system prompt + few-shot examples): {@code hitRate} of calls
     * read it at the cache-read price, the others write it at the write price of {@code ttl} (5-minute or 1-hour;
     * no write fee where the provider has none). A prefix below the model's minimum cacheable length is not cached.
     * On a model whose cache is explicit and stored per token-hour (Gemini {@code cachedContents}, a
     * {@code cacheStorage} price in the catalog) the cache is also kept for {@code ttlHours} (null: 1 hour, Gemini's
     * default) and read by {@code requestsPerHour} requests (null: the request type's own rate over the month), and
     * the bill gets its storage as a line of its own.
     */
    @Info(component = Component.BILLING_MODE, kind = "Prompt caching")
    record PromptCaching(BigDecimal hitRate, Ttl ttl, BigDecimal ttlHours, BigDecimal requestsPerHour)
            implements Lever {
        /** Cache lifetime, which sets the write premium (Anthropic 1.25× for 5 minutes, 2× for 1 hour). */
        public enum Ttl {
            FIVE_MINUTES,
            ONE_HOUR
        }

        public PromptCaching {
            ttl = ttl == null ? Ttl.FIVE_MINUTES : ttl;
        }

        /** Implicit or TTL-priced caching: the explicit-cache settings left to their defaults. */
        public PromptCaching(BigDecimal hitRate, Ttl ttl) {
            this(hitRate, ttl, null, null);
        }

        /** A copy at another hit rate, the other settings kept. */
        public PromptCaching withHitRate(BigDecimal rate) {
            return new PromptCaching(rate, ttl, ttlHours, requestsPerHour);
        }
    }

    /** Send {@code share} of the calls through the batch API (at most the request type's batchable share). */
    @Info(component = Component.BILLING_MODE, kind = "Batch API")
    record Batch(BigDecimal share) implements Lever {}

    /**
     * Send {@code share()} of the calls at one of the provider's service tiers, priced by the catalog's prices for
     * that tier. The batch API, flex and priority act on the same calls (the billing mode) and never overlap: batch
     * takes its share first, flex at most what batch leaves, priority at most what both leave. A model that does not
     * offer the tier keeps its calls at standard prices and the lever says so.
     */
    sealed interface ServiceTierLever extends Lever {
        /** The share of the calls sent at the tier (0–1). */
        BigDecimal share();

        /** The tier the calls are sent at. */
        @JsonIgnore
        ServiceTier tier();

        @Override
        default Component component() {
            return Component.BILLING_MODE;
        }

        @Override
        default String kind() {
            return tier().label() + " processing";
        }
    }

    /**
     * Flex: cheaper, slower, may be shed or delayed. {@code retryShare} of the flex calls fail and are sent again, at
     * the flex price: they cost twice.
     */
    record Flex(BigDecimal share, BigDecimal retryShare) implements ServiceTierLever {
        public Flex {
            retryShare = retryShare == null ? BigDecimal.ZERO : retryShare;
        }

        @Override
        public ServiceTier tier() {
            return ServiceTier.FLEX;
        }
    }

    /** Priority: faster and steadier, dearer. */
    record Priority(BigDecimal share) implements ServiceTierLever {
        @Override
        public ServiceTier tier() {
            return ServiceTier.PRIORITY;
        }
    }

    // ---- infrastructure --------------------------------------------------------------------------------------

    /**
     * Serve {@code model}'s calls on own GPUs: no per-token charge, a fixed cost per replica
     * ({@code monthlyUsd}, or {@code hourlyUsd} × hours in the month) and as many replicas as the tokens need at
     * {@code throughputTokensPerSecond} and {@code utilization} (at least one).
     */
    @Info(component = Component.INFRASTRUCTURE, kind = "Self-hosting")
    record SelfHosting(
            String model,
            BigDecimal hourlyUsd,
            BigDecimal monthlyUsd,
            BigDecimal throughputTokensPerSecond,
            BigDecimal utilization)
            implements Lever {
        public SelfHosting {
            utilization = utilization == null ? BigDecimal.ONE : utilization;
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.validation.NumberKind;
import java.util.Map;

/**
 * The declared kind of every number in a scenario file, by field ({@code docs/reliability/numbers.md}). The reader
 * checks each number against it before binding, and {@link Validator} checks scenarios built in code the same way.
 */
final class ScenarioNumbers {

    private static final Map<String, NumberKind> CUSTOM_MODEL = Map.of(
            "input", NumberKind.PRICE_PER_MILLION_TOKENS,
            "output", NumberKind.PRICE_PER_MILLION_TOKENS,
            "cachedInput", NumberKind.PRICE_PER_MILLION_TOKENS,
            "cacheWrite", NumberKind.PRICE_PER_MILLION_TOKENS,
            "batchDiscount", NumberKind.SHARE,
            "perImage", NumberKind.USD_PER_UNIT,
            "minCacheTokens", NumberKind.TOKENS);

    private static final Map<String, NumberKind> BY_KEY = Map.ofEntries(
            Map.entry("daysPerMonth", NumberKind.DAYS_PER_MONTH),
            Map.entry("users", NumberKind.USERS),
            Map.entry("amount", NumberKind.REQUESTS),
            Map.entry("monthlyGrowth", NumberKind.GROWTH),
            Map.entry("system", NumberKind.TOKENS),
            Map.entry("fewShot", NumberKind.TOKENS),
            Map.entry("user", NumberKind.TOKENS),
            Map.entry("output", NumberKind.TOKENS),
            Map.entry("reasoning", NumberKind.TOKENS),
            Map.entry("tokens", NumberKind.TOKENS),
            Map.entry("maxTokens", NumberKind.TOKENS),
            Map.entry("tokensPerImage", NumberKind.TOKENS),
            Map.entry("tokensPerFrame", NumberKind.TOKENS),
            Map.entry("audioTokensPerSecond", NumberKind.TOKENS),
            Map.entry("batchableShare", NumberKind.SHARE),
            Map.entry("repeatRate", NumberKind.SHARE),
            Map.entry("keepArea", NumberKind.SHARE),
            Map.entry("passRate", NumberKind.SHARE),
            Map.entry("hitRate", NumberKind.SHARE),
            Map.entry("reuseShare", NumberKind.SHARE),
            Map.entry("cut", NumberKind.SHARE),
            Map.entry("escalationRate", NumberKind.SHARE),
            Map.entry("share", NumberKind.SHARE),
            Map.entry("apiShare", NumberKind.SHARE),
            Map.entry("retryShare", NumberKind.SHARE),
            Map.entry("utilization", NumberKind.SHARE),
            Map.entry("failureRate", NumberKind.SHARE),
            Map.entry("successShare", NumberKind.SHARE),
            Map.entry("toolOutputTokens", NumberKind.TOKENS),
            Map.entry("userTokens", NumberKind.TOKENS),
            Map.entry("assistantTokens", NumberKind.TOKENS),
            Map.entry("systemTokens", NumberKind.TOKENS),
            Map.entry("toolsTokens", NumberKind.TOKENS),
            Map.entry("summaryTokens", NumberKind.TOKENS),
            Map.entry("instructionTokens", NumberKind.TOKENS),
            Map.entry("stablePrefixTokens", NumberKind.TOKENS),
            Map.entry("chunkTokens", NumberKind.TOKENS),
            Map.entry("queryTokens", NumberKind.TOKENS),
            Map.entry("outputTokens", NumberKind.TOKENS),
            Map.entry("corpusTokens", NumberKind.TOKENS),
            Map.entry("p50", NumberKind.REQUESTS),
            Map.entry("p90", NumberKind.REQUESTS),
            Map.entry("p99", NumberKind.REQUESTS),
            Map.entry("planPrices", NumberKind.USD),
            Map.entry("rerankerPerThousand", NumberKind.USD_PER_UNIT),
            Map.entry("count", NumberKind.IMAGES_PER_REQUEST),
            Map.entry("width", NumberKind.PIXELS),
            Map.entry("height", NumberKind.PIXELS),
            Map.entry("longEdge", NumberKind.PIXELS),
            Map.entry("seconds", NumberKind.SECONDS),
            Map.entry("clipSeconds", NumberKind.SECONDS),
            Map.entry("thresholdSeconds", NumberKind.SECONDS),
            Map.entry("hours", NumberKind.HOURS),
            Map.entry("ttlHours", NumberKind.HOURS),
            Map.entry("requestsPerHour", NumberKind.REQUESTS),
            Map.entry("fps", NumberKind.FRAMES_PER_SECOND),
            Map.entry("perMinute", NumberKind.USD_PER_UNIT),
            Map.entry("localPerMinute", NumberKind.USD_PER_UNIT),
            Map.entry("hourlyUsd", NumberKind.USD),
            Map.entry("monthlyUsd", NumberKind.USD),
            Map.entry("throughputTokensPerSecond", NumberKind.TOKENS_PER_SECOND));

    private ScenarioNumbers() {}

    /** The kind of the number at {@code path} (file paths: {@code workload.requestTypes[0].volume.amount}). */
    static NumberKind kind(String path, String key) {
        if (path.startsWith("customModels[")) {
            return CUSTOM_MODEL.get(key);
        }
        return BY_KEY.get(key);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import java.math.BigDecimal;

/**
 * The kinds of number CostBench reads from files and flags, each with its declared range (inclusive) and unit. The
 * table in {@code docs/reliability/numbers.md} lists the same ranges; {@link NumberRules} enforces them.
 */
public enum NumberKind {
    /** A price in USD per million tokens (catalog prices, custom models' prices). */
    PRICE_PER_MILLION_TOKENS("0", "1000", "$ per million tokens", false),
    /** A token count of one request or one model limit (context window, max output, text tokens, caps). */
    TOKENS("0", "100000000", "tokens", true),
    /** Tokens for one unit of media (an image tile, a frame, a second of audio) or a media budget. */
    MEDIA_TOKENS("0", "1000000", "tokens", false),
    /** Requests per day or per month. */
    REQUESTS("0", "1000000000000", "requests", false),
    /** Monthly active users. */
    USERS("0", "10000000000", "users", true),
    /** Repetitions of each variant × input × model in an experiment. */
    REPETITIONS("1", "1000", "repetitions", true),
    /** A share written as a fraction. */
    SHARE("0", "1", "(a share: 0 = 0 %, 1 = 100 %)", false),
    /** A percentage written as a percentage. */
    PERCENT("0", "100", "%", false),
    /** Monthly growth as a fraction (0.05 = 5 % a month). */
    GROWTH("-1", "10", "(a fraction per month: 0.05 = 5 %)", false),
    /** Days in a month. */
    DAYS_PER_MONTH("1", "31", "days", true),
    /** The width, height or long edge of an image or video, in pixels. */
    PIXELS("0", "100000", "pixels", true),
    /** How many images one request carries. */
    IMAGES_PER_REQUEST("0", "10000", "images", false),
    /** A duration in seconds (audio per request, thresholds). */
    SECONDS("0", "31536000", "seconds", false),
    /** A duration in hours (video per request). */
    HOURS("0", "8760", "hours", false),
    /** Frames per second. */
    FRAMES_PER_SECOND("0", "1000", "frames per second", false),
    /** A throughput in tokens per second. */
    TOKENS_PER_SECOND("0", "10000000", "tokens per second", false),
    /** An amount of money in USD (budgets, hosting costs). */
    USD("0", "1000000000", "$", false),
    /** A fee in USD per unit (per minute of audio, per image). */
    USD_PER_UNIT("0", "1000", "$", false),
    /** A plain factor (a residency uplift, a tokens multiplier). */
    MULTIPLIER("0", "100", "(a factor)", false),
    /** A sampling temperature. */
    TEMPERATURE("0", "2", "(a temperature)", false),
    /** A size in bytes. */
    BYTES("0", "2147483647", "bytes", true);

    private final BigDecimal min;
    private final BigDecimal max;
    private final String unit;
    private final boolean whole;

    NumberKind(String min, String max, String unit, boolean whole) {
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.unit = unit;
        this.whole = whole;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    /** True when only whole numbers are accepted. */
    public boolean whole() {
        return whole;
    }

    /** "0 to 1000 $ per million tokens", "1 to 31 days", "0 to 1, a share: 0 = 0 %, 1 = 100 %". */
    public String range() {
        String bounds = NumberRules.show(min) + " to " + NumberRules.show(max);
        return unit.startsWith("(") ? bounds + ", " + unit.substring(1, unit.length() - 1) : bounds + " " + unit;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.tuning.CacheMode;
import dev.costbench.model.tuning.CachePlanner;
import dev.costbench.model.tuning.CacheTtl;
import java.util.List;
import java.util.Locale;

/**
 * The prompt cache over a conversation's growing prefix, request after request, by the rules the cache planner uses
 * ({@link CachePlanner#mode}, the model's minimum cacheable length): each request caches its whole input (Anthropic: a
 * {@code cache_control} breakpoint on the last message; OpenAI and Gemini cache automatically), so the next request
 * reads the previous one's input and writes only what is new (the last answer and the new user message).
 *
 * <ul>
 *   <li>Below the minimum length nothing is cached; the first request that reaches it writes its whole input.
 *   <li>When the turns are further apart than the cache lives, every request finds it expired: nothing is read and
 *       (Anthropic, GPT-5.6+) the whole prefix is written again.
 *   <li>Anthropic: writes at the 5-minute or 1-hour write price. OpenAI: reads in steps of 128 tokens from 1,024
 *       (widely quoted, UNCONFIRMED); writes at a write price only where the model lists one (GPT-5.6+), else they are
 *       plain input. Gemini implicit caching: no write fee, no guarantee of a hit.
 * </ul>
 */
final class PrefixCache {

    /** One request's split of its input. */
    record Split(long read, long write5m, long write1h) {
        static final Split NONE = new Split(0, 0, 0);
    }

    private static final long OPENAI_FIRST_STEP = 1024;
    private static final long OPENAI_STEP = 128;

    private final ModelEntry model;
    private final CacheMode mode;
    private final CacheTtl ttl;
    private final boolean alive;
    private final boolean writeFee;
    private final Long min;
    private long cached;

    PrefixCache(ModelEntry model, CacheTtl ttl, long turnGapSeconds, List<String> notes) {
        this.model = model;
        this.mode = CachePlanner.mode(model, false);
        this.ttl = ttl;
        this.alive = turnGapSeconds <= ttl.minutes() * 60L;
        this.min = model.minCacheTokens();
        this.writeFee = mode == CacheMode.EXPLICIT
                || (model.rules() == BillingRules.OPENAI
                        && model.price(PriceKind.CACHE_WRITE_5M).isPresent());
        if (mode == CacheMode.NONE) {
            notes.add("No cache-read price is listed for " + model.name() + ": nothing is cached, so prompt caching "
                    + "costs the same as full history.");
            return;
        }
        notes.add(model.providerName() + ": " + mode.label()
                + (min == null
                        ? "; no minimum cacheable length is listed"
                        : String.format(Locale.ROOT, " from %,d tokens", min))
                + (writeFee ? "; writes at the write price" : "; no write fee")
                + ".");
        if (!alive) {
            notes.add(String.format(
                    Locale.ROOT,
                    "Turns are %,d s apart, longer than the cache lives (%s): every turn finds it expired and reads "
                            + "nothing%s.",
                    turnGapSeconds,
                    ttl.label(),
                    writeFee ? ", and writes the whole prefix again" : ""));
        }
        if (model.rules() == BillingRules.OPENAI) {
            notes.add("OpenAI reads cached tokens in steps of 128 from 1,024 (widely quoted, UNCONFIRMED).");
        }
        if (mode == CacheMode.IMPLICIT) {
            notes.add("Gemini implicit caching has no guarantee of a hit: the figures assume every hit.");
        }
    }

    /** The split of the next request's {@code input} tokens (its whole prompt). */
    Split next(long input) {
        if (mode == CacheMode.NONE) {
            return Split.NONE;
        }
        if (min != null && input < min) {
            cached = 0;
            return Split.NONE;
        }
        long read = alive ? Math.min(cached, input) : 0;
        if (model.rules() == BillingRules.OPENAI) {
            read = read < OPENAI_FIRST_STEP
                    ? 0
                    : OPENAI_FIRST_STEP + (read - OPENAI_FIRST_STEP) / OPENAI_STEP * OPENAI_STEP;
        }
        cached = input;
        long write = writeFee ? input - read : 0;
        boolean hour = mode == CacheMode.EXPLICIT && ttl == CacheTtl.ONE_HOUR;
        return new Split(read, hour ? 0 : write, hour ? write : 0);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.PricesInForce;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ChatResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calls of one multi-turn trial added up: each answered call is priced on its own (at the tier the provider
 * served) and the trial records the sums — tokens, cost, latency — with the replies in order. A conversation cut
 * short (a failed call, the budget cap, a cancel) is recorded as a failed trial that still carries what its answered
 * calls cost, so the money is never lost from the results.
 */
final class ConversationTally {

    /** Between two replies in the recorded output. */
    static final String TURN_SEPARATOR = "\n\n";

    private final Optional<ModelEntry> entry;
    private final int calls;
    private final List<String> replies = new ArrayList<>();
    private long uncached;
    private long cacheRead;
    private long write5m;
    private long write1h;
    private long output;
    private long reasoning;
    private BigDecimal billed = BigDecimal.ZERO;
    private boolean priced = true;
    private boolean complete = true;
    private Duration latency = Duration.ZERO;
    private Duration firstToken;
    private ChatResult last;
    private Instant started;
    private Instant finished;

    /** @param calls how many calls the whole conversation makes */
    ConversationTally(Optional<ModelEntry> entry, int calls) {
        this.entry = entry;
        this.calls = calls;
    }

    /** Notes a call's start and end (answered or not). */
    void timed(Instant from, Instant to) {
        started = started == null ? from : started;
        finished = to;
    }

    /** Adds an answered call; returns its cost (null when the model has no price), for the budget guard. */
    BigDecimal add(ChatResult answer) {
        CanonicalUsage u = answer.usage() == null ? new CanonicalUsage(0, 0, 0, 0, 0, 0) : answer.usage();
        uncached += u.uncachedInput();
        cacheRead += u.cacheRead();
        write5m += u.cacheWrite5m();
        write1h += u.cacheWrite1h();
        output += u.output();
        reasoning += u.reasoning();
        replies.add(answer.text() == null ? "" : answer.text());
        latency = latency.plus(answer.latency() == null ? Duration.ZERO : answer.latency());
        firstToken = replies.size() == 1 ? answer.timeToFirstToken() : firstToken;
        last = answer;
        CostBreakdown cost = answer.usage() == null
                ? null
                : entry.map(m -> CostEngine.price(m, u, ServedPricing.options(answer.servedTier())))
                        .orElse(null);
        if (cost == null) {
            priced = false;
            return null;
        }
        complete &= cost.complete();
        billed = billed.add(cost.total());
        return cost.total();
    }

    /** When the last call ended. */
    Instant finished() {
        return finished == null ? Instant.now() : finished;
    }

    /** The calls answered so far. */
    int answered() {
        return replies.size();
    }

    /** What the answered calls cost, exact; null when one of them had no price. */
    BigDecimal billed() {
        return priced ? billed : null;
    }

    /** What the answered calls cost for the ledger: unpriced ones count as zero. */
    BigDecimal spent() {
        return billed;
    }

    CanonicalUsage usage() {
        return new CanonicalUsage(uncached, cacheRead, write5m, write1h, output, reasoning);
    }

    /** The whole conversation, answered: its summed usage and cost, the replies in order. */
    NewTrial success(long experimentId, TrialCell cell, String hash, BigDecimal estimateUsd, ServiceTier requested) {
        return trial(experimentId, cell, hash, estimateUsd, null, requested);
    }

    /** A conversation cut short at call {@code answered() + 1}: what its answered calls used and cost. */
    NewTrial failure(long experimentId, TrialCell cell, String hash, String why, ServiceTier requested) {
        String error = "turn " + (answered() + 1) + " of " + calls + ": " + why;
        return trial(experimentId, cell, hash, null, error, requested);
    }

    private NewTrial trial(
            long experimentId,
            TrialCell cell,
            String hash,
            BigDecimal estimateUsd,
            String error,
            ServiceTier requested) {
        boolean any = last != null;
        CanonicalUsage usage = any ? usage() : null;
        CostBreakdown summed = any && priced
                ? entry.map(m -> CostEngine.price(m, usage, ServedPricing.options(last.servedTier())))
                        .orElse(null)
                : null;
        Instant from = started == null ? Instant.now() : started;
        return new NewTrial(
                experimentId,
                cell,
                hash,
                usage,
                any && priced ? billed : null,
                any && priced && complete,
                summed == null ? null : PricesInForce.toJson(summed),
                estimateUsd,
                any || error != null ? latency.toMillis() : null,
                firstToken == null ? null : firstToken.toMillis(),
                any ? last.finishReason() : null,
                any ? String.join(TURN_SEPARATOR, replies) : null,
                error,
                false,
                from,
                finished == null ? from : finished,
                requested,
                any ? last.servedTier() : null);
    }
}

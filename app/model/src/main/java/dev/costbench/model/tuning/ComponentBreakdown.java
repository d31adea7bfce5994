// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One request's cost split into its parts ("this system prompt costs $X a month"), on one model at a monthly
 * volume. Input parts are priced at the input rate the whole request pays (so the long-context switch applies),
 * reasoning and output at the output rate; no caching is assumed (see {@link CachePlanner}). On OpenAI models the
 * chat format's framing tokens (3 per text message + 3 reply priming, UNCONFIRMED for newer models) are a line of
 * their own.
 */
public record ComponentBreakdown(
        ModelEntry model,
        long monthlyRequests,
        BillingOptions options,
        List<RequestPart> request,
        List<PartCost> parts,
        long framingTokens,
        BigDecimal framingPerRequest,
        BigDecimal perRequest,
        BigDecimal perMonth,
        boolean complete,
        List<String> notes) {

    public ComponentBreakdown {
        request = List.copyOf(request);
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }

    /** Prices {@code request} on {@code model}; {@code monthlyRequests} scales the monthly figures. */
    public static ComponentBreakdown of(
            ModelEntry model, List<RequestPart> request, long monthlyRequests, BillingOptions options) {
        if (monthlyRequests < 0) {
            throw new IllegalArgumentException("monthly requests must not be negative");
        }
        BillingOptions opts = options == null ? BillingOptions.INTERACTIVE : options;
        List<TokenCount> counts = new ArrayList<>();
        long input = 0;
        int textMessages = 0;
        for (RequestPart p : request) {
            TokenCount c = p.isText() ? ModelTokens.of(model, p.text()) : TokenCount.given(p.tokens());
            counts.add(c);
            if (p.kind().input()) {
                input += c.tokens();
                if (p.isText() && !p.text().isEmpty()) {
                    textMessages++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        long framing = 0;
        if (model.rules() == BillingRules.OPENAI && textMessages > 0) {
            framing = (long) ModelTokenCounter.TOKENS_PER_MESSAGE * textMessages + ModelTokenCounter.REPLY_PRIMING;
            notes.add("Chat framing: 3 tokens per message + 3 reply priming (OpenAI cookbook; UNCONFIRMED for "
                    + "GPT-4.1, GPT-5 and o-series), counting each text part as one message.");
        }
        input += framing;
        UnitPrices up = CostEngine.unitPrices(model, input, opts);
        if (up.longContext()) {
            notes.add("Input of " + input + " tokens is above the long-context threshold: every part is priced at "
                    + "the long-context rates.");
        }
        BigDecimal factor = BigDecimal.ONE;
        if (opts.residency() && model.residencyMultiplier() != null) {
            factor = model.residencyMultiplier().perMTok();
        }
        boolean complete = true;
        List<BigDecimal> usd = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.size(); i++) {
            Price price = request.get(i).kind().input() ? up.input() : up.output();
            BigDecimal v = cost(price, counts.get(i).tokens(), factor);
            if (v == null && counts.get(i).tokens() > 0) {
                complete = false;
            }
            usd.add(v);
            total = v == null ? total : total.add(v);
        }
        BigDecimal framingUsd = framing == 0 ? BigDecimal.ZERO : cost(up.input(), framing, factor);
        if (framingUsd == null) {
            complete = false;
        } else {
            total = total.add(framingUsd);
        }
        List<PartCost> parts = new ArrayList<>();
        BigDecimal monthly = BigDecimal.valueOf(monthlyRequests);
        for (int i = 0; i < request.size(); i++) {
            BigDecimal v = usd.get(i);
            double share = v == null || total.signum() == 0
                    ? 0
                    : v.divide(total, MathContext.DECIMAL64).doubleValue();
            parts.add(new PartCost(
                    request.get(i),
                    counts.get(i).tokens(),
                    counts.get(i).exact(),
                    v,
                    v == null ? null : v.multiply(monthly),
                    share));
        }
        if (!complete) {
            notes.add("Some parts are unpriced on this model: the totals cover only the priced parts.");
        }
        return new ComponentBreakdown(
                model,
                monthlyRequests,
                opts,
                request,
                parts,
                framing,
                framingUsd,
                total,
                total.multiply(monthly),
                complete,
                notes);
    }

    private static BigDecimal cost(Price price, long tokens, BigDecimal factor) {
        if (tokens == 0) {
            return BigDecimal.ZERO;
        }
        if (price == null) {
            return null;
        }
        return price.perMTok()
                .multiply(BigDecimal.valueOf(tokens))
                .multiply(factor)
                .movePointLeft(6);
    }

    /** All input tokens, framing included. */
    public long inputTokens() {
        long n = framingTokens;
        for (PartCost p : parts) {
            n += p.part().kind().input() ? p.tokens() : 0;
        }
        return n;
    }

    /** The part costing most, if any part is priced. */
    public Optional<PartCost> largest() {
        return parts.stream().filter(p -> !p.unpriced()).max(Comparator.comparing(PartCost::perRequest));
    }

    /**
     * What dropping part {@code index} saves ("dropping example 3 saves $Y a month"), recomputed on the request
     * without it, so framing and a long-context switch are accounted for.
     */
    public Saving dropSaving(int index) {
        List<RequestPart> rest = new ArrayList<>(request);
        rest.remove(index);
        ComponentBreakdown without = of(model, rest, monthlyRequests, options);
        return new Saving(
                inputTokens() + outputTokens() - without.inputTokens() - without.outputTokens(),
                perRequest.subtract(without.perRequest),
                perMonth.subtract(without.perMonth));
    }

    /** Reasoning and visible output tokens. */
    public long outputTokens() {
        long n = 0;
        for (PartCost p : parts) {
            n += p.part().kind().input() ? 0 : p.tokens();
        }
        return n;
    }

    /** The parts of one kind, e.g. every few-shot example. */
    public List<PartCost> ofKind(PartKind kind) {
        return parts.stream().filter(p -> p.part().kind() == kind).toList();
    }
}

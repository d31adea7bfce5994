// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.Money;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.RequestEstimate;
import dev.costbench.model.provider.SendOptions;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.Words;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/** The figures "Send to the API" shows once the answer is in: reported usage, billed cost against the estimate. */
final class RunFigures {

    private RunFigures() {}

    /**
     * Shows the figures of {@code r}, the billed cost after {@code card} ({@link RateCard#NONE}: list price); returns
     * the billed cost at list price, what the history and the ledger keep (null when the server reported no usage).
     */
    static BigDecimal show(RunViewModel vm, ModelEntry m, RequestEstimate est, ChatResult r, RateCard card) {
        vm.answerIfEmpty(r.text());
        String timing = r.latency().toMillis() + " ms"
                + (r.timeToFirstToken() == null
                        ? ""
                        : ", first token after " + r.timeToFirstToken().toMillis() + " ms") + " · finish: "
                + r.finishReason() + (r.truncated() ? " (cut by the output cap)" : "");
        if (r.usage() == null) {
            vm.figure(1, "Reported", "the server reported no usage, so the billed cost is unknown", null);
            vm.figure(3, "Timing", timing, null);
            return null;
        }
        // Priced at the tier the provider says it served (OpenAI and Anthropic report it), never assumed.
        ServiceTier pricedAs = ServiceTierWords.pricedAs(r.servedTier());
        var rec = est.reconcile(
                m, r.usage(), BillingOptions.INTERACTIVE.withTier(pricedAs).withRateCard(card));
        vm.figure(1, "Reported", RunViewModel.usage(r.usage()), null);
        vm.figure(
                2,
                "Billed",
                priced(rec.billed(), card) + "   (difference from the estimate: " + signed(rec.differenceUsd())
                        + "; input " + Words.signedTokens(rec.inputDelta()) + ")" + served(r.servedTier(), pricedAs),
                describeLines(rec.billed()));
        vm.figure(3, "Timing", timing, null);
        if (!r.inputByModality().isEmpty()) {
            vm.figure(4, "By modality", Words.perKind(r.inputByModality()), null);
        }
        vm.called(m, r, rec.billed().listTotal());
        return rec.billed().listTotal();
    }

    /**
     * "$0.000228 (list price)", or with a rate card "$0.000205 at your rates (list price $0.000228)": a Send figure
     * labelled with how it is priced.
     */
    static String priced(CostBreakdown b, RateCard card) {
        if (card.isEmpty()) {
            return Money.format(b.total()) + " (list price)";
        }
        return Money.format(b.total()) + " at your rates (list price " + Money.format(b.listTotal()) + ")";
    }

    /**
     * A kept call's usage billed again on {@code m} at the tier its provider served, the prices of the day it was sent
     * and {@code card}: its cost at your rates.
     */
    static CostBreakdown billed(ModelEntry m, CanonicalUsage usage, String served, LocalDate day, RateCard card) {
        return CostEngine.price(
                m,
                usage,
                BillingOptions.INTERACTIVE
                        .withTier(ServiceTierWords.pricedAs(served))
                        .at(day)
                        .withRateCard(card));
    }

    /** "; served priority: priced at Priority", or nothing when the provider reported no tier. */
    static String served(String word, ServiceTier pricedAs) {
        if (word == null) {
            return "";
        }
        return ServiceTierWords.known(word)
                ? " · served " + word + ": priced at " + pricedAs.label()
                : " · served " + word + ", a tier CostBench does not know: priced at Standard";
    }

    /** The options of a call in words: "temperature 0.7 · up to 500 output tokens · effort low · streamed". */
    static String options(SendOptions o) {
        return (o.temperature() == null ? "default temperature" : "temperature " + o.temperature())
                + String.format(Locale.ROOT, " · up to %,d output tokens", o.maxOutputTokens())
                + (o.effort() == null
                        ? ""
                        : " · reasoning effort " + o.effort().label().toLowerCase(Locale.ROOT))
                + (o.stream() ? " · streamed" : " · not streamed");
    }

    static String signed(BigDecimal d) {
        return (d.signum() > 0 ? "+" : d.signum() < 0 ? "−" : "") + Money.format(d.abs());
    }

    static String percent(long exact, long est) {
        if (exact == 0) {
            return "exact is 0";
        }
        double p = 100.0 * (est - exact) / exact;
        return String.format(Locale.ROOT, "%+.1f %%", p);
    }

    static String describeLines(CostBreakdown b) {
        StringBuilder s = new StringBuilder();
        for (var l : b.lines()) {
            s.append(l.item())
                    .append(": ")
                    .append(l.tokens())
                    .append(" tokens × ")
                    .append(
                            l.price() == null
                                    ? "unpriced"
                                    : Money.perMTok(l.price().perMTok()) + "/1M")
                    .append(" = ")
                    .append(l.usd() == null ? "—" : Money.format(l.usd()))
                    .append('\n');
        }
        return s.toString().strip();
    }
}

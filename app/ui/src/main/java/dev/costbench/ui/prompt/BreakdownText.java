// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.SourceNames;
import dev.costbench.model.cost.Money;
import java.math.BigDecimal;

/** The words of the cost breakdown: names for people where the catalog has ids and keys. No JavaFX. */
final class BreakdownText {

    private BreakdownText() {}

    /** "gpt-5 · OpenAI · High tier · OpenAI billing rules": the model id stays, as the secondary line. */
    static String subtitle(ModelEntry m) {
        return m.id() + " · " + m.providerName() + " · " + m.tier().label() + " tier · " + rulesName(m.rules())
                + " billing rules";
    }

    static String rulesName(BillingRules r) {
        switch (r) {
            case OPENAI:
                return "OpenAI";
            case ANTHROPIC:
                return "Anthropic";
            case GEMINI:
                return "Google Gemini";
            default:
                return "open-weight host";
        }
    }

    /** The Source column: the source's short name; empty without a price or a source. */
    static String sourceName(Catalog catalog, Price p) {
        if (p == null || p.source().isEmpty()) {
            return "";
        }
        return SourceNames.name(catalog, p.source());
    }

    /** The Source column's tooltip: the key, the full description (file, URL, commit) and the as-of date. */
    static String sourceTooltip(Catalog catalog, Price p) {
        if (p == null || p.source().isEmpty()) {
            return "";
        }
        String description = catalog == null ? null : catalog.sources().get(p.source());
        return "Source key " + p.source() + (description == null ? "" : "\n" + description)
                + (p.asOf().isEmpty() ? "" : "\nread on " + p.asOf());
    }

    /** One line of the Sources list under the breakdown: "models.dev (MD): description". */
    static String sourceLine(Catalog catalog, String key) {
        return SourceNames.name(catalog, key) + " (" + key + "): " + catalog.describeSource(key);
    }

    /** Where an overriding value came from, in words. */
    static String originName(Origin o) {
        switch (o) {
            case USER:
                return "your catalog";
            case LITELLM_IMPORT:
                return "the LiteLLM import";
            default:
                return "the built-in catalog";
        }
    }

    /**
     * An exact amount in the same "$" style as {@link Money#format}: "$0.00026795", "−$0.5"; every digit kept (the
     * breakdown shows sums that add up); null as "unpriced".
     */
    static String exactUsd(BigDecimal usd) {
        if (usd == null) {
            return "unpriced";
        }
        return (usd.signum() < 0 ? "−" : "") + "$" + Money.exact(usd.abs());
    }
}

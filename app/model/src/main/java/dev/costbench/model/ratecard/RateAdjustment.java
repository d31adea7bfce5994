// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.ratecard;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ProviderNames;
import dev.costbench.model.catalog.ServiceTier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of a rate card: a discount (negative percent) or markup (positive percent) on the list price, for the
 * models it matches.
 *
 * @param label       what the user calls it ("Azure OpenAI commitment")
 * @param provider    catalog provider id it applies to ({@code openai}); null or blank: every provider
 * @param models      model id pattern, a glob ({@code *} any characters, {@code ?} one; case-insensitive); null or
 *                    blank: every model
 * @param serviceTier the service tier it applies to; null: every tier
 * @param percent     −15 for a 15 % discount, 5 for a 5 % markup; from −100 to 1,000
 */
public record RateAdjustment(
        String label, String provider, String models, ServiceTier serviceTier, BigDecimal percent) {

    /** The smallest percent: a 100 % discount. */
    public static final BigDecimal MIN_PERCENT = new BigDecimal("-100");
    /** The largest percent: a 1,000 % markup. */
    public static final BigDecimal MAX_PERCENT = new BigDecimal("1000");

    public RateAdjustment {
        label = label == null ? "" : label.strip();
        provider =
                provider == null || provider.isBlank() ? null : provider.strip().toLowerCase(Locale.ROOT);
        models = models == null || models.isBlank() ? "*" : models.strip();
    }

    /** What is wrong with this line, in the user's words; empty when it is valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (label.isEmpty()) {
            out.add("give the line a name, e.g. \"Azure OpenAI commitment\"");
        }
        if (percent == null) {
            out.add("give a percentage, e.g. -15 for a 15 % discount or 5 for a 5 % markup");
        } else if (percent.compareTo(MIN_PERCENT) < 0 || percent.compareTo(MAX_PERCENT) > 0) {
            out.add("the percentage " + percent.stripTrailingZeros().toPlainString()
                    + " is outside −100 to 1,000 (−15 is a 15 % discount, 5 a 5 % markup)");
        }
        if (!models.matches("[A-Za-z0-9._:/@*?\\-]+")) {
            out.add("the model pattern \"" + models + "\" may only hold model-id characters and the wildcards * and ?");
        }
        return out;
    }

    /** True when this line applies to {@code model} served in {@code tier}. */
    public boolean matches(ModelEntry model, ServiceTier tier) {
        return matches(model.provider(), model.id(), tier);
    }

    /** True when this line applies to the model or service {@code id} of {@code providerId} served in {@code tier}. */
    public boolean matches(String providerId, String id, ServiceTier tier) {
        return (provider == null || provider.equalsIgnoreCase(providerId))
                && (serviceTier == null || serviceTier == tier)
                && glob(models).matcher(id).matches();
    }

    /** The multiplier it stands for: 1 + percent ÷ 100 (0.85 for −15 %). */
    public BigDecimal factor() {
        return BigDecimal.ONE.add(percent.movePointLeft(2));
    }

    /** The percent as shown to people: "−15 %", "+5 %", "+0 %". */
    public String percentText() {
        String n = percent.abs().stripTrailingZeros().toPlainString();
        return (percent.signum() < 0 ? "−" : "+") + n + " %";
    }

    /** "Azure OpenAI commitment −15 %". */
    public String title() {
        return label + " " + percentText();
    }

    /** Where it applies, in words: "OpenAI · gpt-5* · Standard tier", "every provider · every model · every tier". */
    public String scope() {
        return (provider == null ? "every provider" : ProviderNames.displayName(provider)) + " · "
                + ("*".equals(models) ? "every model" : models) + " · "
                + (serviceTier == null ? "every tier" : serviceTier.label() + " tier");
    }

    private static Pattern glob(String g) {
        StringBuilder b = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import dev.costbench.model.catalog.ServiceTier;
import java.util.List;
import java.util.Locale;

/**
 * The providers' own words for service tiers, both ways: what to send to ask for one of CostBench's tiers, which
 * words each API accepts, and which tier a reported ("served") word is priced as.
 *
 * <ul>
 *   <li>OpenAI {@code service_tier} (Chat Completions and Responses): asked as "auto", "default", "flex" or
 *       "priority"; the response's top-level {@code service_tier} says what served it ("default", "flex",
 *       "priority", …).</li>
 *   <li>Anthropic {@code service_tier}: asked as "auto" (Priority Tier when the organization has capacity, else
 *       standard) or "standard_only"; {@code usage.service_tier} reports "standard", "priority" or "batch".</li>
 *   <li>Google Gemini and OpenAI-compatible servers: nothing to ask for and nothing reported.</li>
 * </ul>
 */
public final class ServiceTierWords {

    /** The words OpenAI's {@code service_tier} request field takes. */
    public static final List<String> OPENAI = List.of("auto", "default", "flex", "priority");

    /** The words Anthropic's {@code service_tier} request field takes. */
    public static final List<String> ANTHROPIC = List.of("auto", "standard_only");

    private ServiceTierWords() {}

    /** The tiers a provider can be asked for (Standard always: it is what no field asks for). */
    public static List<ServiceTier> askable(ProviderId provider) {
        return switch (provider) {
            case OPENAI -> List.of(ServiceTier.STANDARD, ServiceTier.FLEX, ServiceTier.PRIORITY);
            case ANTHROPIC -> List.of(ServiceTier.STANDARD, ServiceTier.PRIORITY);
            default -> List.of(ServiceTier.STANDARD);
        };
    }

    /**
     * The word to send to ask {@code provider} for {@code tier}; null for Standard (no field: the API's default).
     *
     * @throws IllegalArgumentException when the provider cannot be asked for that tier, saying which it can
     */
    public static String request(ProviderId provider, ServiceTier tier) {
        if (tier == null || tier == ServiceTier.STANDARD) {
            return null;
        }
        if (provider == ProviderId.OPENAI && (tier == ServiceTier.FLEX || tier == ServiceTier.PRIORITY)) {
            return tier.id();
        }
        if (provider == ProviderId.ANTHROPIC && tier == ServiceTier.PRIORITY) {
            return "auto";
        }
        throw new IllegalArgumentException(refusal(provider, tier.label()));
    }

    /**
     * Null when {@code provider}'s API takes {@code word} as its service tier; else the reason, saying what it takes.
     */
    public static String refusalOf(ProviderId provider, String word) {
        if (word == null) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (provider == ProviderId.OPENAI && OPENAI.contains(w)) {
            return null;
        }
        if (provider == ProviderId.ANTHROPIC && ANTHROPIC.contains(w)) {
            return null;
        }
        return refusal(provider, "\"" + word + "\"");
    }

    /**
     * Checks a request's service tier word before anything is sent.
     *
     * @throws ProviderException ({@link ProviderException.Kind#BAD_REQUEST}, no HTTP status) when the provider's API
     *                           does not take it
     */
    public static void check(ProviderId provider, String word) throws ProviderException {
        String why = refusalOf(provider, word);
        if (why != null) {
            throw new ProviderException(provider, ProviderException.Kind.BAD_REQUEST, 0, why, null, null, null);
        }
    }

    private static String refusal(ProviderId provider, String what) {
        String takes = switch (provider) {
            case OPENAI -> "it takes auto, default, flex or priority (Standard sends none)";
            case ANTHROPIC -> "it takes auto (Priority Tier when your organization has it) or standard_only";
            default -> "it has no service tier to ask for: choose Standard";
        };
        return "The " + provider.displayName() + " API cannot be asked for the " + what + " service tier: " + takes
                + ". Nothing was sent.";
    }

    /** True when {@code served} is a word CostBench knows how to price (null, no report, counts as known). */
    public static boolean known(String served) {
        if (served == null) {
            return true;
        }
        return switch (served.toLowerCase(Locale.ROOT)) {
            case "default", "standard", "flex", "priority", "batch" -> true;
            default -> false;
        };
    }

    /**
     * True when the provider reported serving another tier than {@code requested} (null: Standard), or a tier
     * CostBench does not know; false when it reported none.
     */
    public static boolean changed(ServiceTier requested, String served) {
        return served != null
                && (!known(served) || pricedAs(served) != (requested == null ? ServiceTier.STANDARD : requested));
    }

    /**
     * The tier a served word is priced as: OpenAI "default" and Anthropic "standard" at Standard, "flex" at Flex,
     * "priority" at Priority, "batch" at Batch; no report and an unknown word at Standard (see {@link #known}).
     */
    public static ServiceTier pricedAs(String served) {
        if (served == null) {
            return ServiceTier.STANDARD;
        }
        return switch (served.toLowerCase(Locale.ROOT)) {
            case "flex" -> ServiceTier.FLEX;
            case "priority" -> ServiceTier.PRIORITY;
            case "batch" -> ServiceTier.BATCH;
            default -> ServiceTier.STANDARD;
        };
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Counts and signed amounts in words people read: "1 model", "2 models", "−12 tokens", "+3 tokens". */
public final class Words {

    private Words() {}

    /** "1 model", "3 models", "1,200 models": the plural adds an "s". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** "1 repetition", "0 repetitions", with the plural given ("1 child", "2 children"). */
    public static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (Math.abs(n) == 1 ? singular : plural);
    }

    /**
     * A change in tokens: a saving of 12 as "−12 tokens", a cost of 3 more as "+3 tokens", 0 as "0 tokens";
     * {@code approx} puts "≈ " in front; {@code what} qualifies the noun ("output" gives "−12 output tokens").
     */
    public static String tokenChange(long saved, boolean approx, String what) {
        String noun = (what == null || what.isEmpty() ? "" : what + " ") + (Math.abs(saved) == 1 ? "token" : "tokens");
        String sign = saved > 0 ? "−" : saved < 0 ? "+" : "";
        return (approx ? "≈ " : "") + sign + String.format(Locale.ROOT, "%,d", Math.abs(saved)) + " " + noun;
    }

    /** A signed count of tokens, "+12 tokens", "−1 token", "0 tokens" (the difference itself, not a saving). */
    public static String signedTokens(long delta) {
        return tokenChange(-delta, false, "");
    }

    /** Token counts per kind, "text 1,200 · image 765" (the provider's own kinds, in their order). */
    public static String perKind(Map<String, Long> counts) {
        StringJoiner j = new StringJoiner(" · ");
        counts.forEach((k, v) -> j.add(k.toLowerCase(Locale.ROOT) + " " + String.format(Locale.ROOT, "%,d", v)));
        return j.toString();
    }
}

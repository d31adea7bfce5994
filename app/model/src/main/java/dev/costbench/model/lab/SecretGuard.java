// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps API keys out of everything the lab stores or exports. Keys live only in the credential store
 * ({@link dev.costbench.model.provider.CredentialStore}); settings, scenarios and prompt snapshots are JSON the user
 * may share, so a JSON property named like a credential, or a value shaped like a provider key, is refused.
 */
public final class SecretGuard {

    /** Property names that hold credentials, compared lower-case with '-' and '_' removed. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "key|apikey|.*apikey|.*secret.*|.*password.*|passwd|authorization|.*accesstoken|bearer|.*credential.*"
                    + "|xgoogapikey|xapikey");
    /** OpenAI (sk-…, sk-proj-…), Anthropic (sk-ant-…) and Google (AIza…) key shapes. */
    private static final Pattern KEY_VALUE = Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}|\\bAIza[0-9A-Za-z_-]{35}");

    private SecretGuard() {}

    /** A short description of the credential found in {@code text}, or null when there is none. */
    public static String findSecret(String text) {
        if (text == null) {
            return null;
        }
        for (String property : propertyNames(text)) {
            String name = property.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (CREDENTIAL_NAME.matcher(name).matches()) {
                return "a property named \"" + property + "\"";
            }
        }
        if (KEY_VALUE.matcher(text).find()) {
            return "a value shaped like an API key";
        }
        return null;
    }

    /**
     * The JSON property names in {@code text} (as written, escapes kept): every string followed by a colon. A scan
     * rather than a regular expression: Java's regex engine recurses once per character of a {@code (?:a|b)*}
     * loop, and a prompt of a few thousand characters overflowed the stack.
     */
    private static List<String> propertyNames(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.charAt(i) != '"') {
                i++;
                continue;
            }
            int start = ++i;
            while (i < n && text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            if (i >= n) {
                break;
            }
            int end = i++;
            int j = i;
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j < n && text.charAt(j) == ':') {
                out.add(text.substring(start, end));
            }
        }
        return out;
    }

    /** {@code text} with every value shaped like a provider key replaced by "[redacted]"; null stays null. */
    public static String redact(String text) {
        return text == null ? null : KEY_VALUE.matcher(text).replaceAll("[redacted]");
    }

    /** Throws {@link IllegalArgumentException} (without echoing the value) when {@code text} holds a credential. */
    public static void requireNoSecrets(String what, String text) {
        String found = findSecret(text);
        if (found != null) {
            throw new IllegalArgumentException(what + " must not contain API keys (found " + found
                    + "); keys belong in the Providers tab, which keeps them in the system credential store");
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The normalizers of a {@code tokenizer.json} that the supported models use: Unicode forms (NFC, NFKC, NFD, NFKD),
 * {@code Replace} (a literal or a regex), {@code Prepend}, {@code Lowercase}, {@code Strip} and {@code Sequence}.
 */
final class HfNormalizer {

    private HfNormalizer() {}

    static UnaryOperator<String> identity() {
        return s -> s;
    }

    static UnaryOperator<String> form(String type) {
        Normalizer.Form f = Normalizer.Form.valueOf(type);
        return s -> Normalizer.isNormalized(s, f) ? s : Normalizer.normalize(s, f);
    }

    static UnaryOperator<String> replace(String literal, String regex, String content) {
        if (literal != null) {
            return s -> s.replace(literal, content);
        }
        HfRegex p = HfRegex.compile(regex);
        return s -> p.replaceAll(s, content);
    }

    static UnaryOperator<String> prepend(String prefix) {
        return s -> s.isEmpty() ? s : prefix + s;
    }

    static UnaryOperator<String> lowercase() {
        return s -> s.toLowerCase(Locale.ROOT);
    }

    static UnaryOperator<String> strip(boolean left, boolean right) {
        return s -> {
            int a = 0;
            int b = s.length();
            while (left && a < b && Character.isWhitespace(s.charAt(a))) {
                a++;
            }
            while (right && b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            return s.substring(a, b);
        };
    }

    static UnaryOperator<String> sequence(List<UnaryOperator<String>> steps) {
        return s -> {
            String t = s;
            for (UnaryOperator<String> step : steps) {
                t = step.apply(t);
            }
            return t;
        };
    }
}

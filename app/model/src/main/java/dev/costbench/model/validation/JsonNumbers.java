// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks every number in a JSON tree before a reader binds or computes anything: each must meet the size bound of
 * {@link NumberRules#sizeProblem}, and a number whose field has a declared {@link NumberKind} must be in its range.
 * A string under such a field (a decimal written as text) is checked the same way.
 */
public final class JsonNumbers {

    /** The kind of the number at {@code path} (its last property name is {@code key}); null: only the size bound. */
    @FunctionalInterface
    public interface Kinds {
        NumberKind of(String path, String key);
    }

    private JsonNumbers() {}

    /** Every refusal in the tree, in document order, each with its field path. */
    public static List<NumberRefusedException> check(JsonNode root, Kinds kinds) {
        return check(root, kinds, true);
    }

    /**
     * @param textIsNumber whether a string under a field with a kind is a number written as text (scenario files
     *                     accept {@code "0.25"}); false where such strings are names (a catalog's media rules)
     */
    public static List<NumberRefusedException> check(JsonNode root, Kinds kinds, boolean textIsNumber) {
        List<NumberRefusedException> out = new ArrayList<>();
        walk(root, "", "", kinds, textIsNumber, out);
        return out;
    }

    /**
     * @throws NumberRefusedException the first refusal in the tree
     */
    public static void require(JsonNode root, Kinds kinds) {
        List<NumberRefusedException> all = check(root, kinds);
        if (!all.isEmpty()) {
            throw all.get(0);
        }
    }

    private static void walk(
            JsonNode n, String path, String key, Kinds kinds, boolean text, List<NumberRefusedException> out) {
        if (n == null) {
            return;
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getKey(), kinds, text, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", key, kinds, text, out);
            }
        } else if (n.isNumber()) {
            NumberKind kind = kinds.of(path, key);
            try {
                if (kind == null) {
                    NumberRules.decimal(path, n, false);
                } else if (kind.whole()) {
                    NumberRules.whole(path, n, kind);
                } else {
                    NumberRules.check(path, n, kind, false);
                }
            } catch (NumberRefusedException e) {
                out.add(e);
            }
        } else if (n.isTextual() && text) {
            NumberKind kind = kinds.of(path, key);
            if (kind != null) {
                try {
                    NumberRules.check(path, n, kind, true);
                } catch (NumberRefusedException e) {
                    out.add(e);
                }
            }
        }
    }
}

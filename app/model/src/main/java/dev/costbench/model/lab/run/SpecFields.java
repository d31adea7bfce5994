// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRefusedException;
import dev.costbench.model.validation.NumberRules;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Set;

/** The field readers of the experiment JSON: each refusal names the field and what it needs. */
final class SpecFields {

    private SpecFields() {}

    static void known(JsonNode n, Set<String> allowed, String at) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new SpecException(at + f + ": unknown property (known: "
                        + String.join(
                                ", ",
                                allowed.stream()
                                        .filter(x -> !x.startsWith("$"))
                                        .sorted()
                                        .toList()) + ")");
            }
        }
    }

    static boolean has(JsonNode n, String f) {
        return n.has(f) && !n.get(f).isNull();
    }

    static JsonNode array(JsonNode root, String f) {
        JsonNode a = root.get(f);
        if (a == null || a.isNull()) {
            throw new SpecException(f + ": missing (an array is needed)");
        }
        if (!a.isArray()) {
            throw new SpecException(f + ": expected an array");
        }
        return a;
    }

    static String text(JsonNode n, String f, String at, boolean required) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            if (required) {
                throw new SpecException(at + ": missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new SpecException(at + ": expected a string");
        }
        return v.asText();
    }

    static boolean bool(JsonNode n, String f, boolean dflt) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new SpecException(f + ": expected true or false");
        }
        return v.asBoolean();
    }

    static int integer(JsonNode v, String at) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new SpecException(at + ": expected a whole number, got " + v);
        }
        return v.asInt();
    }

    static double number(JsonNode v, String at) {
        if (!v.isNumber()) {
            throw new SpecException(at + ": expected a number, got " + v);
        }
        return v.asDouble();
    }

    static BigDecimal money(JsonNode v, String at) {
        try {
            if (v.isNumber()) {
                return NumberRules.check(at, v, NumberKind.USD, false);
            }
            if (v.isTextual()) {
                return NumberRules.parse(at, v.asText().strip().replace("$", ""), NumberKind.USD);
            }
        } catch (NumberRefusedException e) {
            if (e.reason().contains("range")
                    || e.reason().contains("decimal places")
                    || e.reason().contains("long")) {
                throw new SpecException(e.getMessage(), e);
            }
        }
        throw new SpecException(at + ": expected an amount in USD (a number or a decimal string), got " + v);
    }

    /** A variable's value: strings as they are, numbers and booleans as written, null as "". */
    static String scalar(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new SpecException(at + ": a variable's value must be text, a number or a boolean");
    }
}

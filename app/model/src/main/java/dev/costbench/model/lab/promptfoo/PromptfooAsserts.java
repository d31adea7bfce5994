// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.lab.stats.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * promptfoo assertions as CostBench checks: {@code contains}, {@code icontains}, {@code not-contains},
 * {@code not-icontains}, {@code contains-all}/{@code icontains-all} (one check per text), {@code contains-any}/
 * {@code icontains-any} and {@code starts-with} (a regex), {@code equals} (a regex matching the whole output),
 * {@code regex}, {@code is-json}. {@code llm-rubric} becomes the judge ({@link PromptfooImport}); everything else is
 * reported, JavaScript and Python assertions with a refusal.
 */
final class PromptfooAsserts {

    private static final Set<String> TEXT_TYPES = Set.of(
            "contains",
            "icontains",
            "not-contains",
            "not-icontains",
            "contains-all",
            "icontains-all",
            "contains-any",
            "icontains-any",
            "starts-with",
            "equals",
            "regex");

    private PromptfooAsserts() {}

    /** The type of an assertion ("contains", …), or "" when it has none. */
    static String type(JsonNode a) {
        return a.path("type").asText("");
    }

    /**
     * The checks of one assertion; empty (and reported in {@code unmapped}) when it has none.
     * {@code llm-rubric} gives none and is not reported (the judge takes it).
     */
    static List<Check> checks(JsonNode a, String at, List<Unmapped> unmapped) {
        String type = type(a);
        JsonNode value = a.get("value");
        List<Check> out = new ArrayList<>();
        if (type.isEmpty()) {
            unmapped.add(new Unmapped(at, "an assertion needs a type"));
            return out;
        }
        if (type.equals("llm-rubric")) {
            return out;
        }
        if (type.equals("javascript")
                || type.equals("python")
                || type.startsWith("not-javascript")
                || type.startsWith("not-python")) {
            unmapped.add(new Unmapped(
                    at,
                    type + " assertions are refused: CostBench does not run code from an "
                            + "imported file. Express the test as contains, regex or is-json, or score it with the judge "
                            + "(llm-rubric)"));
            return out;
        }
        if (type.equals("cost") || type.equals("latency")) {
            unmapped.add(new Unmapped(
                    at,
                    type + " (threshold " + a.path("threshold").asText("?") + "): CostBench "
                            + "has no pass/fail check on a call's " + type
                            + "; the A/B results compare every variant's "
                            + type + " with intervals"));
            return out;
        }
        if (type.equals("is-json")) {
            if (value != null && !value.isNull()) {
                unmapped.add(new Unmapped(
                        at + ".value",
                        "is-json with a JSON schema: CostBench checks that the " + "output is JSON, not its schema"));
            }
            out.add(Check.validJson());
            return out;
        }
        if (!TEXT_TYPES.contains(type)) {
            unmapped.add(new Unmapped(
                    at,
                    type + ": no matching CostBench check (CostBench checks contains, "
                            + "not-contains, regex, is-json, equals, starts-with, contains-any/all; llm-rubric becomes the "
                            + "judge)"));
            return out;
        }
        List<String> texts = texts(value);
        if (texts == null) {
            unmapped.add(new Unmapped(at, type + " needs a text value (a string, or a list of strings)"));
            return out;
        }
        if (texts.stream().anyMatch(t -> t.contains("{{"))) {
            unmapped.add(new Unmapped(
                    at,
                    type + " with {{variables}} in its value: CostBench's checks are the same " + "for every input"));
            return out;
        }
        boolean many = value.isArray();
        try {
            switch (type) {
                case "contains", "icontains", "not-contains", "not-icontains" -> {
                    if (many) {
                        unmapped.add(new Unmapped(at, type + " takes one text; use contains-all or contains-any"));
                        return out;
                    }
                    Check c = type.endsWith("contains") && !type.startsWith("not-")
                            ? Check.contains(texts.get(0))
                            : Check.notContains(texts.get(0));
                    out.add(type.contains("icontains") ? c.ignoringCase() : c);
                }
                case "contains-all", "icontains-all" -> {
                    for (String t : texts) {
                        out.add(type.startsWith("i") ? Check.contains(t).ignoringCase() : Check.contains(t));
                    }
                }
                case "contains-any", "icontains-any" -> {
                    List<String> quoted = texts.stream().map(Pattern::quote).toList();
                    Check c = Check.regex(String.join("|", quoted));
                    out.add(type.startsWith("i") ? c.ignoringCase() : c);
                }
                case "starts-with" -> out.add(Check.regex("\\A" + Pattern.quote(texts.get(0))));
                case "equals" -> out.add(Check.regex("\\A" + Pattern.quote(texts.get(0)) + "\\z"));
                case "regex" -> out.add(Check.regex(texts.get(0)));
                default -> throw new IllegalStateException(type);
            }
        } catch (IllegalArgumentException e) {
            unmapped.add(new Unmapped(at, type + ": " + e.getMessage()));
            out.clear();
        }
        return out;
    }

    private static List<String> texts(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return List.of(value.asText());
        }
        if (value.isArray() && !value.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : value) {
                if (!(v.isTextual() || v.isNumber())) {
                    return null;
                }
                out.add(v.asText());
            }
            return out;
        }
        return null;
    }
}

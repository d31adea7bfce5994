// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.TestInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * promptfoo's {@code tests}: inline test cases ({@code description}, {@code vars}, {@code assert}) and
 * {@code file://…csv} tables (a column per variable; {@code __expected} an assertion such as {@code contains: Paris}
 * or a text the output must equal; {@code __description} the label). A variable's {@code file://} value is the
 * file's text.
 */
final class PromptfooTests {

    /** One test case: where it is, its label, its variables and its assertions. */
    record Test(String at, String label, Map<String, String> vars, List<JsonNode> asserts) {}

    private PromptfooTests() {}

    static List<Test> map(JsonNode tests, PromptfooFiles files, List<Unmapped> unmapped) {
        List<Test> out = new ArrayList<>();
        List<JsonNode> items = PromptfooImport.list(tests);
        for (int i = 0; i < items.size(); i++) {
            String at = tests != null && tests.isArray() ? "tests[" + i + "]" : "tests";
            JsonNode t = items.get(i);
            if (t.isTextual() && t.asText().startsWith("file://")) {
                out.addAll(table(t.asText(), at, files, unmapped));
            } else if (t.isObject()) {
                Test one = test(t, at, files, unmapped, "test " + (out.size() + 1));
                if (one != null) {
                    out.add(one);
                }
            } else {
                unmapped.add(new Unmapped(at, "a test must be {vars, assert} or a file://….csv table"));
            }
        }
        return out;
    }

    /** One inline test case (also {@code defaultTest}); null when it cannot be used (reported). */
    static Test test(JsonNode t, String at, PromptfooFiles files, List<Unmapped> unmapped, String fallbackLabel) {
        Map<String, String> vars = vars(t.get("vars"), at + ".vars", files, unmapped);
        List<JsonNode> asserts = PromptfooImport.list(t.get("assert"));
        String label = t.path("description").isTextual() ? t.path("description").asText() : fallbackLabel;
        t.fieldNames().forEachRemaining(k -> {
            if (!List.of("vars", "assert", "description", "options", "metadata").contains(k)) {
                unmapped.add(new Unmapped(at + "." + k, "no matching CostBench setting"));
            }
        });
        return new Test(at, label, vars, asserts);
    }

    static Map<String, String> vars(JsonNode vars, String at, PromptfooFiles files, List<Unmapped> unmapped) {
        Map<String, String> out = new LinkedHashMap<>();
        if (vars == null || vars.isNull()) {
            return out;
        }
        if (!vars.isObject()) {
            unmapped.add(new Unmapped(at, "vars must be a map of names to values (a vars file is not imported)"));
            return out;
        }
        vars.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String where = at + "." + e.getKey();
            if (v.isTextual() && v.asText().startsWith("file://")) {
                String name = v.asText().substring("file://".length());
                String ext = PromptfooPrompts.ext(name);
                if (List.of("txt", "md", "json", "yaml", "yml", "csv", "html", "xml", "")
                        .contains(ext)) {
                    try {
                        out.put(e.getKey(), files.read(name));
                    } catch (IOException x) {
                        unmapped.add(new Unmapped(where, v.asText() + " cannot be read: " + x.getMessage()));
                    }
                } else {
                    unmapped.add(new Unmapped(
                            where,
                            v.asText() + ": only text files become variables (images, "
                                    + "audio and scripts are not imported)"));
                }
            } else if (v.isValueNode()) {
                out.put(e.getKey(), v.asText());
            } else if (v.isArray()) {
                unmapped.add(new Unmapped(
                        where,
                        "a list of values (promptfoo runs every combination): CostBench "
                                + "needs one test per combination"));
            } else {
                out.put(e.getKey(), v.toString());
            }
        });
        return out;
    }

    private static List<Test> table(String ref, String at, PromptfooFiles files, List<Unmapped> unmapped) {
        String name = ref.substring("file://".length());
        String ext = PromptfooPrompts.ext(name);
        List<Test> out = new ArrayList<>();
        if (!ext.equals("csv")) {
            unmapped.add(new Unmapped(
                    at, ref + ": only CSV test tables are imported (write the tests inline, or " + "as CSV)"));
            return out;
        }
        List<ExperimentSpec.InputSpec> rows;
        try {
            rows = TestInputs.csv(files.read(name), name);
        } catch (IOException | SpecException e) {
            unmapped.add(new Unmapped(at, ref + " cannot be read: " + e.getMessage()));
            return out;
        }
        for (int r = 0; r < rows.size(); r++) {
            String where = at + " (" + name + " row " + (r + 2) + ")";
            Map<String, String> vars = new LinkedHashMap<>();
            List<JsonNode> asserts = new ArrayList<>();
            String label = "row " + (r + 1);
            for (Map.Entry<String, String> e : rows.get(r).variables().entrySet()) {
                String k = e.getKey();
                if (k.equals("__description")) {
                    label = e.getValue();
                } else if (k.startsWith("__expected")) {
                    if (!e.getValue().isBlank()) {
                        asserts.add(expected(e.getValue()));
                    }
                } else if (k.startsWith("__")) {
                    unmapped.add(new Unmapped(where + "." + k, "no matching CostBench setting"));
                } else {
                    vars.put(k, e.getValue());
                }
            }
            out.add(new Test(where, label, vars, asserts));
        }
        return out;
    }

    /** A CSV {@code __expected} cell as an assertion: "type: value", "is-json", or a text to equal. */
    static JsonNode expected(String cell) {
        ObjectNode a = PromptfooImport.JSON.createObjectNode();
        String c = cell.strip();
        int colon = c.indexOf(':');
        String head = colon < 0 ? c : c.substring(0, colon).strip();
        if (head.matches("(not-)?(i?contains(-any|-all)?|equals|regex|starts-with|is-json|contains-json|javascript"
                + "|python|llm-rubric|grade|fn|cost|latency)")) {
            String type = head.equals("grade") ? "llm-rubric" : head.equals("fn") ? "javascript" : head;
            a.put("type", type);
            if (colon >= 0) {
                a.put("value", c.substring(colon + 1).strip());
            }
        } else {
            a.put("type", "equals");
            a.put("value", cell);
        }
        return a;
    }
}

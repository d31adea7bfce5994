// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.provider.ProviderId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pieces of promptfoo's output JSON: provider ids, token usage, assertions, prompt text and ids. */
final class PromptfooJson {

    private static final Pattern QUOTED = Pattern.compile("\\\\A\\\\Q(.*)\\\\E(\\\\z)?", Pattern.DOTALL);

    private PromptfooJson() {}

    /** promptfoo's id of the provider that serves {@code model}: "openai:gpt-5", "anthropic:messages:…", … */
    static String providerId(String model, Optional<ModelEntry> entry) {
        ProviderId p = entry.map(RunPlan::providerOf).orElse(ProviderId.COMPATIBLE);
        return switch (p) {
            case OPENAI -> "openai:" + model;
            case ANTHROPIC -> "anthropic:messages:" + model;
            case GEMINI -> "google:" + model;
            default -> "openai:chat:" + model;
        };
    }

    /** promptfoo's TokenUsage of one call (prompt = every input token, cached = read from the cache). */
    static void usage(ObjectNode o, CanonicalUsage u, int requests) {
        long prompt = u == null ? 0 : u.totalInput();
        long completion = u == null ? 0 : u.output() + u.reasoning();
        o.put("total", prompt + completion);
        o.put("prompt", prompt);
        o.put("completion", completion);
        o.put("cached", u == null ? 0 : u.cacheRead());
        o.put("numRequests", requests);
        ObjectNode d = o.putObject("completionDetails");
        d.put("reasoning", u == null ? 0 : u.reasoning());
        d.put("acceptedPrediction", 0);
        d.put("rejectedPrediction", 0);
    }

    /** Adds {@code b} into the running usage {@code sum} (both promptfoo TokenUsage objects). */
    static void add(ObjectNode sum, ObjectNode b) {
        for (String k : List.of("total", "prompt", "completion", "cached", "numRequests")) {
            sum.put(k, sum.path(k).asLong() + b.path(k).asLong());
        }
        ObjectNode d = sum.has("completionDetails")
                ? (ObjectNode) sum.get("completionDetails")
                : sum.putObject("completionDetails");
        for (String k : List.of("reasoning", "acceptedPrediction", "rejectedPrediction")) {
            d.put(k, d.path(k).asLong() + b.path("completionDetails").path(k).asLong());
        }
    }

    /** A check as the promptfoo assertion that checks the same. */
    static void assertion(ObjectNode a, Check c) {
        String ci = c.ignoreCase() ? "i" : "";
        switch (c.kind()) {
            case CONTAINS -> text(a, ci + "contains", c.argument());
            case NOT_CONTAINS -> text(a, "not-" + ci + "contains", c.argument());
            case REGEX -> {
                Matcher m = QUOTED.matcher(c.argument());
                if (!c.ignoreCase() && m.matches() && !m.group(1).contains("\\E")) {
                    text(a, m.group(2) != null ? "equals" : "starts-with", m.group(1));
                } else {
                    text(a, "regex", c.ignoreCase() ? "(?i)" + c.argument() : c.argument());
                }
            }
            case VALID_JSON -> a.put("type", "is-json");
            case MAX_CHARS -> text(a, "javascript", "Array.from(output).length <= " + c.limit());
            case MAX_TOKENS -> text(a, "javascript", "true /* CostBench's check: " + c.label() + " */");
        }
    }

    private static void text(ObjectNode a, String type, String value) {
        a.put("type", type);
        a.put("value", value);
    }

    /**
     * A variant as promptfoo prompt text: its user message when that is all it has, else promptfoo's chat format
     * (a JSON array of {role, content}).
     */
    static String promptText(ExperimentSpec.VariantSpec v, ArrayNode chat) {
        if (v.system() == null && v.messages().size() == 1) {
            return v.messages().get(0).content();
        }
        if (v.system() != null) {
            ObjectNode s = chat.addObject();
            s.put("role", "system");
            s.put("content", v.system());
        }
        for (ExperimentSpec.MessageSpec m : v.messages()) {
            ObjectNode o = chat.addObject();
            o.put("role", m.role().name().toLowerCase(Locale.ROOT));
            o.put("content", m.content());
        }
        return chat.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

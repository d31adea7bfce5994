// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.prompt.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * promptfoo's {@code prompts} as variants (the first is the baseline): inline text, chat-format JSON (an array of
 * {@code {role, content}}, inline or in a file), {@code file://} text files (several prompts separated by a line
 * {@code ---}), JSON and YAML chat files, and {@code {raw|id, label}} objects. A system message at the start becomes
 * the variant's system text.
 */
final class PromptfooPrompts {

    private PromptfooPrompts() {}

    static List<ExperimentSpec.VariantSpec> map(JsonNode prompts, PromptfooFiles files, List<Unmapped> unmapped) {
        List<ExperimentSpec.VariantSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
        if (prompts != null && prompts.isObject() && !prompts.has("raw") && !prompts.has("id")) {
            // the older map form: {file://path: label}
            prompts.fields().forEachRemaining(e -> items.add(Map.entry("prompts." + e.getKey(), e.getValue())));
        } else {
            List<JsonNode> list = PromptfooImport.list(prompts);
            for (int i = 0; i < list.size(); i++) {
                items.add(Map.entry("prompts[" + i + "]", list.get(i)));
            }
        }
        for (Map.Entry<String, JsonNode> item : items) {
            String at = item.getKey();
            JsonNode p = item.getValue();
            String label = null;
            String raw;
            if (at.startsWith("prompts.")) {
                raw = at.substring("prompts.".length());
                label = p.isTextual() ? p.asText() : null;
            } else if (p.isTextual()) {
                raw = p.asText();
            } else if (p.isObject()
                    && (p.path("raw").isTextual() || p.path("id").isTextual())) {
                raw = p.path("raw").isTextual()
                        ? p.path("raw").asText()
                        : p.path("id").asText();
                label = p.path("label").isTextual() ? p.path("label").asText() : null;
            } else {
                unmapped.add(new Unmapped(at, "a prompt must be text, a file:// path or {raw, label}"));
                continue;
            }
            List<String> texts = new ArrayList<>();
            boolean fromFile = raw.startsWith("file://");
            if (fromFile) {
                String name = raw.substring("file://".length());
                String ext = ext(name);
                if (name.contains("*")
                        || List.of("js", "cjs", "mjs", "ts", "py").contains(ext)) {
                    unmapped.add(new Unmapped(
                            at,
                            raw + ": prompt functions and globs are not imported (CostBench "
                                    + "runs no code from an imported file); paste the prompt text instead"));
                    continue;
                }
                try {
                    String text = files.read(name);
                    if (ext.equals("yaml") || ext.equals("yml")) {
                        text = PromptfooImport.YAML.readTree(text).toString();
                    }
                    if (ext.equals("json") || ext.equals("yaml") || ext.equals("yml") || ext.equals("jsonl")) {
                        texts.add(text);
                    } else {
                        for (String part : text.split("(?m)^---\\s*$")) {
                            if (!part.isBlank()) {
                                texts.add(part.strip());
                            }
                        }
                    }
                } catch (IOException e) {
                    unmapped.add(new Unmapped(at, raw + " cannot be read: " + e.getMessage()));
                    continue;
                }
            } else {
                texts.add(raw);
            }
            for (int k = 0; k < texts.size(); k++) {
                String where = texts.size() > 1 ? at + " (prompt " + (k + 1) + " of the file)" : at;
                ExperimentSpec.VariantSpec v = variant(texts.get(k), where, unmapped);
                if (v == null) {
                    continue;
                }
                String name = unique(label != null ? label : "prompt " + (out.size() + 1), names);
                out.add(new ExperimentSpec.VariantSpec(
                        name, out.isEmpty(), v.system(), v.messages(), ExperimentSpec.Params.NONE));
            }
        }
        return out;
    }

    /** One prompt: chat JSON when it is an array of {role, content}, else the user message's text. */
    private static ExperimentSpec.VariantSpec variant(String text, String at, List<Unmapped> unmapped) {
        String t = text.strip();
        if (t.startsWith("[")) {
            JsonNode chat;
            try {
                chat = PromptfooImport.JSON.readTree(t);
            } catch (JsonProcessingException e) {
                chat = null; // text that starts with "[": a plain prompt
            }
            if (chat != null && chat.isArray()) {
                return chat(chat, at, unmapped);
            }
        }
        if (t.contains("{%") || t.matches("(?s).*\\{\\{[^}]*\\|[^}]*}}.*")) {
            unmapped.add(new Unmapped(
                    at,
                    "Nunjucks tags or filters ({% … %}, {{ x | f }}) are kept as text: "
                            + "CostBench fills only {{name}} placeholders"));
        }
        return ExperimentSpec.VariantSpec.of("prompt", false, null, text);
    }

    private static ExperimentSpec.VariantSpec chat(JsonNode chat, String at, List<Unmapped> unmapped) {
        String system = null;
        List<ExperimentSpec.MessageSpec> messages = new ArrayList<>();
        for (int i = 0; i < chat.size(); i++) {
            JsonNode m = chat.get(i);
            String role = m.path("role").asText("").toLowerCase(Locale.ROOT);
            JsonNode content = m.get("content");
            if (content == null || !content.isTextual()) {
                unmapped.add(new Unmapped(
                        at + "[" + i + "]",
                        "only text content is imported (images and other "
                                + "parts are not); the message was left out"));
                continue;
            }
            switch (role) {
                case "system", "developer" -> {
                    if (messages.isEmpty() && system == null) {
                        system = content.asText();
                    } else {
                        unmapped.add(new Unmapped(
                                at + "[" + i + "]",
                                "a system message after the first message: "
                                        + "CostBench sends one system text, first"));
                    }
                }
                case "user" -> messages.add(new ExperimentSpec.MessageSpec(Role.USER, content.asText()));
                case "assistant" -> {
                    if (messages.isEmpty()) {
                        unmapped.add(new Unmapped(
                                at + "[" + i + "]",
                                "an assistant message before the first user " + "message was left out"));
                    } else {
                        messages.add(new ExperimentSpec.MessageSpec(Role.ASSISTANT, content.asText()));
                    }
                }
                default ->
                    unmapped.add(new Unmapped(
                            at + "[" + i + "]", "role \"" + role + "\" is not one of " + "system, user, assistant"));
            }
        }
        if (messages.isEmpty()) {
            unmapped.add(new Unmapped(at, "a chat prompt without a user message was left out"));
            return null;
        }
        return new ExperimentSpec.VariantSpec("prompt", false, system, messages, ExperimentSpec.Params.NONE);
    }

    private static String unique(String name, Set<String> names) {
        String n = name.strip().isEmpty() ? "prompt" : name.strip();
        String candidate = n;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = n + " (" + i + ")";
        }
        return candidate;
    }

    static String ext(String name) {
        String file = Path.of(name).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

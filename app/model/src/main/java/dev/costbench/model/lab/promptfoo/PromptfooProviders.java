// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.provider.ProviderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * promptfoo's {@code providers} as the experiment's models: {@code openai:MODEL}, {@code openai:chat:MODEL},
 * {@code openai:responses:MODEL}, {@code anthropic:messages:MODEL}, {@code google:MODEL}, {@code vertex:MODEL} and
 * {@code ollama:[chat:]MODEL} (an OpenAI-compatible server), as a string or as {@code {id, label, config}}. The
 * first provider's {@code config.temperature} and {@code config.max_tokens} become the experiment's parameters.
 */
final class PromptfooProviders {

    /** The models, the parameters, and whether an OpenAI provider asked for the Chat Completions API. */
    record Mapped(List<ExperimentSpec.ModelSpec> models, ExperimentSpec.Params params, boolean openAiChat) {}

    private PromptfooProviders() {}

    static Mapped map(JsonNode providers, List<Unmapped> unmapped, List<String> notes) {
        List<ExperimentSpec.ModelSpec> models = new ArrayList<>();
        ExperimentSpec.Params params = null;
        boolean chat = false;
        List<JsonNode> items = PromptfooImport.list(providers);
        for (int i = 0; i < items.size(); i++) {
            String at = "providers[" + i + "]";
            JsonNode p = items.get(i);
            String id;
            JsonNode config = null;
            if (p.isTextual()) {
                id = p.asText();
            } else if (p.isObject() && p.hasNonNull("id") && p.get("id").isTextual()) {
                id = p.get("id").asText();
                config = p.get("config");
            } else if (p.isObject()
                    && p.size() == 1
                    && p.fields().next().getValue().isObject()) {
                id = p.fieldNames().next();
                config = p.fields().next().getValue().get("config");
            } else {
                unmapped.add(new Unmapped(at, "a provider must be an id such as openai:gpt-5 or {id, config}"));
                continue;
            }
            ExperimentSpec.ModelSpec m = model(id.strip(), at, unmapped, notes);
            if (m == null) {
                continue;
            }
            if (models.stream().anyMatch(x -> x.id().equals(m.id()))) {
                unmapped.add(new Unmapped(at, "\"" + id + "\" is listed twice; CostBench runs each model once"));
                continue;
            }
            models.add(m);
            chat |= id.startsWith("openai:chat:");
            ExperimentSpec.Params c = params(config);
            if (params == null) {
                params = c;
            } else if (!c.isEmpty() && !c.equals(params)) {
                unmapped.add(new Unmapped(
                        at + ".config",
                        "temperature and max_tokens apply to every model in "
                                + "CostBench; the first provider's are used"));
            }
            if (config != null && config.isObject()) {
                config.fieldNames().forEachRemaining(k -> {
                    if (!isParam(k)) {
                        unmapped.add(new Unmapped(at + ".config." + k, "no matching CostBench setting"));
                    }
                });
            }
        }
        return new Mapped(models, params == null ? ExperimentSpec.Params.NONE : params, chat);
    }

    /** The model of one provider id, or null (reported) when CostBench cannot call it. */
    static ExperimentSpec.ModelSpec model(String id, String at, List<Unmapped> unmapped, List<String> notes) {
        String[] parts = id.split(":", -1);
        String family = parts[0].toLowerCase(Locale.ROOT);
        String model = parts[parts.length - 1].strip();
        if (parts.length < 2 || model.isEmpty()) {
            unmapped.add(new Unmapped(at, "\"" + id + "\" names no model (expected e.g. openai:gpt-5)"));
            return null;
        }
        String kind = parts.length > 2 ? parts[1] : "";
        switch (family) {
            case "openai":
                if (!kind.isEmpty() && !kind.equals("chat") && !kind.equals("responses")) {
                    unmapped.add(new Unmapped(
                            at,
                            "\"" + id + "\": CostBench calls OpenAI models through the Chat "
                                    + "Completions or Responses API only"));
                    return null;
                }
                return new ExperimentSpec.ModelSpec(model, ProviderId.OPENAI, null);
            case "anthropic":
                if (!kind.isEmpty() && !kind.equals("messages")) {
                    unmapped.add(new Unmapped(
                            at, "\"" + id + "\": CostBench calls Claude through the Messages " + "API only"));
                    return null;
                }
                return new ExperimentSpec.ModelSpec(model, ProviderId.ANTHROPIC, null);
            case "google":
            case "vertex":
                if (family.equals("vertex")) {
                    notes.add(at + ": \"" + id + "\" is called through the Gemini API (a Gemini API key), not "
                            + "Vertex AI");
                }
                return new ExperimentSpec.ModelSpec(model, ProviderId.GEMINI, null);
            case "ollama":
                notes.add(at + ": \"" + id + "\" runs on an OpenAI-compatible server: pass its address to ab run, "
                        + "e.g. --base-url http://localhost:11434/v1");
                return new ExperimentSpec.ModelSpec(model, ProviderId.COMPATIBLE, null);
            default:
                unmapped.add(new Unmapped(
                        at,
                        "\"" + id + "\": CostBench calls OpenAI, Anthropic, Google Gemini "
                                + "and OpenAI-compatible servers (such as Ollama); add this model by hand if one of "
                                + "them serves it"));
                return null;
        }
    }

    private static boolean isParam(String key) {
        return key.equals("temperature")
                || key.equals("max_tokens")
                || key.equals("max_output_tokens")
                || key.equals("maxOutputTokens")
                || key.equals("max_completion_tokens")
                || key.equals("generationConfig");
    }

    /** temperature and the output cap of a provider's config (also under Gemini's generationConfig). */
    static ExperimentSpec.Params params(JsonNode config) {
        if (config == null || !config.isObject()) {
            return ExperimentSpec.Params.NONE;
        }
        JsonNode gen = config.path("generationConfig");
        Double t = number(config, gen, "temperature") == null
                ? null
                : number(config, gen, "temperature").doubleValue();
        Number max = number(config, gen, "max_tokens", "max_output_tokens", "maxOutputTokens", "max_completion_tokens");
        return new ExperimentSpec.Params(t, max == null ? null : max.intValue(), null, null, null);
    }

    private static Number number(JsonNode config, JsonNode gen, String... keys) {
        for (String k : keys) {
            for (JsonNode n : List.of(config, gen)) {
                if (n.path(k).isNumber()) {
                    return n.path(k).numberValue();
                }
            }
        }
        return null;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.VerdictThresholds;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.validation.JsonReading;
import java.util.Base64;
import java.util.Locale;

/** Writes an {@link ExperimentSpec} as the JSON {@link SpecJson} reads (see {@link SpecJson#write}). */
final class SpecJsonWriter {

    private static final ObjectMapper JSON = JsonReading.mapper();

    private SpecJsonWriter() {}

    /** The spec as pretty-printed JSON, self-contained; {@link SpecJson#parse} reads it back equal. */
    static String write(ExperimentSpec s) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The spec as a JSON tree (see {@link #write}). */
    static ObjectNode toJson(ExperimentSpec s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", SpecJsonV2.FORMAT);
        o.put("name", s.name());
        if (s.description() != null) {
            o.put("description", s.description());
        }
        ArrayNode models = o.putArray("models");
        for (ExperimentSpec.ModelSpec m : s.models()) {
            if (m.provider() == null && m.apiModel() == null) {
                models.add(m.id());
            } else {
                ObjectNode mo = models.addObject().put("id", m.id());
                if (m.provider() != null) {
                    mo.put("provider", m.provider().name().toLowerCase(Locale.ROOT));
                }
                if (m.apiModel() != null) {
                    mo.put("apiModel", m.apiModel());
                }
            }
        }
        o.put("repetitions", s.repetitions());
        if (s.budgetUsd() != null) {
            o.put("budgetUsd", Money.exact(s.budgetUsd()));
        }
        o.put("responseCache", s.responseCache());
        o.put("stream", s.stream());
        o.put("openAiApi", s.openAiApi() == ChatRequest.OpenAiApi.CHAT_COMPLETIONS ? "chat" : "responses");
        if (!s.parameters().isEmpty()) {
            o.set("parameters", paramsJson(s.parameters()));
        }
        ArrayNode vs = o.putArray("variants");
        for (ExperimentSpec.VariantSpec v : s.variants()) {
            vs.add(variantJson(v, true));
        }
        QualitySettings q = s.quality();
        if (!q.checks().isEmpty() || !q.thresholds().equals(VerdictThresholds.defaults()) || q.judge() != null) {
            q.fill(o);
        }
        ArrayNode is = o.putArray("inputs");
        for (ExperimentSpec.InputSpec i : s.inputs()) {
            ObjectNode io = is.addObject();
            io.put("label", i.label());
            ObjectNode vars = io.putObject("variables");
            i.variables().forEach(vars::put);
            if (!i.turns().isEmpty()) {
                ArrayNode turns = io.putArray("turns");
                i.turns().forEach(turns::add);
            }
        }
        return o;
    }

    /**
     * A variant as {@code {name, baseline, system, messages: [{role, content}], parameters, media}}, its media as
     * references by hash (the store keeps the bytes).
     */
    static ObjectNode variantJson(ExperimentSpec.VariantSpec v) {
        return variantJson(v, false);
    }

    static ObjectNode variantJson(ExperimentSpec.VariantSpec v, boolean inlineMedia) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", v.name());
        o.put("baseline", v.baseline());
        if (v.system() != null) {
            o.put("system", v.system());
        }
        ArrayNode ms = o.putArray("messages");
        for (ExperimentSpec.MessageSpec m : v.messages()) {
            ms.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        if (!v.parameters().isEmpty()) {
            o.set("parameters", paramsJson(v.parameters()));
        }
        if (!v.tools().isEmpty()) {
            ArrayNode tools = o.putArray("tools");
            v.tools().forEach(t -> tools.add(t.toJson()));
        }
        if (!v.media().isEmpty()) {
            ArrayNode md = o.putArray("media");
            for (ExperimentSpec.MediaSpec m : v.media()) {
                ObjectNode mo = md.addObject()
                        .put("name", m.name())
                        .put("mimeType", m.mimeType())
                        .put("sha256", m.sha256())
                        .put("bytes", m.bytes());
                if (m.image()) {
                    mo.put("width", m.width()).put("height", m.height());
                } else {
                    mo.put("seconds", m.seconds());
                }
                if (inlineMedia && m.loaded()) {
                    mo.put("base64", Base64.getEncoder().encodeToString(m.data()));
                }
            }
        }
        return o;
    }

    static ObjectNode paramsJson(ExperimentSpec.Params p) {
        ObjectNode o = JSON.createObjectNode();
        if (p.temperature() != null) {
            o.put("temperature", p.temperature());
        }
        if (p.maxOutputTokens() != null) {
            o.put("maxOutputTokens", p.maxOutputTokens());
        }
        if (p.reasoningBudget() != null) {
            o.put("reasoningBudget", p.reasoningBudget());
        }
        if (p.reasoningEffort() != null) {
            o.put("reasoningEffort", p.reasoningEffort());
        }
        if (p.expectedOutputTokens() != null) {
            o.put("expectedOutputTokens", p.expectedOutputTokens());
        }
        if (p.serviceTier() != null) {
            o.put("serviceTier", p.serviceTier().id());
        }
        if (p.effort() != null) {
            o.put("effort", p.effort().code());
        }
        return o;
    }
}

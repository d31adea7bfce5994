// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.validation.JsonReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment as JSON (everything: settings, variants, inputs, trials) or CSV (one row per trial). The store
 * holds no API keys, so neither does an export. Money is a decimal string in JSON and a plain decimal in CSV.
 *
 * <p>JSON: {@code {format: 1, experiment: {id, name, created, status, budgetUsd, repetitions, settings: {...},
 * models}, variants: [{id, name, baseline, prompt: {...}, media: [sha256, ...]}], inputs: [{id, label, variables}],
 * trials: [...], spentUsd}}.
 *
 * <p>Media (a variant's images or audio) are exported by SHA-256 only, not their bytes: {@code media} lists the
 * hashes in the order the requests carried them, and the prompt snapshot names each with its file name, type, size
 * and pixel size ({@link SpecJson#variantJson}). {@link ExperimentImport} keeps the hashes the importing store holds;
 * a variant whose file it lacks still shows and re-prices, and running it again asks for the file.
 */
public final class ExperimentExport {

    private static final ObjectMapper JSON = JsonReading.mapper();

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of(
            "trial_id",
            "variant",
            "baseline",
            "input",
            "model",
            "repetition",
            "succeeded",
            "from_cache",
            "cost_usd",
            "estimated_cost_usd",
            "uncached_input_tokens",
            "cache_read_tokens",
            "cache_write_5m_tokens",
            "cache_write_1h_tokens",
            "output_tokens",
            "reasoning_tokens",
            "latency_ms",
            "ttft_ms",
            "finish_reason",
            "started",
            "finished",
            "request_hash",
            "error",
            "output");

    private ExperimentExport() {}

    /** The experiment as pretty-printed JSON. */
    public static String json(LabStore store, long experimentId) {
        Experiment e = store.loadExperiment(experimentId);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ObjectNode x = root.putObject("experiment");
        x.put("id", e.id());
        x.put("name", e.name());
        x.put("created", e.created().toString());
        x.put("status", e.status().name());
        x.put("budgetUsd", Money.exact(e.budgetCapUsd()));
        x.put("repetitions", e.repetitions());
        ExperimentSettings s = e.settings();
        ObjectNode so = x.putObject("settings");
        so.put("temperature", s.temperature());
        so.put("maxOutputTokens", s.maxOutputTokens());
        so.put("reasoningBudget", s.reasoningBudget());
        so.put("reasoningEffort", s.reasoningEffort());
        so.put("responseCache", s.reuseStoredAnswers());
        so.set("extra", parse(s.extraJson()));
        ArrayNode models = x.putArray("models");
        e.models().forEach(models::add);

        List<Variant> variants = store.variants(experimentId);
        ArrayNode vs = root.putArray("variants");
        for (Variant v : variants) {
            ObjectNode vo = vs.addObject();
            vo.put("id", v.id());
            vo.put("name", v.name());
            vo.put("baseline", v.baseline());
            vo.set("prompt", parse(v.promptJson()));
            ArrayNode media = vo.putArray("media");
            v.mediaHashes().forEach(media::add);
        }
        ArrayNode is = root.putArray("inputs");
        for (TestInput in : store.inputs(experimentId)) {
            ObjectNode io = is.addObject();
            io.put("id", in.id());
            io.put("label", in.label());
            ObjectNode vars = io.putObject("variables");
            in.variables().forEach(vars::put);
        }
        ArrayNode ts = root.putArray("trials");
        for (Trial t : store.trials(experimentId)) {
            ObjectNode to = ts.addObject();
            to.put("id", t.id());
            to.put("variantId", t.cell().variantId());
            to.put("inputId", t.cell().inputId());
            to.put("model", t.cell().modelId());
            to.put("repetition", t.cell().repetition());
            to.put("succeeded", t.succeeded());
            to.put("fromCache", t.fromCache());
            to.put("requestHash", t.requestHash());
            if (t.usage() == null) {
                to.putNull("usage");
            } else {
                ObjectNode u = to.putObject("usage");
                u.put("uncachedInput", t.usage().uncachedInput());
                u.put("cacheRead", t.usage().cacheRead());
                u.put("cacheWrite5m", t.usage().cacheWrite5m());
                u.put("cacheWrite1h", t.usage().cacheWrite1h());
                u.put("output", t.usage().output());
                u.put("reasoning", t.usage().reasoning());
            }
            to.put("costUsd", Money.exact(t.costUsd()));
            to.put("costComplete", t.costComplete());
            to.set("prices", t.pricesJson() == null ? null : parse(t.pricesJson()));
            to.put("estimatedCostUsd", Money.exact(t.estimatedCostUsd()));
            to.put("latencyMs", t.latencyMs());
            to.put("ttftMs", t.ttftMs());
            to.put("finishReason", t.finishReason());
            if (t.requestedTier() != null) {
                to.put("requestedTier", t.requestedTier().id());
            }
            if (t.servedTier() != null) {
                to.put("servedTier", t.servedTier());
            }
            to.put("output", t.outputText());
            to.put("error", t.errorText());
            to.put("started", t.started().toString());
            to.put("finished", t.finished().toString());
        }
        root.put("spentUsd", Money.exact(store.spentOnExperiment(experimentId)));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a JSON tree always serializes", ex);
        }
    }

    /** One row per trial ({@link #CSV_COLUMNS}), RFC 4180 quoting, CRLF line ends. */
    public static String csv(LabStore store, long experimentId) {
        Map<Long, Variant> variants = new HashMap<>();
        store.variants(experimentId).forEach(v -> variants.put(v.id(), v));
        Map<Long, TestInput> inputs = new HashMap<>();
        store.inputs(experimentId).forEach(i -> inputs.put(i.id(), i));
        StringBuilder b = new StringBuilder();
        line(b, CSV_COLUMNS);
        for (Trial t : store.trials(experimentId)) {
            Variant v = variants.get(t.cell().variantId());
            TestInput in = inputs.get(t.cell().inputId());
            List<String> row = new ArrayList<>();
            row.add(Long.toString(t.id()));
            row.add(v == null ? "" : v.name());
            row.add(v != null && v.baseline() ? "true" : "false");
            row.add(in == null ? "" : in.label().isEmpty() ? Integer.toString(in.position() + 1) : in.label());
            row.add(t.cell().modelId());
            row.add(Integer.toString(t.cell().repetition()));
            row.add(Boolean.toString(t.succeeded()));
            row.add(Boolean.toString(t.fromCache()));
            row.add(str(Money.exact(t.costUsd())));
            row.add(str(Money.exact(t.estimatedCostUsd())));
            row.add(t.usage() == null ? "" : Long.toString(t.usage().uncachedInput()));
            row.add(t.usage() == null ? "" : Long.toString(t.usage().cacheRead()));
            row.add(t.usage() == null ? "" : Long.toString(t.usage().cacheWrite5m()));
            row.add(t.usage() == null ? "" : Long.toString(t.usage().cacheWrite1h()));
            row.add(t.usage() == null ? "" : Long.toString(t.usage().output()));
            row.add(t.usage() == null ? "" : Long.toString(t.usage().reasoning()));
            row.add(t.latencyMs() == null ? "" : t.latencyMs().toString());
            row.add(t.ttftMs() == null ? "" : t.ttftMs().toString());
            row.add(str(t.finishReason()));
            row.add(t.started().toString());
            row.add(t.finished().toString());
            row.add(str(t.requestHash()));
            row.add(str(t.errorText()));
            row.add(str(t.outputText()));
            line(b, row);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append("\r\n");
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}

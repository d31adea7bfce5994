// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.SpecJson;
import dev.costbench.model.lab.run.Template;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.QualitySettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An experiment's results in the shape of promptfoo's {@code promptfoo eval -o results.json} (its {@code OutputFile}
 * with an {@code EvaluateSummaryV3}): {@code evalId}, {@code results: {version: 3, timestamp, prompts, results,
 * stats}}, {@code config}, {@code shareableUrl}, {@code metadata}. Every variant × model is a promptfoo prompt with
 * its metrics, every input a test, every trial a result; the experiment's checks are each result's assertions
 * ({@code gradingResult.componentResults}), and a judge score is one more component, scaled to 0–1 and passing at
 * half the scale or more. Costs are the billed costs, exact.
 */
public final class PromptfooExport {

    private PromptfooExport() {}

    /** The results file's text, pretty-printed. */
    public static String json(
            LabStore store, long experimentId, Function<String, Optional<ModelEntry>> catalog, Instant exportedAt) {
        Experiment e = store.loadExperiment(experimentId);
        QualitySettings quality = QualitySettings.read(e.settings().extraJson());
        List<Variant> variants = store.variants(experimentId);
        List<TestInput> inputs = store.inputs(experimentId);
        Map<Long, JudgeScore> judged = new HashMap<>();
        store.judgeScores(experimentId).forEach(j -> judged.put(j.trialId(), j));
        int scale = quality.judge() == null
                ? JudgeSpec.of("x", "x").scale()
                : quality.judge().scale();

        ObjectNode root = PromptfooImport.JSON.createObjectNode();
        root.put("evalId", "eval-costbench-" + e.id() + "-" + e.created());
        ObjectNode summary = root.putObject("results");
        summary.put("version", 3);
        summary.put("timestamp", e.created().toString());
        ArrayNode prompts = summary.putArray("prompts");
        ArrayNode results = summary.putArray("results");

        Map<String, Integer> promptIdx = new LinkedHashMap<>();
        List<String> templates = new ArrayList<>();
        for (Variant v : variants) {
            String template = template(v);
            templates.add(template);
            for (String model : e.models()) {
                promptIdx.put(v.id() + "\n" + model, prompts.size());
                ObjectNode p = prompts.addObject();
                p.put("raw", template);
                p.put("label", v.name());
                p.put("id", PromptfooJson.sha256(template));
                p.put("provider", PromptfooJson.providerId(model, catalog.apply(model)));
                metrics(p.putObject("metrics"));
            }
        }
        Map<Long, Integer> testIdx = new HashMap<>();
        for (TestInput in : inputs) {
            testIdx.put(in.id(), testIdx.size());
        }
        ObjectNode stats = PromptfooImport.JSON.createObjectNode();
        stats.put("successes", 0);
        stats.put("failures", 0);
        stats.put("errors", 0);
        ObjectNode total = stats.putObject("tokenUsage");
        PromptfooJson.usage(total, null, 0);
        Map<Long, Variant> byId = new HashMap<>();
        variants.forEach(v -> byId.put(v.id(), v));
        Map<Long, TestInput> inputById = new HashMap<>();
        inputs.forEach(i -> inputById.put(i.id(), i));

        for (Trial t : store.trials(experimentId)) {
            Variant v = byId.get(t.cell().variantId());
            TestInput in = inputById.get(t.cell().inputId());
            Integer pi = promptIdx.get(t.cell().variantId() + "\n" + t.cell().modelId());
            if (v == null || in == null || pi == null) {
                continue;
            }
            ObjectNode r = results.addObject();
            result(r, t, v, in, quality.checks(), judged.get(t.id()), scale);
            r.put("promptIdx", pi);
            r.put("testIdx", testIdx.get(in.id()));
            r.putObject("provider")
                    .put(
                            "id",
                            PromptfooJson.providerId(
                                    t.cell().modelId(), catalog.apply(t.cell().modelId())))
                    .put("label", "");
            count((ObjectNode) prompts.get(pi).get("metrics"), r, stats);
        }
        summary.set("stats", stats);
        ObjectNode config = root.putObject("config");
        config.put("description", e.name());
        ArrayNode cp = config.putArray("prompts");
        templates.forEach(cp::add);
        ArrayNode cv = config.putArray("providers");
        e.models().forEach(m -> cv.add(PromptfooJson.providerId(m, catalog.apply(m))));
        ArrayNode tests = config.putArray("tests");
        for (TestInput in : inputs) {
            ObjectNode to = tests.addObject();
            to.put("description", in.label());
            ObjectNode vars = to.putObject("vars");
            in.variables().forEach(vars::put);
        }
        ObjectNode dt = config.putObject("defaultTest");
        ArrayNode da = dt.putArray("assert");
        quality.checks().forEach(c -> PromptfooJson.assertion(da.addObject(), c));
        if (quality.judge() != null) {
            da.addObject()
                    .put("type", "llm-rubric")
                    .put("value", quality.judge().rubric());
        }
        config.putObject("evaluateOptions").put("repeat", e.repetitions());
        root.putNull("shareableUrl");
        ObjectNode meta = root.putObject("metadata");
        meta.put("exportedAt", exportedAt.toString());
        meta.put("evaluationCreatedAt", e.created().toString());
        meta.put("exportedBy", "CostBench (experiment " + e.id() + ")");
        try {
            return PromptfooImport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a JSON tree always serializes", ex);
        }
    }

    /** A variant's prompt as promptfoo prompt text; a stored prompt CostBench cannot read is given as stored. */
    private static String template(Variant v) {
        try {
            ExperimentSpec.VariantSpec spec = SpecJson.variantFromJson(v.promptJson());
            return PromptfooJson.promptText(spec, PromptfooImport.JSON.createArrayNode());
        } catch (RuntimeException e) {
            return v.promptJson();
        }
    }

    private static void metrics(ObjectNode m) {
        m.put("score", 0.0);
        for (String k : List.of(
                "testPassCount",
                "testFailCount",
                "testErrorCount",
                "assertPassCount",
                "assertFailCount",
                "totalLatencyMs")) {
            m.put(k, 0);
        }
        PromptfooJson.usage(m.putObject("tokenUsage"), null, 0);
        m.putObject("namedScores");
        m.putObject("namedScoresCount");
        m.put("cost", BigDecimal.ZERO);
    }

    private static void result(
            ObjectNode r, Trial t, Variant v, TestInput in, List<Check> checks, JudgeScore judge, int scale) {
        BigDecimal cost = t.costUsd() == null ? BigDecimal.ZERO : t.costUsd();
        r.put("cost", cost);
        r.put("id", "costbench-trial-" + t.id());
        r.put("latencyMs", t.latencyMs() == null ? 0 : t.latencyMs());
        r.putObject("namedScores");
        String template = template(v);
        String rendered;
        try {
            rendered = Template.fill(template, in.variables(), "prompt");
        } catch (SpecException x) {
            rendered = template;
        }
        r.putObject("prompt").put("raw", rendered).put("label", v.name());
        r.put("promptId", PromptfooJson.sha256(template));
        ObjectNode vars = PromptfooImport.JSON.createObjectNode();
        in.variables().forEach(vars::put);
        ObjectNode testCase = r.putObject("testCase");
        testCase.set("vars", vars.deepCopy());
        ArrayNode asserts = testCase.putArray("assert");
        testCase.putObject("options");
        testCase.putObject("metadata");
        r.set("vars", vars);
        r.putObject("metadata");
        if (!t.succeeded()) {
            r.put("error", t.errorText());
            r.putNull("gradingResult");
            r.put("score", 0.0);
            r.put("success", false);
            r.put("failureReason", 2);
            checks.forEach(c -> PromptfooJson.assertion(asserts.addObject(), c));
            return;
        }
        ObjectNode response = r.putObject("response");
        response.put("output", t.outputText());
        PromptfooJson.usage(response.putObject("tokenUsage"), t.usage(), 1);
        response.put("cached", t.fromCache());
        response.put("finishReason", t.finishReason());
        response.put("cost", cost);
        ArrayNode parts = PromptfooImport.JSON.createArrayNode();
        Long outputTokens = t.usage() == null ? null : t.usage().output();
        double sum = 0;
        boolean pass = true;
        String failed = null;
        for (Check c : checks) {
            Check.Result res = c.evaluate(t.outputText(), outputTokens);
            ObjectNode part = parts.addObject();
            part.put("pass", res.passed());
            part.put("score", res.passed() ? 1 : 0);
            part.put("reason", res.passed() ? "Assertion passed" : c.label() + ": " + res.detail());
            PromptfooJson.assertion(part.putObject("assertion"), c);
            asserts.add(part.get("assertion").deepCopy());
            sum += res.passed() ? 1 : 0;
            if (!res.passed() && pass) {
                failed = part.get("reason").asText();
            }
            pass &= res.passed();
        }
        if (judge != null) {
            double s = Math.max(0, Math.min(1, (judge.score() - 1) / (scale - 1)));
            ObjectNode part = parts.addObject();
            part.put("pass", s >= 0.5);
            part.put("score", s);
            part.put("reason", judge.rationale() == null ? "" : judge.rationale());
            part.putObject("assertion").put("type", "llm-rubric").put("value", judge.rubric());
            asserts.add(part.get("assertion").deepCopy());
            sum += s;
            if (s < 0.5 && pass) {
                failed = "Judge (" + judge.judgeModel() + "): "
                        + part.get("reason").asText();
            }
            pass &= s >= 0.5;
        }
        double score = parts.isEmpty() ? 1.0 : sum / parts.size();
        if (parts.isEmpty()) {
            r.putNull("gradingResult");
        } else {
            ObjectNode g = r.putObject("gradingResult");
            g.put("pass", pass);
            g.put("score", score);
            g.put("reason", pass ? "All assertions passed" : failed);
            g.putObject("namedScores");
            g.set("componentResults", parts);
            g.putNull("assertion");
        }
        if (pass) {
            r.putNull("error");
        } else {
            r.put("error", failed);
        }
        r.put("score", score);
        r.put("success", pass);
        r.put("failureReason", pass ? 0 : 1);
    }

    /** Adds one result to its prompt's metrics and to the stats. */
    private static void count(ObjectNode m, ObjectNode r, ObjectNode stats) {
        int fr = r.path("failureReason").asInt();
        String outcome = fr == 0 ? "successes" : fr == 1 ? "failures" : "errors";
        stats.put(outcome, stats.path(outcome).asInt() + 1);
        String test = fr == 0 ? "testPassCount" : fr == 1 ? "testFailCount" : "testErrorCount";
        m.put(test, m.path(test).asInt() + 1);
        for (var part : r.path("gradingResult").path("componentResults")) {
            String k = part.path("pass").asBoolean() ? "assertPassCount" : "assertFailCount";
            m.put(k, m.path(k).asInt() + 1);
        }
        m.put("score", m.path("score").asDouble() + r.path("score").asDouble());
        m.put(
                "totalLatencyMs",
                m.path("totalLatencyMs").asLong() + r.path("latencyMs").asLong());
        m.put("cost", m.path("cost").decimalValue().add(r.path("cost").decimalValue()));
        if (r.has("response")) {
            ObjectNode u = (ObjectNode) r.path("response").path("tokenUsage");
            PromptfooJson.add((ObjectNode) m.get("tokenUsage"), u);
            PromptfooJson.add((ObjectNode) stats.get("tokenUsage"), u);
        }
    }
}

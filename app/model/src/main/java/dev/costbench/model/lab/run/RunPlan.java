// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.media.MediaRules;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.SendOptions;
import dev.costbench.model.provider.SendTraits;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.validation.JsonReading;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * An experiment ready to run: its spec with an id for each variant and input, either positions (an experiment not
 * stored yet, for the estimate before launch) or the store's ids. Builds the request of each cell.
 *
 * <p>What the store does not hold in its own columns — which API serves each model, the name it is sent under,
 * streaming, the OpenAI endpoint, the estimate's expected answer length, the description — goes in the
 * experiment's settings JSON under {@code "run"}; each variant's system text, messages and parameters are its prompt
 * snapshot ({@link SpecJson#variantJson}). So a stored experiment alone is enough to resume it.
 */
public final class RunPlan {

    private static final ObjectMapper JSON = JsonReading.mapper();

    /** A variant with its id (store id, or position when not stored). */
    public record PlannedVariant(long id, ExperimentSpec.VariantSpec spec) {
        public String name() {
            return spec.name();
        }

        public boolean baseline() {
            return spec.baseline();
        }
    }

    /**
     * A test input with its id (store id, or position when not stored).
     *
     * @param turns the user's further turns of its conversation script (empty: a single request)
     */
    public record PlannedInput(long id, int position, String label, Map<String, String> variables, List<String> turns) {

        public PlannedInput {
            turns = turns == null ? List.of() : List.copyOf(turns);
        }

        /** "input "T-1"" or "input 3" for messages. */
        public String describe() {
            return label.isEmpty() ? "input " + (position + 1) : "input \"" + label + "\"";
        }
    }

    private final long experimentId;
    private final ExperimentSpec spec;
    private final List<PlannedVariant> variants;
    private final List<PlannedInput> inputs;
    private final Map<Long, PlannedVariant> variantById = new LinkedHashMap<>();
    private final Map<Long, PlannedInput> inputById = new LinkedHashMap<>();
    private final Map<String, ExperimentSpec.ModelSpec> modelById = new LinkedHashMap<>();

    private RunPlan(long experimentId, ExperimentSpec spec, List<PlannedVariant> variants, List<PlannedInput> inputs) {
        this.experimentId = experimentId;
        this.spec = spec;
        this.variants = List.copyOf(variants);
        this.inputs = List.copyOf(inputs);
        variants.forEach(v -> variantById.put(v.id(), v));
        inputs.forEach(i -> inputById.put(i.id(), i));
        spec.models().forEach(m -> modelById.put(m.id(), m));
    }

    /** A plan for a spec not stored yet: variant and input ids are their positions, the experiment id 0. */
    public static RunPlan of(ExperimentSpec spec) {
        List<PlannedVariant> vs = new ArrayList<>();
        for (int i = 0; i < spec.variants().size(); i++) {
            vs.add(new PlannedVariant(i, spec.variants().get(i)));
        }
        List<PlannedInput> is = new ArrayList<>();
        for (int i = 0; i < spec.inputs().size(); i++) {
            ExperimentSpec.InputSpec in = spec.inputs().get(i);
            is.add(new PlannedInput(i, i, in.label(), in.variables(), in.turns()));
        }
        return new RunPlan(0, spec, vs, is);
    }

    /**
     * Stores {@code spec} as a new experiment (status DRAFT) with its variants and inputs. Every template is filled
     * first ({@link Planner#validate}), so a missing placeholder value is reported before anything is stored.
     */
    public static RunPlan create(LabStore store, ExperimentSpec spec) {
        Planner.validate(of(spec));
        ExperimentSpec.Params p = spec.parameters();
        ExperimentSettings settings = new ExperimentSettings(
                p.temperature(),
                p.maxOutputTokensOrDefault(),
                p.reasoningBudget(),
                p.reasoningEffort(),
                spec.responseCache(),
                runJson(spec));
        List<String> modelIds =
                spec.models().stream().map(ExperimentSpec.ModelSpec::id).toList();
        Experiment e = store.createExperiment(
                new NewExperiment(spec.name(), spec.budgetUsd(), spec.repetitions(), settings, modelIds));
        List<PlannedVariant> vs = new ArrayList<>();
        for (ExperimentSpec.VariantSpec v : spec.variants()) {
            List<String> hashes = new ArrayList<>();
            for (ExperimentSpec.MediaSpec m : v.media()) {
                if (!m.loaded()) {
                    throw new SpecException("variant \"" + v.name() + "\": the bytes of " + m.name()
                            + " are not at hand; attach the file again");
                }
                hashes.add(store.putMedia(m.data(), m.mimeType()));
            }
            Variant stored = store.addVariant(
                    e.id(),
                    new NewVariant(
                            v.name(), v.baseline(), SpecJson.variantJson(v).toString(), hashes));
            vs.add(new PlannedVariant(stored.id(), v));
        }
        List<PlannedInput> is = new ArrayList<>();
        for (ExperimentSpec.InputSpec in : spec.inputs()) {
            TestInput stored = store.addInput(e.id(), truncate(in.label(), 1000), in.variables());
            is.add(new PlannedInput(stored.id(), stored.position(), stored.label(), stored.variables(), in.turns()));
        }
        return new RunPlan(e.id(), spec, vs, is);
    }

    /** The plan of a stored experiment (to resume it, estimate what is left, or summarize it). */
    public static RunPlan load(LabStore store, long experimentId) {
        Experiment e = store.loadExperiment(experimentId);
        JsonNode run;
        try {
            run = JSON.readTree(e.settings().extraJson()).path("run");
        } catch (JsonProcessingException ex) {
            throw new SpecException("experiment " + experimentId + ": its settings are not valid JSON");
        }
        List<ExperimentSpec.ModelSpec> models = new ArrayList<>();
        Map<String, ExperimentSpec.ModelSpec> described = new LinkedHashMap<>();
        for (JsonNode m : run.path("models")) {
            ExperimentSpec.ModelSpec ms = SpecJson.modelFromJson(m, "run.models");
            described.put(ms.id(), ms);
        }
        for (String id : e.models()) {
            models.add(described.getOrDefault(id, ExperimentSpec.ModelSpec.of(id)));
        }
        List<PlannedVariant> vs = new ArrayList<>();
        List<ExperimentSpec.VariantSpec> specs = new ArrayList<>();
        for (Variant v : store.variants(experimentId)) {
            ExperimentSpec.VariantSpec parsed = SpecJson.variantFromJson(v.promptJson(), store::getMedia);
            ExperimentSpec.VariantSpec s = parsed.arm(v.name(), v.baseline(), parsed.parameters());
            vs.add(new PlannedVariant(v.id(), s));
            specs.add(s);
        }
        if (vs.isEmpty()) {
            throw new SpecException("experiment " + experimentId + " has no variants to run");
        }
        List<PlannedInput> is = new ArrayList<>();
        List<ExperimentSpec.InputSpec> inputSpecs = new ArrayList<>();
        for (TestInput in : store.inputs(experimentId)) {
            List<String> turns = Conversations.turns(run, in.position());
            is.add(new PlannedInput(in.id(), in.position(), in.label(), in.variables(), turns));
            inputSpecs.add(new ExperimentSpec.InputSpec(in.label(), in.variables(), turns));
        }
        ExperimentSettings st = e.settings();
        JsonNode expected = run.path("expectedOutputTokens");
        ExperimentSpec.Params params = new ExperimentSpec.Params(
                st.temperature(),
                st.maxOutputTokens(),
                st.reasoningBudget(),
                st.reasoningEffort(),
                expected.isIntegralNumber() ? expected.asLong() : null,
                SpecJson.tier(run.path("serviceTier").textValue(), "run.serviceTier"));
        ChatRequest.OpenAiApi api = "chat".equals(run.path("openAiApi").asText())
                ? ChatRequest.OpenAiApi.CHAT_COMPLETIONS
                : ChatRequest.OpenAiApi.RESPONSES;
        ExperimentSpec spec = new ExperimentSpec(
                e.name(),
                run.path("description").isTextual() ? run.path("description").asText() : null,
                specs,
                inputSpecs,
                models,
                e.repetitions(),
                e.budgetCapUsd(),
                st.reuseStoredAnswers(),
                params,
                run.path("stream").asBoolean(true),
                api,
                qualityOf(st.extraJson()));
        if (is.isEmpty()) {
            // The store plans no trials without an input; the spec added an empty one, which the store lacks.
            throw new SpecException("experiment " + experimentId + " has no test inputs (add at least an empty one)");
        }
        return new RunPlan(experimentId, spec, vs, is);
    }

    /**
     * The checks, thresholds and judge of stored settings; the defaults when they cannot be read (an experiment can
     * always be resumed; the results view reports the broken settings).
     */
    private static QualitySettings qualityOf(String extraJson) {
        try {
            return QualitySettings.read(extraJson);
        } catch (IllegalArgumentException e) {
            return QualitySettings.defaults();
        }
    }

    /** The same plan with another budget cap (for one run; the stored cap is not changed). */
    static RunPlan rebudget(RunPlan p, BigDecimal cap) {
        return new RunPlan(p.experimentId, p.spec.withBudget(cap), p.variants, p.inputs);
    }

    private static String runJson(ExperimentSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode run = root.putObject("run");
        run.put("format", 1);
        if (spec.description() != null) {
            run.put("description", spec.description());
        }
        ArrayNode models = run.putArray("models");
        for (ExperimentSpec.ModelSpec m : spec.models()) {
            ObjectNode mo = models.addObject().put("id", m.id());
            if (m.provider() != null) {
                mo.put("provider", m.provider().name().toLowerCase(Locale.ROOT));
            }
            if (m.apiModel() != null) {
                mo.put("apiModel", m.apiModel());
            }
        }
        run.put("stream", spec.stream());
        run.put("openAiApi", spec.openAiApi() == ChatRequest.OpenAiApi.CHAT_COMPLETIONS ? "chat" : "responses");
        if (spec.parameters().expectedOutputTokens() != null) {
            run.put("expectedOutputTokens", spec.parameters().expectedOutputTokens());
        }
        if (spec.parameters().serviceTier() != null) {
            run.put("serviceTier", spec.parameters().serviceTier().id());
        }
        Conversations.fill(run, spec.inputs());
        spec.quality().fill(root);
        return root.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ---- accessors ------------------------------------------------------------------------------------------------

    /** The store's id, or 0 for a plan of a spec not stored. */
    public long experimentId() {
        return experimentId;
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public List<PlannedVariant> variants() {
        return variants;
    }

    public List<PlannedInput> inputs() {
        return inputs;
    }

    public List<ExperimentSpec.ModelSpec> models() {
        return spec.models();
    }

    public PlannedVariant variant(long id) {
        PlannedVariant v = variantById.get(id);
        if (v == null) {
            throw new NoSuchElementException("no variant " + id + " in experiment " + experimentId);
        }
        return v;
    }

    public PlannedInput input(long id) {
        PlannedInput i = inputById.get(id);
        if (i == null) {
            throw new NoSuchElementException("no input " + id + " in experiment " + experimentId);
        }
        return i;
    }

    public ExperimentSpec.ModelSpec model(String id) {
        ExperimentSpec.ModelSpec m = modelById.get(id);
        if (m == null) {
            throw new NoSuchElementException("no model " + id + " in experiment " + experimentId);
        }
        return m;
    }

    /** Every planned cell, ordered like {@link LabStore#missingTrials}: repetition, input, model, variant. */
    public List<TrialCell> cells() {
        return Planner.cells(this);
    }

    /** The parameters a variant's requests use: its own, then the experiment's. */
    public ExperimentSpec.Params params(long variantId) {
        return variant(variantId).spec().parameters().orElse(spec.parameters());
    }

    /**
     * The request of one cell: the variant's templates filled with the input's variables, sent to the model under
     * its API name with the variant's parameters.
     *
     * @throws SpecException when a placeholder has no value (naming the variant, the message and the input)
     */
    public ChatRequest request(TrialCell cell) {
        PlannedVariant v = variant(cell.variantId());
        PlannedInput in = input(cell.inputId());
        ExperimentSpec.ModelSpec m = model(cell.modelId());
        ExperimentSpec.Params p = params(v.id());
        String where = "variant \"" + v.name() + "\"";
        String system =
                Template.fill(v.spec().system(), in.variables(), where + ", system text, with " + in.describe());
        List<ChatMessage> messages = new ArrayList<>();
        List<ExperimentSpec.MessageSpec> ms = v.spec().messages();
        int lastUser = 0;
        for (int i = 0; i < ms.size(); i++) {
            lastUser = ms.get(i).role() == Role.USER ? i : lastUser;
        }
        for (int i = 0; i < ms.size(); i++) {
            String text = Template.fill(
                    ms.get(i).content(), in.variables(), where + ", message " + (i + 1) + ", with " + in.describe());
            List<Part> parts = new ArrayList<>();
            parts.add(new Part.Text(text));
            if (i == lastUser) {
                parts.addAll(mediaParts(v));
            }
            messages.add(new ChatMessage(ms.get(i).role(), parts));
        }
        return new ChatRequest(
                m.requestModel(),
                system,
                null,
                messages,
                p.maxOutputTokensOrDefault(),
                p.temperature(),
                null,
                p.reasoningBudget(),
                p.reasoningEffort(),
                null,
                spec.stream(),
                spec.openAiApi(),
                null,
                v.spec().tools());
    }

    /**
     * The hash the response cache matches a cell by: its request's ({@link RequestHash}), and for a conversation
     * also every turn of its script, so that a conversation is only ever answered by the same conversation.
     */
    public String requestHash(TrialCell cell, ProviderId provider) {
        String first = RequestHash.of(provider, request(cell, provider));
        List<String> turns = turns(cell);
        return turns.isEmpty()
                ? first
                : MediaBlob.sha256((first + "\u0000" + String.join("\u0000", turns)).getBytes(StandardCharsets.UTF_8));
    }

    /** The further user turns of the cell's conversation script (empty: the trial is one request). */
    public List<String> turns(TrialCell cell) {
        return input(cell.inputId()).turns();
    }

    /**
     * {@link #request(TrialCell)} as sent to {@code provider}: with the service tier the cell's parameters ask for, in
     * the provider's word.
     *
     * @throws SpecException when that provider cannot be asked for the tier (naming what it takes)
     */
    public ChatRequest request(TrialCell cell, ProviderId provider) {
        ExperimentSpec.Params p = params(cell.variantId());
        ServiceTier tier = p.serviceTierOrStandard();
        try {
            ChatRequest r = SendTraits.withEffort(request(cell), provider, cell.modelId(), p.effort());
            return r.withServiceTier(ServiceTierWords.request(provider, tier));
        } catch (IllegalArgumentException e) {
            throw new SpecException("model " + cell.modelId() + ": " + e.getMessage());
        }
    }

    /**
     * Every model's provider can be asked for the service tier of every variant.
     *
     * @throws SpecException naming each model whose provider cannot, and what to do
     */
    public void requireTierSupport(Map<String, ProviderId> providers) {
        List<String> refused = new ArrayList<>();
        for (PlannedVariant v : variants) {
            ServiceTier tier = params(v.id()).serviceTierOrStandard();
            for (Map.Entry<String, ProviderId> m : providers.entrySet()) {
                try {
                    ServiceTierWords.request(m.getValue(), tier);
                } catch (IllegalArgumentException e) {
                    String line = m.getKey() + ": " + e.getMessage().replace(" Nothing was sent.", "");
                    if (!refused.contains(line)) {
                        refused.add(line);
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new SpecException("the service tier cannot be asked for on every model (" + String.join("; ", refused)
                    + "). Choose Standard, or leave those models out.");
        }
    }

    /**
     * Every variant with a reasoning-effort level runs only on models that reason, and within their limits (e.g.
     * Anthropic's thinking budget below the output cap).
     *
     * @throws SpecException naming each model and variant that cannot, and what to do
     */
    public void requireEffortSupport(Map<String, ProviderId> providers) {
        List<String> refused = new ArrayList<>();
        for (PlannedVariant v : variants) {
            ExperimentSpec.Params p = params(v.id());
            if (p.effort() == null) {
                continue;
            }
            for (Map.Entry<String, ProviderId> m : providers.entrySet()) {
                String why = SendTraits.hasReasoning(m.getValue(), m.getKey())
                        ? SendTraits.problem(
                                m.getValue(),
                                m.getKey(),
                                new SendOptions(null, p.maxOutputTokensOrDefault(), p.effort(), spec.stream()))
                        : "it does not reason, so it takes no reasoning effort";
                if (why != null) {
                    refused.add(m.getKey() + " with \"" + v.name() + "\": " + why);
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new SpecException("reasoning effort cannot be asked for on every model (" + String.join("; ", refused)
                    + "). Leave those models out, or remove the effort from those variants.");
        }
    }

    /** The service tier asked for in {@code cell} (Standard unless the parameters name one). */
    public ServiceTier requestedTier(TrialCell cell) {
        return params(cell.variantId()).serviceTierOrStandard();
    }

    /** The variant's media as request parts (images with the API's default detail). */
    private static List<Part> mediaParts(PlannedVariant v) {
        List<Part> out = new ArrayList<>();
        for (ExperimentSpec.MediaSpec m : v.spec().media()) {
            if (!m.loaded()) {
                throw new SpecException("variant \"" + v.name() + "\": " + m.name() + " (sha256 "
                        + m.sha256().substring(0, 12) + "…) is not in the local store; import the experiment with its "
                        + "media or attach the file again");
            }
            out.add(m.image() ? new Part.Image(m.data(), m.mimeType(), null) : new Part.Audio(m.data(), m.mimeType()));
        }
        return out;
    }

    /**
     * Models that cannot take a variant's media, checked before anything is stored or spent: a model with a catalog
     * entry needs an image rule for images and an audio rule for audio (Anthropic's API takes no audio). Models
     * outside the catalog are not checked (the API answers for itself).
     *
     * @throws SpecException naming the first model and variant that do not fit
     */
    public void requireMediaSupport(Function<String, Optional<ModelEntry>> catalog) {
        for (ExperimentSpec.ModelSpec m : spec.models()) {
            Optional<ModelEntry> e = catalog.apply(m.id());
            for (PlannedVariant v : variants) {
                for (ExperimentSpec.MediaSpec md : v.spec().media()) {
                    if (md.image() && e.isPresent() && MediaRules.image(e.get()).isEmpty()) {
                        throw new SpecException("model \"" + m.id() + "\" does not take images, but variant \""
                                + v.name() + "\" attaches " + md.name() + "; pick a vision model or remove the image");
                    }
                    boolean audio = !md.image()
                            && e.isPresent()
                            && (MediaRules.audio(e.get())
                                            .filter(a -> a.inputPerSecond() > 0)
                                            .isEmpty()
                                    || "anthropic".equals(e.get().provider()));
                    if (audio) {
                        throw new SpecException("model \"" + m.id() + "\" does not take audio input, but variant \""
                                + v.name() + "\" attaches " + md.name() + "; pick an audio model (e.g. Gemini) or "
                                + "remove the recording");
                    }
                }
            }
        }
    }

    /**
     * Which API serves a model: the one the spec names, else the catalog's provider (OpenAI, Anthropic and Google
     * natively; every other host — Together, Groq, DeepSeek … — through the OpenAI-compatible client).
     *
     * @throws SpecException for a model the catalog does not know and the spec gives no provider for
     */
    public ProviderId provider(String modelId, Function<String, Optional<ModelEntry>> catalog) {
        ExperimentSpec.ModelSpec m = model(modelId);
        if (m.provider() != null) {
            return m.provider();
        }
        Optional<ModelEntry> e = catalog.apply(m.id());
        if (e.isEmpty()) {
            throw new SpecException("model \"" + m.id() + "\" is not in the catalog: say which API serves it "
                    + "({\"id\": \"" + m.id() + "\", \"provider\": \"compatible\"} in the experiment, or "
                    + "--provider compatible), or add it to the user catalog to price it");
        }
        return providerOf(e.get());
    }

    /** The API family that serves a catalog model. */
    public static ProviderId providerOf(ModelEntry m) {
        return ProviderId.servingCatalogProvider(m.provider());
    }

    /** Every model's provider (see {@link #provider}); fails on the first model nobody serves. */
    public Map<String, ProviderId> providers(Function<String, Optional<ModelEntry>> catalog) {
        Map<String, ProviderId> out = new LinkedHashMap<>();
        for (ExperimentSpec.ModelSpec m : spec.models()) {
            out.put(m.id(), provider(m.id(), catalog));
        }
        return out;
    }
}

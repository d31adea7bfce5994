// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.media.MediaHeader;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.SendTraits;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.validation.NumberKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An A/B experiment as the user sets it up: prompt variants (one of them the baseline), test inputs that fill their
 * {@code {{placeholders}}}, the models to run them on, how many independent repetitions, a budget cap and whether
 * identical requests may be answered from earlier trials. Read and written as JSON by {@link SpecJson} (the format
 * is described there and in {@code resources/experiments/README.md}).
 *
 * @param name          shown in the History view and by {@code costbench ab list}
 * @param description   free text, or null
 * @param variants      at least one; exactly one is the baseline (the first, when none says so)
 * @param inputs        the test inputs; an experiment without placeholders gets one empty input
 * @param models        catalog ids (or other models with their provider), no duplicates
 * @param repetitions   independent real calls per variant × input × model (at least 1)
 * @param budgetUsd     the most the run may spend, or null for no cap
 * @param responseCache true: the first repetition of a request identical to an earlier successful trial reuses its
 *                      answer (marked as cached); never used for repetitions 2..N
 * @param parameters    defaults for every variant (a variant's own parameters win)
 * @param stream        stream answers (measures the time to first token); true by default
 * @param openAiApi     the OpenAI endpoint for OpenAI models (Responses by default)
 * @param quality       the pass/fail checks, verdict thresholds and optional LLM judge (kept in the experiment's
 *                      settings)
 */
public record ExperimentSpec(
        String name,
        String description,
        List<VariantSpec> variants,
        List<InputSpec> inputs,
        List<ModelSpec> models,
        int repetitions,
        BigDecimal budgetUsd,
        boolean responseCache,
        Params parameters,
        boolean stream,
        ChatRequest.OpenAiApi openAiApi,
        QualitySettings quality) {

    /** The output cap when neither the experiment nor the variant sets one. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;

    /**
     * The most trials (variants × models × inputs × repetitions) one experiment may plan: every trial is held in
     * memory while the run is planned and its results are analysed, and each is a real, billed call.
     */
    public static final long MAX_TRIALS = 100_000;

    public ExperimentSpec {
        if (name == null || name.isBlank()) {
            throw new SpecException("name: an experiment needs a name");
        }
        name = name.strip();
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        if (variants.isEmpty()) {
            throw new SpecException("variants: at least one prompt variant is needed (a baseline)");
        }
        Set<String> names = new HashSet<>();
        int baselines = 0;
        for (VariantSpec v : variants) {
            if (!names.add(v.name())) {
                throw new SpecException("variants: the name \"" + v.name() + "\" is used twice");
            }
            baselines += v.baseline() ? 1 : 0;
        }
        if (baselines > 1) {
            throw new SpecException("variants: only one variant can be the baseline (" + baselines + " say so)");
        }
        if (baselines == 0) {
            List<VariantSpec> vs = new ArrayList<>(variants);
            vs.set(0, vs.get(0).asBaseline());
            variants = List.copyOf(vs);
        }
        inputs = inputs == null || inputs.isEmpty() ? List.of(new InputSpec("", Map.of())) : List.copyOf(inputs);
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        if (models.isEmpty()) {
            throw new SpecException("models: at least one model is needed");
        }
        Set<String> ids = new HashSet<>();
        for (ModelSpec m : models) {
            if (!ids.add(m.id())) {
                throw new SpecException("models: \"" + m.id() + "\" is listed twice");
            }
        }
        if (repetitions < 1) {
            throw new SpecException("repetitions: must be at least 1, got " + repetitions);
        }
        if (repetitions > NumberKind.REPETITIONS.max().intValueExact()) {
            throw new SpecException(
                    "repetitions: " + repetitions + " is out of range (" + NumberKind.REPETITIONS.range() + ")");
        }
        long trials = (long) variants.size() * models.size() * inputs.size() * repetitions;
        if (trials > MAX_TRIALS) {
            throw new SpecException(String.format(
                    Locale.ROOT,
                    "the experiment plans %,d trials (%,d variants × %,d "
                            + "models × %,d inputs × %,d repetitions); CostBench runs at most %,d trials per experiment "
                            + "(the trial limit): use fewer repetitions, inputs, models or variants",
                    trials,
                    variants.size(),
                    models.size(),
                    inputs.size(),
                    repetitions,
                    MAX_TRIALS));
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new SpecException("budgetUsd: must not be negative");
        }
        parameters = parameters == null ? Params.NONE : parameters;
        openAiApi = openAiApi == null ? ChatRequest.OpenAiApi.RESPONSES : openAiApi;
        quality = quality == null ? QualitySettings.defaults() : quality;
    }

    /** An experiment without checks, with the default thresholds and no judge. */
    public ExperimentSpec(
            String name,
            String description,
            List<VariantSpec> variants,
            List<InputSpec> inputs,
            List<ModelSpec> models,
            int repetitions,
            BigDecimal budgetUsd,
            boolean responseCache,
            Params parameters,
            boolean stream,
            ChatRequest.OpenAiApi openAiApi) {
        this(
                name,
                description,
                variants,
                inputs,
                models,
                repetitions,
                budgetUsd,
                responseCache,
                parameters,
                stream,
                openAiApi,
                null);
    }

    /** The same experiment with other checks, thresholds or judge. */
    public ExperimentSpec withQuality(QualitySettings q) {
        return with(models, budgetUsd, stream, q);
    }

    /** The baseline variant. */
    public VariantSpec baseline() {
        return variants.stream().filter(VariantSpec::baseline).findFirst().orElseThrow();
    }

    /**
     * The number of calls the whole run plans: variants × models × repetitions × the calls of each input (one, or one
     * per user turn of a conversation script).
     */
    public long plannedCalls() {
        long perInput = inputs.stream().mapToLong(InputSpec::calls).sum();
        return (long) variants.size() * perInput * models.size() * repetitions;
    }

    /** The same experiment with another budget cap (null: none). */
    public ExperimentSpec withBudget(BigDecimal usd) {
        return with(models, usd, stream, quality);
    }

    /** The same experiment where every model without a provider is served by {@code provider}. */
    public ExperimentSpec withDefaultProvider(ProviderId provider) {
        List<ModelSpec> ms = new ArrayList<>();
        for (ModelSpec m : models) {
            ms.add(m.provider() == null ? new ModelSpec(m.id(), provider, m.apiModel()) : m);
        }
        return with(ms, budgetUsd, stream, quality);
    }

    /** The same experiment with streaming switched on or off. */
    public ExperimentSpec withStream(boolean s) {
        return with(models, budgetUsd, s, quality);
    }

    /** This experiment with other models, budget cap, streaming choice and quality settings. */
    private ExperimentSpec with(List<ModelSpec> ms, BigDecimal usd, boolean s, QualitySettings q) {
        return new ExperimentSpec(
                name, description, variants, inputs, ms, repetitions, usd, responseCache, parameters, s, openAiApi, q);
    }

    /**
     * One prompt variant: system text and messages, each of which may hold {@code {{placeholders}}}.
     *
     * @param parameters this variant's own request parameters (unset ones come from the experiment's)
     * @param media      images or audio attached to the last user message of every request, in this order
     * @param tools      function tools offered to the model with every request of this variant (may be empty)
     */
    public record VariantSpec(
            String name,
            boolean baseline,
            String system,
            List<MessageSpec> messages,
            Params parameters,
            List<MediaSpec> media,
            List<ToolSpec> tools) {

        public VariantSpec {
            if (name == null || name.isBlank()) {
                throw new SpecException("a variant needs a name");
            }
            name = name.strip();
            messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
            if (messages.isEmpty()) {
                throw new SpecException("variant \"" + name + "\": at least one message is needed");
            }
            if (messages.get(0).role() != Role.USER) {
                throw new SpecException("variant \"" + name + "\": the first message must be the user's");
            }
            system = system == null || system.isEmpty() ? null : system;
            parameters = parameters == null ? Params.NONE : parameters;
            media = media == null ? List.of() : List.copyOf(media);
            tools = tools == null ? List.of() : List.copyOf(tools);
        }

        /** A variant without tools. */
        public VariantSpec(
                String name,
                boolean baseline,
                String system,
                List<MessageSpec> messages,
                Params parameters,
                List<MediaSpec> media) {
            this(name, baseline, system, messages, parameters, media, List.of());
        }

        /** A variant without media. */
        public VariantSpec(
                String name, boolean baseline, String system, List<MessageSpec> messages, Params parameters) {
            this(name, baseline, system, messages, parameters, List.of());
        }

        /** A variant with a system text and one user message. */
        public static VariantSpec of(String name, boolean baseline, String system, String user) {
            return new VariantSpec(name, baseline, system, List.of(new MessageSpec(Role.USER, user)), Params.NONE);
        }

        /** The same variant with other media. */
        public VariantSpec withMedia(List<MediaSpec> m) {
            return new VariantSpec(name, baseline, system, messages, parameters, m, tools);
        }

        /** The same variant offering other tools. */
        public VariantSpec withTools(List<ToolSpec> t) {
            return new VariantSpec(name, baseline, system, messages, parameters, media, t);
        }

        /** The same variant under another name, baseline or not, with other parameters (an arm of a sweep). */
        public VariantSpec arm(String armName, boolean isBaseline, Params p) {
            return new VariantSpec(armName, isBaseline, system, messages, p, media, tools);
        }

        VariantSpec asBaseline() {
            return new VariantSpec(name, true, system, messages, parameters, media, tools);
        }
    }

    /**
     * An image or audio file a variant sends with each request, kept by content: stored once in the lab store
     * ({@link dev.costbench.model.lab.LabStore#putMedia}) and referenced by its SHA-256.
     *
     * @param name     the file name it came from (shown in the setup and the results)
     * @param mimeType {@code image/jpeg}, {@code image/png}, {@code image/webp}, {@code image/gif} or {@code audio/wav}
     * @param sha256   lower-case hex SHA-256 of the bytes
     * @param bytes    the file size
     * @param width    pixels (0 for audio)
     * @param height   pixels (0 for audio)
     * @param seconds  length of audio (0 for images)
     * @param data     the bytes, or null for a reference whose bytes the store does not hold (e.g. an imported
     *                 experiment whose files were not imported): it can be shown and estimated but not sent
     */
    public record MediaSpec(
            String name,
            String mimeType,
            String sha256,
            long bytes,
            int width,
            int height,
            double seconds,
            byte[] data) {

        public MediaSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(sha256, "sha256");
        }

        /**
         * Media from a file's bytes: the type and size come from its header.
         *
         * @throws SpecException when the bytes are not a JPEG, PNG, WebP, GIF image or a WAV recording
         */
        public static MediaSpec of(String name, byte[] data) {
            MediaHeader h = MediaHeader.probe(data)
                    .orElseThrow(() -> new SpecException("media \"" + name + "\": not a JPEG, PNG, WebP or GIF "
                            + "image or a WAV recording (convert it, e.g. in the Media view)"));
            return new MediaSpec(
                    name, h.mimeType(), MediaBlob.sha256(data), data.length, h.width(), h.height(), h.seconds(), data);
        }

        /** True for images, false for audio. */
        public boolean image() {
            return mimeType.startsWith("image/");
        }

        /** The bytes are at hand (not only a reference). */
        public boolean loaded() {
            return data != null;
        }

        /** "receipt-512.png · 512×683 · 41 KB" or "note.wav · 4.2 s · 130 KB". */
        public String describe() {
            String size = bytes >= 1024 * 1024
                    ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                    : Math.max(1, Math.round(bytes / 1024.0)) + " KB";
            return name + " · " + (image() ? width + "×" + height : String.format(Locale.ROOT, "%.1f s", seconds))
                    + " · " + size;
        }

        /** Equal by name, type and content hash (the bytes are what the hash says). */
        @Override
        public boolean equals(Object o) {
            return o instanceof MediaSpec m
                    && m.name.equals(name)
                    && m.mimeType.equals(mimeType)
                    && m.sha256.equals(sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, mimeType, sha256);
        }

        @Override
        public String toString() {
            return "MediaSpec[" + describe() + ", " + sha256 + "]";
        }
    }

    /** One turn of a variant's conversation (user or assistant; system text goes in {@link VariantSpec#system}). */
    public record MessageSpec(Role role, String content) {

        public MessageSpec {
            Objects.requireNonNull(role, "role");
            if (role == Role.SYSTEM) {
                throw new SpecException("a message's role is user or assistant; put system text in \"system\"");
            }
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * Request parameters; null fields are unset (the experiment's value, then the API's default, applies).
     *
     * @param temperature          sampling temperature
     * @param maxOutputTokens      the output cap sent with each request; the worst case of the estimate and the
     *                             budget reservation
     * @param reasoningBudget      thinking budget in tokens (Anthropic, Gemini)
     * @param reasoningEffort      OpenAI reasoning effort ("minimal", "low", "medium", "high")
     * @param expectedOutputTokens the answer length assumed by the low end of the estimate (default: a tenth of
     *                             the output cap, or what earlier trials produced)
     * @param serviceTier          the service tier asked for: standard (unset), flex or priority
     * @param effort               reasoning effort in CostBench's words (none, low, medium, high), sent as each
     *                             provider takes it ({@link SendTraits}: OpenAI {@code reasoning_effort} /
     *                             {@code reasoning.effort}, Anthropic {@code thinking.budget_tokens}, Gemini
     *                             {@code thinkingBudget}); models without reasoning are refused before the run
     */
    public record Params(
            Double temperature,
            Integer maxOutputTokens,
            Integer reasoningBudget,
            String reasoningEffort,
            Long expectedOutputTokens,
            ServiceTier serviceTier,
            ReasoningEffort effort) {

        public static final Params NONE = new Params(null, null, null, null, null, null, null);

        /** Parameters without a reasoning-effort level. */
        public Params(
                Double t, Integer maxOutput, Integer budget, String effortWord, Long expectedOutput, ServiceTier tier) {
            this(t, maxOutput, budget, effortWord, expectedOutput, tier, null);
        }

        /** Parameters without a service tier (Standard unless the experiment's defaults name one). */
        public Params(Double t, Integer maxOutput, Integer budget, String effort, Long expectedOutput) {
            this(t, maxOutput, budget, effort, expectedOutput, null);
        }

        public Params {
            if (temperature != null && (temperature < 0 || temperature > 2 || temperature.isNaN())) {
                throw new SpecException("temperature: must be between 0 and 2, got " + temperature);
            }
            if (maxOutputTokens != null && maxOutputTokens <= 0) {
                throw new SpecException("maxOutputTokens: must be positive, got " + maxOutputTokens);
            }
            if (reasoningBudget != null && reasoningBudget < 0) {
                throw new SpecException("reasoningBudget: must not be negative, got " + reasoningBudget);
            }
            if (expectedOutputTokens != null && expectedOutputTokens < 0) {
                throw new SpecException("expectedOutputTokens: must not be negative, got " + expectedOutputTokens);
            }
            if (serviceTier == ServiceTier.BATCH || serviceTier == ServiceTier.FAST) {
                throw new SpecException("serviceTier: the lab asks for standard, flex or priority, got "
                        + serviceTier.id() + " (batch runs through the batch API, which the lab does not use)");
            }
        }

        /** These parameters, with each unset one taken from {@code defaults}. */
        public Params orElse(Params defaults) {
            return new Params(
                    temperature != null ? temperature : defaults.temperature,
                    maxOutputTokens != null ? maxOutputTokens : defaults.maxOutputTokens,
                    reasoningBudget != null ? reasoningBudget : defaults.reasoningBudget,
                    reasoningEffort != null ? reasoningEffort : defaults.reasoningEffort,
                    expectedOutputTokens != null ? expectedOutputTokens : defaults.expectedOutputTokens,
                    serviceTier != null ? serviceTier : defaults.serviceTier,
                    effort != null ? effort : defaults.effort);
        }

        /** The same parameters at reasoning effort {@code e} (null: none set). */
        public Params withEffort(ReasoningEffort e) {
            return new Params(
                    temperature,
                    maxOutputTokens,
                    reasoningBudget,
                    reasoningEffort,
                    expectedOutputTokens,
                    serviceTier,
                    e);
        }

        /**
         * The thinking tokens to reserve beyond the output cap on {@code provider}: the reasoning budget when one is
         * set, else the thinking budget the effort level is sent as (Anthropic, Gemini); OpenAI's effort words count
         * within the output cap.
         */
        public long reasoningReserve(ProviderId provider) {
            if (reasoningBudget != null) {
                return reasoningBudget;
            }
            Integer b = effort == null || provider == null ? null : SendTraits.thinkingBudget(provider, effort);
            return b == null ? 0 : b;
        }

        /** The service tier asked for: Standard when unset. */
        public ServiceTier serviceTierOrStandard() {
            return serviceTier == null ? ServiceTier.STANDARD : serviceTier;
        }

        /** The output cap, {@link #DEFAULT_MAX_OUTPUT_TOKENS} when unset. */
        public int maxOutputTokensOrDefault() {
            return maxOutputTokens == null ? DEFAULT_MAX_OUTPUT_TOKENS : maxOutputTokens;
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * One test input: the values of the placeholders, and optionally a conversation script.
     *
     * @param label     a short name (ticket number, CSV row), may be empty
     * @param variables the placeholder values
     * @param turns     the user's further turns of a conversation script, after the variant's own messages: each is
     *                  sent with the whole conversation so far (the model's earlier replies included), and one trial
     *                  is the whole conversation; empty for a single request
     */
    public record InputSpec(String label, Map<String, String> variables, List<String> turns) {

        public InputSpec {
            label = label == null ? "" : label;
            Map<String, String> copy = new LinkedHashMap<>();
            variables.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "variable name"), v == null ? "" : v));
            variables = Collections.unmodifiableMap(copy);
            turns = turns == null ? List.of() : List.copyOf(turns);
            for (String t : turns) {
                if (t == null || t.isBlank()) {
                    throw new SpecException("input \"" + label + "\": a turn of the conversation script is empty");
                }
            }
        }

        /** A single-request input (no conversation script). */
        public InputSpec(String label, Map<String, String> variables) {
            this(label, variables, List.of());
        }

        /** The calls one trial of this input makes: 1 plus the script's turns. */
        public int calls() {
            return 1 + turns.size();
        }
    }

    /**
     * A model to run the variants on.
     *
     * @param id       the catalog id (what prices the call), or any id when {@code provider} is given
     * @param provider the API that serves it, or null: from the catalog (OpenAI, Anthropic and Google natively,
     *                 every other host through the OpenAI-compatible client)
     * @param apiModel the name the API knows the model by, when it differs from {@code id} (e.g. {@code
     *                 llama-3.1-8b-instant} for the catalog's {@code groq/llama-3.1-8b-instant}), or null
     */
    public record ModelSpec(String id, ProviderId provider, String apiModel) {

        public ModelSpec {
            if (id == null || id.isBlank()) {
                throw new SpecException("a model needs an id");
            }
            id = id.strip();
            apiModel = apiModel == null || apiModel.isBlank() ? null : apiModel.strip();
        }

        public static ModelSpec of(String id) {
            return new ModelSpec(id, null, null);
        }

        /** The model name sent in the request. */
        public String requestModel() {
            return apiModel == null ? id : apiModel;
        }
    }
}

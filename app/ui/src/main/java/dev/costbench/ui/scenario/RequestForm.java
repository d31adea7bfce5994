// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.AudioInput;
import dev.costbench.model.scenario.ConversationShape;
import dev.costbench.model.scenario.ImageInput;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.RetrievalRequest;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.VideoInput;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.workload.agent.AgentTask;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form of the selected request type, as text the user types: one property per field, filled from a request
 * type ({@link #fill}) and read back into one ({@link #read}). A field that is not a number is named, not applied.
 */
final class RequestForm {

    /** The fields in the order they are shown: key (also the node id's tail) and label. */
    static final Map<String, String> FIELDS = fields(
            "name",
            "Name",
            "volume",
            "Requests",
            "growth",
            "Growth per month %",
            "system",
            "System tokens",
            "fewShot",
            "Few-shot tokens",
            "user",
            "User tokens",
            "output",
            "Output tokens",
            "reasoning",
            "Reasoning tokens",
            "batchable",
            "Can wait (batchable) %",
            "repeat",
            "Repeat rate %",
            "images",
            "Images per request",
            "imageSize",
            "Image size (W×H)",
            "videoHours",
            "Video hours per request",
            "videoFps",
            "Video frames per second sent",
            "audioSeconds",
            "Audio seconds per request",
            "agentMinSteps",
            "Fewest steps per task",
            "agentModeSteps",
            "Usual steps per task",
            "agentMaxSteps",
            "Most steps per task",
            "agentToolOutput",
            "Tool output tokens per step",
            "agentFailure",
            "Failure per step %",
            "agentRetries",
            "Retries per failed step",
            "agentSuccess",
            "Tasks that succeed % (optional)",
            "convSample",
            "Sample conversation",
            "convTurns",
            "Turns per conversation",
            "convUser",
            "User tokens per turn",
            "convAssistant",
            "Assistant tokens per turn",
            "convSystem",
            "System prompt tokens",
            "convTools",
            "Tool definition tokens",
            "convSummary",
            "Summary tokens (optional)",
            "ragInstructions",
            "Instruction tokens",
            "ragTools",
            "Tool definition tokens",
            "ragPrefix",
            "Stable document prefix tokens",
            "ragChunks",
            "Chunks per query",
            "ragChunkTokens",
            "Tokens per chunk",
            "ragQuery",
            "Query tokens",
            "ragOutput",
            "Answer tokens",
            "ragCorpus",
            "Corpus tokens (optional)",
            "ragReembeds",
            "Re-embeddings a month",
            "ragEmbedding",
            "Embedding model (optional)",
            "ragReranker",
            "Reranker $ per 1,000 searches (optional)");

    /** The keys of the "Conversation" fields (shown while {@link #conversationProperty} is on). */
    static boolean isConversationField(String key) {
        return key.startsWith("conv");
    }

    /** The keys of the "Retrieval" fields (shown while {@link #retrievalProperty} is on). */
    static boolean isRetrievalField(String key) {
        return key.startsWith("rag");
    }

    /** The form key of a conversation or retrieval field path ("conversation.turns" → "convTurns"); else null. */
    static String flowKey(String path) {
        return FLOW_PATHS.get(path);
    }

    private static final Map<String, String> FLOW_PATHS = fields(
            "conversation.sample", "convSample",
            "conversation.turns", "convTurns",
            "conversation.userTokens", "convUser",
            "conversation.assistantTokens", "convAssistant",
            "conversation.systemTokens", "convSystem",
            "conversation.toolsTokens", "convTools",
            "conversation.summaryTokens", "convSummary",
            "retrieval.instructionTokens", "ragInstructions",
            "retrieval.toolsTokens", "ragTools",
            "retrieval.stablePrefixTokens", "ragPrefix",
            "retrieval.chunks", "ragChunks",
            "retrieval.chunkTokens", "ragChunkTokens",
            "retrieval.queryTokens", "ragQuery",
            "retrieval.outputTokens", "ragOutput",
            "retrieval.corpusTokens", "ragCorpus",
            "retrieval.reembedsPerMonth", "ragReembeds",
            "retrieval.embeddingModel", "ragEmbedding",
            "retrieval.rerankerPerThousand", "ragReranker");

    /** The keys of the "Agent task" fields (shown in their own section, used when {@link #agentProperty} is on). */
    static boolean isAgentField(String key) {
        return key.startsWith("agent");
    }

    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final StringProperty model = new SimpleStringProperty(this, "model");
    private final ObjectProperty<Volume.Period> per = new SimpleObjectProperty<>(this, "per", Volume.Period.MONTH);
    private final BooleanProperty agent = new SimpleBooleanProperty(this, "agent");
    private final BooleanProperty conversation = new SimpleBooleanProperty(this, "conversation");
    private final BooleanProperty retrieval = new SimpleBooleanProperty(this, "retrieval");

    RequestForm() {
        FIELDS.keySet().forEach(k -> text.put(k, new SimpleStringProperty(this, k, "")));
        // one kind at a time: switching one on switches the others off
        List<BooleanProperty> kinds = List.of(agent, conversation, retrieval);
        for (BooleanProperty k : kinds) {
            k.addListener((o, was, on) -> {
                if (on) {
                    kinds.stream().filter(x -> x != k).forEach(x -> x.set(false));
                }
            });
        }
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The text of the field {@code key} (one of {@link #FIELDS}). */
    StringProperty field(String key) {
        StringProperty p = text.get(key);
        if (p == null) {
            throw new IllegalArgumentException("No field " + key);
        }
        return p;
    }

    StringProperty modelProperty() {
        return model;
    }

    ObjectProperty<Volume.Period> perProperty() {
        return per;
    }

    /** On: the request type is an "Agent task" (its volume counts tasks). */
    BooleanProperty agentProperty() {
        return agent;
    }

    /** On: the request type is a "Conversation" (its volume counts conversations, priced turn by turn). */
    BooleanProperty conversationProperty() {
        return conversation;
    }

    /** On: the request type is a "Retrieval" query (its volume counts RAG queries). */
    BooleanProperty retrievalProperty() {
        return retrieval;
    }

    /** Shows {@code t} in the fields. */
    void fill(RequestType t) {
        set("name", t.name());
        model.set(t.model());
        set("volume", t.volume().amount().toPlainString());
        per.set(t.volume().per());
        set("growth", pct(t.volume().monthlyGrowth()));
        set("system", Long.toString(t.text().system()));
        set("fewShot", Long.toString(t.text().fewShot()));
        set("user", Long.toString(t.text().user()));
        set("output", Long.toString(t.text().output()));
        set("reasoning", Long.toString(t.text().reasoning()));
        set("batchable", pct(t.batchableShare()));
        set("repeat", t.repeatRate() == null ? "" : pct(t.repeatRate()));
        ImageInput img = t.images().isEmpty() ? null : t.images().get(0);
        set("images", img == null ? "0" : plain(img.count()));
        set("imageSize", img == null ? "1024×1024" : img.width() + "×" + img.height());
        set("videoHours", t.video() == null ? "0" : plain(t.video().hours()));
        set(
                "videoFps",
                t.video() == null || t.video().fps() == null
                        ? "1"
                        : plain(t.video().fps()));
        set("audioSeconds", t.audio() == null ? "0" : plain(t.audio().seconds()));
        agent.set(t.isAgentTask());
        AgentTask a = t.isAgentTask() ? t.agent() : new AgentTask(3, 6, 20, 800, new BigDecimal("0.1"), 2, null);
        set("agentMinSteps", Integer.toString(a.minSteps()));
        set("agentModeSteps", Integer.toString(a.modeSteps()));
        set("agentMaxSteps", Integer.toString(a.maxSteps()));
        set("agentToolOutput", Long.toString(a.toolOutputTokens()));
        set("agentFailure", pct(a.failureRate()));
        set("agentRetries", Integer.toString(a.retryCap()));
        set("agentSuccess", a.successShare() == null ? "" : pct(a.successShare()));
        conversation.set(t.isConversationType());
        ConversationShape c =
                t.isConversationType() ? t.conversation() : ConversationShape.typed(20, 200, 200, 1000, 0);
        set("convSample", c.sample() == null ? "" : c.sample());
        set("convTurns", c.turns() == null ? "" : c.turns().toString());
        set("convUser", opt(c.userTokens()));
        set("convAssistant", opt(c.assistantTokens()));
        set("convSystem", opt(c.systemTokens()));
        set("convTools", opt(c.toolsTokens()));
        set("convSummary", opt(c.summaryTokens()));
        retrieval.set(t.isRetrievalType());
        RetrievalRequest r = t.isRetrievalType()
                ? t.retrieval()
                : new RetrievalRequest(500, 0, 0, 8, 500, 50, 300, 0, null, null, null);
        set("ragInstructions", Long.toString(r.instructionTokens()));
        set("ragTools", Long.toString(r.toolsTokens()));
        set("ragPrefix", Long.toString(r.stablePrefixTokens()));
        set("ragChunks", Integer.toString(r.chunks()));
        set("ragChunkTokens", Long.toString(r.chunkTokens()));
        set("ragQuery", Long.toString(r.queryTokens()));
        set("ragOutput", Long.toString(r.outputTokens()));
        set("ragCorpus", Long.toString(r.corpusTokens()));
        set("ragReembeds", r.reembedsPerMonth() == null ? "0" : plain(r.reembedsPerMonth()));
        set("ragEmbedding", r.embeddingModel() == null ? "" : r.embeddingModel());
        set("ragReranker", r.rerankerPerThousand() == null ? "" : plain(r.rerankerPerThousand()));
    }

    private static String opt(Long v) {
        return v == null ? "" : v.toString();
    }

    private void set(String key, String value) {
        text.get(key).set(value);
    }

    private static String pct(BigDecimal share) {
        return share == null
                ? "0"
                : share.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** What the form reads as: the request type, or the keys of the fields that are not numbers. */
    record Reading(RequestType type, List<String> notNumbers) {}

    /**
     * The request type the fields describe, keeping what the form does not show from {@code old}.
     *
     * @throws IllegalArgumentException saying what to change when the agent fields do not make a task
     */
    Reading read(RequestType old) {
        Numbers n = new Numbers();
        BigDecimal volume = n.dec("volume");
        BigDecimal growth = n.dec("growth");
        TextTokens tokens =
                new TextTokens(n.lng("system"), n.lng("fewShot"), n.lng("user"), n.lng("output"), n.lng("reasoning"));
        BigDecimal batch = n.dec("batchable");
        BigDecimal repeat = text.get("repeat").get().isBlank() ? null : n.dec("repeat");
        BigDecimal images = n.dec("images");
        BigDecimal hours = n.dec("videoHours");
        BigDecimal fps = n.dec("videoFps");
        BigDecimal audioSecs = n.dec("audioSeconds");
        int[] size = n.size("imageSize");
        long[] steps = {n.lng("agentMinSteps"), n.lng("agentModeSteps"), n.lng("agentMaxSteps"), n.lng("agentRetries")};
        long tool = n.lng("agentToolOutput");
        BigDecimal failure = n.dec("agentFailure");
        BigDecimal success = text.get("agentSuccess").get().isBlank() ? null : n.dec("agentSuccess");
        ConversationShape conv = conversation.get() ? conversation(n) : null;
        RetrievalRequest rag = retrieval.get() ? retrieval(n) : null;
        if (!n.bad.isEmpty()) {
            return new Reading(null, List.copyOf(n.bad));
        }
        List<ImageInput> imgs = images.signum() == 0
                ? List.of()
                : List.of(new ImageInput(
                        images,
                        size[0],
                        size[1],
                        old.images().isEmpty() ? null : old.images().get(0).tokensPerImage()));
        VideoInput ov = old.video();
        VideoInput video = hours.signum() == 0
                ? null
                : new VideoInput(
                        hours,
                        fps,
                        ov == null ? 1280 : ov.width(),
                        ov == null ? 720 : ov.height(),
                        ov == null || ov.audio(),
                        ov == null ? null : ov.resolution(),
                        ov == null ? null : ov.tokensPerFrame(),
                        ov == null ? null : ov.audioTokensPerSecond());
        AudioInput oa = old.audio();
        AudioInput audio = audioSecs.signum() == 0
                ? null
                : new AudioInput(
                        audioSecs,
                        oa == null ? null : oa.clipSeconds(),
                        oa == null ? null : oa.mode(),
                        oa == null ? null : oa.transcription(),
                        oa == null ? null : oa.perMinute());
        String m = model.get() == null || model.get().isBlank()
                ? old.model()
                : model.get().trim();
        RequestType t = new RequestType(
                old.id(),
                text.get("name").get(),
                new Volume(volume, per.get(), growth.movePointLeft(2)),
                m,
                tokens,
                imgs,
                audio,
                video,
                batch.movePointLeft(2),
                repeat == null ? null : repeat.movePointLeft(2),
                null,
                null,
                null);
        if (agent.get()) {
            // refused values (fewest above most, a failure rate of 100 %) throw with the field's words
            t = t.withAgent(new AgentTask(
                    Math.toIntExact(steps[0]),
                    Math.toIntExact(steps[1]),
                    Math.toIntExact(steps[2]),
                    tool,
                    failure.movePointLeft(2),
                    Math.toIntExact(steps[3]),
                    success == null ? null : success.movePointLeft(2)));
        }
        if (conv != null) {
            t = t.withConversation(conv);
        }
        if (rag != null) {
            t = t.withRetrieval(rag);
        }
        return new Reading(t, List.of());
    }

    private ConversationShape conversation(Numbers n) {
        String sample = text.get("convSample").get().trim();
        return new ConversationShape(
                sample,
                n.optional("convTurns") == null ? null : clamp(n.optional("convTurns")),
                n.optional("convUser"),
                n.optional("convAssistant"),
                n.optional("convSystem"),
                n.optional("convTools"),
                n.optional("convSummary"));
    }

    /** A count as an int; one too large to hold stays too large, for the validator to refuse with its range. */
    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private RetrievalRequest retrieval(Numbers n) {
        String embedding = text.get("ragEmbedding").get().trim();
        return new RetrievalRequest(
                n.lng("ragInstructions"),
                n.lng("ragTools"),
                n.lng("ragPrefix"),
                clamp(n.lng("ragChunks")),
                n.lng("ragChunkTokens"),
                n.lng("ragQuery"),
                n.lng("ragOutput"),
                n.optional("ragCorpus") == null ? 0 : n.optional("ragCorpus"),
                text.get("ragReembeds").get().isBlank() ? null : n.dec("ragReembeds"),
                embedding,
                text.get("ragReranker").get().isBlank() ? null : n.dec("ragReranker"));
    }

    /** Reads numbers from the fields, collecting the keys of those that are not numbers. */
    private final class Numbers {
        final List<String> bad = new ArrayList<>();

        private String clean(String key) {
            return text.get(key).get().trim().replace(",", "").replace("_", "");
        }

        BigDecimal dec(String key) {
            try {
                return new BigDecimal(clean(key));
            } catch (NumberFormatException e) {
                bad.add(key);
                return BigDecimal.ZERO;
            }
        }

        long lng(String key) {
            try {
                return Long.parseLong(clean(key));
            } catch (NumberFormatException e) {
                bad.add(key);
                return 0L;
            }
        }

        /** A whole number, or null when the field is blank. */
        Long optional(String key) {
            return text.get(key).get().isBlank() ? null : lng(key);
        }

        int[] size(String key) {
            String[] wh = text.get(key).get().trim().split("\\s*[x×X*]\\s*");
            try {
                return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh.length > 1 ? wh[1] : wh[0])};
            } catch (NumberFormatException e) {
                bad.add(key);
                return new int[] {0, 0};
            }
        }
    }
}

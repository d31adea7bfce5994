// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.workload.conversation.ConversationFiles;
import dev.costbench.model.workload.retrieval.EmbeddingModel;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The choices of the conversation and retrieval fields, keyed by what the scenario file stores and shown by name:
 * the built-in sample conversations and embedding models ("" first: none, type the shape).
 */
final class FlowChoices {

    private static Map<String, String> samples;
    private static Map<String, String> embeddings;

    private FlowChoices() {}

    /** Sample file name → the conversation's name; "" → typing the turns instead. */
    static synchronized Map<String, String> samples() {
        if (samples == null) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("", "None: type the turns below");
            for (String s : ConversationFiles.SAMPLES) {
                try {
                    m.put(s, ConversationFiles.sample(s).name());
                } catch (IOException e) {
                    m.put(s, s);
                }
            }
            samples = Collections.unmodifiableMap(m);
        }
        return samples;
    }

    /** Embedding model id → "Name · provider"; "" → no embeddings counted. */
    static synchronized Map<String, String> embeddings() {
        if (embeddings == null) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("", "None: embeddings not counted");
            for (EmbeddingModel e : EmbeddingModel.builtIn().models()) {
                m.put(e.id(), e.name() + (e.provider().isBlank() ? "" : " · " + e.provider()));
            }
            embeddings = Collections.unmodifiableMap(m);
        }
        return embeddings;
    }
}

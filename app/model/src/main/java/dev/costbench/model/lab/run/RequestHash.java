// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.validation.JsonReading;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The identity of a request for the response cache: the SHA-256 (lower-case hex) of a canonical JSON of what
 * decides the answer — the API family, the model, the system text, the messages (media by their SHA-256) and the
 * sampling parameters. Streaming and the OpenAI endpoint are left out (they change how the answer arrives, not what
 * it is). Nothing else goes in: never a key, a base URL or a header.
 */
public final class RequestHash {

    private static final ObjectMapper JSON = JsonReading.mapper();

    private RequestHash() {}

    /** The hash of {@code request} sent to {@code provider}. */
    public static String of(ProviderId provider, ChatRequest request) {
        return MediaBlob.sha256(canonicalJson(provider, request).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical JSON the hash is taken of (fixed property order, no whitespace, absent values as null). */
    public static String canonicalJson(ProviderId provider, ChatRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", 1);
        o.put("provider", provider.name().toLowerCase(Locale.ROOT));
        o.put("model", r.model());
        o.put("system", r.system());
        o.put("systemCache", r.systemCache() == null ? null : r.systemCache().name());
        ArrayNode ms = o.putArray("messages");
        for (ChatMessage m : r.messages()) {
            ObjectNode mo = ms.addObject();
            mo.put("role", m.role().name().toLowerCase(Locale.ROOT));
            ArrayNode parts = mo.putArray("parts");
            for (Part p : m.parts()) {
                ObjectNode po = parts.addObject();
                if (p instanceof Part.Text) {
                    Part.Text t = (Part.Text) p;
                    po.put("text", t.text());
                    po.put("cache", t.cache() == null ? null : t.cache().name());
                } else if (p instanceof Part.Image) {
                    Part.Image i = (Part.Image) p;
                    po.put("image", MediaBlob.sha256(i.data()));
                    po.put("mime", i.mimeType());
                    po.put("detail", i.detail() == null ? null : i.detail().name());
                } else if (p instanceof Part.Audio) {
                    Part.Audio a = (Part.Audio) p;
                    po.put("audio", MediaBlob.sha256(a.data()));
                    po.put("mime", a.mimeType());
                } else if (p instanceof Part.Video) {
                    Part.Video v = (Part.Video) p;
                    po.put("video", MediaBlob.sha256(v.data()));
                    po.put("mime", v.mimeType());
                    po.put("fps", v.fps());
                }
            }
        }
        o.put("maxOutputTokens", r.maxOutputTokens());
        o.put("temperature", r.temperature());
        o.put("seed", r.seed());
        o.put("reasoningBudget", r.reasoningBudget());
        o.put("reasoningEffort", r.reasoningEffort());
        o.put(
                "mediaResolution",
                r.mediaResolution() == null ? null : r.mediaResolution().name());
        if (!r.tools().isEmpty()) {
            ArrayNode tools = o.putArray("tools");
            r.tools().forEach(t -> tools.add(t.toJson()));
        }
        return o.toString();
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ToolSpec;
import java.util.Base64;
import java.util.Map;

/**
 * Builds the JSON bodies of {@code generateContent} / {@code streamGenerateContent} and {@code countTokens}:
 * {@code systemInstruction}, {@code contents} with roles user/model, parts {@code text}, {@code inline_data} (or
 * {@code file_data} for media uploaded through the Files API) with {@code video_metadata.fps} on video, and
 * {@code generationConfig}.
 */
final class GeminiRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GeminiRequests() {}

    /** {@code model} as a resource path: "gemini-2.5-flash" → "models/gemini-2.5-flash"; "tunedModels/x" as is. */
    static String resource(String model) {
        return model.contains("/") ? model : "models/" + model;
    }

    /** The generateContent body; {@code uploaded} maps media parts (by identity) to their Files API copies. */
    static ObjectNode generate(ChatRequest r, Map<Part, GeminiFiles.FileRef> uploaded) {
        ObjectNode body = JSON.objectNode();
        system(body, r);
        body.set("contents", contents(r, uploaded));
        tools(body, r);
        ObjectNode gen = body.putObject("generationConfig");
        gen.put("maxOutputTokens", r.maxOutputTokens());
        if (r.temperature() != null) {
            gen.put("temperature", r.temperature());
        }
        if (r.seed() != null) {
            gen.put("seed", r.seed());
        }
        if (r.reasoningBudget() != null) {
            gen.putObject("thinkingConfig").put("thinkingBudget", r.reasoningBudget());
        }
        String level = globalLevel(r.mediaResolution());
        if (level != null) {
            gen.put("mediaResolution", level);
        }
        return body;
    }

    /**
     * The countTokens body: {@code {"contents": …}} for plain conversations; a whole {@code generateContentRequest}
     * when system text or a media resolution changes the count (the two forms are mutually exclusive).
     */
    static ObjectNode countTokens(ChatRequest r, Map<Part, GeminiFiles.FileRef> uploaded) {
        ObjectNode body = JSON.objectNode();
        boolean hasSystem = r.system() != null && !r.system().isEmpty();
        String level = globalLevel(r.mediaResolution());
        if (!hasSystem && level == null && r.tools().isEmpty()) {
            body.set("contents", contents(r, uploaded));
            return body;
        }
        ObjectNode inner = body.putObject("generateContentRequest");
        inner.put("model", resource(r.model()));
        system(inner, r);
        inner.set("contents", contents(r, uploaded));
        tools(inner, r); // counted as generateContent would send them
        if (level != null) {
            inner.putObject("generationConfig").put("mediaResolution", level);
        }
        return body;
    }

    /** {@code "tools": [{"functionDeclarations": [{name, description, parameters}, …]}]}. */
    private static void tools(ObjectNode body, ChatRequest r) {
        if (r.tools().isEmpty()) {
            return;
        }
        ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
        for (ToolSpec t : r.tools()) {
            declarations.add(t.declaration("parameters"));
        }
    }

    private static void system(ObjectNode body, ChatRequest r) {
        if (r.system() != null && !r.system().isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", r.system());
        }
    }

    private static ArrayNode contents(ChatRequest r, Map<Part, GeminiFiles.FileRef> uploaded) {
        ArrayNode contents = JSON.arrayNode();
        for (ChatMessage m : r.messages()) {
            ObjectNode c = contents.addObject();
            c.put("role", m.role() == Role.ASSISTANT ? "model" : "user");
            ArrayNode parts = c.putArray("parts");
            for (Part p : m.parts()) {
                parts.add(part(p, uploaded.get(p), r.mediaResolution()));
            }
        }
        return contents;
    }

    private static ObjectNode part(Part p, GeminiFiles.FileRef file, MediaResolution resolution) {
        ObjectNode out = JSON.objectNode();
        if (p instanceof Part.Text t) {
            return out.put("text", t.text());
        }
        if (file != null) {
            out.putObject("file_data").put("mime_type", file.mimeType()).put("file_uri", file.uri());
        } else {
            Media m = Media.of(p);
            out.putObject("inline_data")
                    .put("mime_type", m.mimeType())
                    .put("data", Base64.getEncoder().encodeToString(m.data()));
        }
        if (p instanceof Part.Video v && v.fps() != null) {
            out.putObject("video_metadata").put("fps", v.fps());
        }
        if (p instanceof Part.Image && resolution == MediaResolution.ULTRA_HIGH) {
            // ULTRA_HIGH exists only per part (Gemini 3+), not in generationConfig.
            out.putObject("media_resolution").put("level", "MEDIA_RESOLUTION_ULTRA_HIGH");
        }
        return out;
    }

    /** {@code generationConfig.mediaResolution}: LOW/MEDIUM/HIGH; null for DEFAULT, ULTRA_HIGH (per part) or unset. */
    private static String globalLevel(MediaResolution r) {
        if (r == null) {
            return null;
        }
        switch (r) {
            case LOW:
                return "MEDIA_RESOLUTION_LOW";
            case MEDIUM:
                return "MEDIA_RESOLUTION_MEDIUM";
            case HIGH:
                return "MEDIA_RESOLUTION_HIGH";
            default:
                return null;
        }
    }

    /** The size the part adds to the request body: base64 for media, UTF-8 length for text (an estimate). */
    static long inlineSize(Part p) {
        if (p instanceof Part.Text t) {
            return t.text().length();
        }
        return 4L * ((Media.of(p).data().length + 2) / 3);
    }

    /** A media part's bytes and MIME type. */
    record Media(byte[] data, String mimeType) {

        /** The media of {@code p}; null for text. */
        static Media of(Part p) {
            if (p instanceof Part.Image i) {
                return new Media(i.data(), i.mimeType());
            }
            if (p instanceof Part.Audio a) {
                return new Media(a.data(), a.mimeType());
            }
            if (p instanceof Part.Video v) {
                return new Media(v.data(), v.mimeType());
            }
            return null;
        }
    }
}

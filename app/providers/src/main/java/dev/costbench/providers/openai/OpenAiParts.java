// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ToolSpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Encodings OpenAI's two APIs share for media parts: data URLs, {@code detail}, audio formats. */
final class OpenAiParts {

    private OpenAiParts() {}

    /** Chat Completions' {@code tools}: {@code [{"type": "function", "function": {name, description, parameters}}]}. */
    static ArrayNode chatTools(List<ToolSpec> tools) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ToolSpec t : tools) {
            out.addObject().put("type", "function").set("function", t.declaration("parameters"));
        }
        return out;
    }

    /** The Responses API's {@code tools}: flat, {@code [{"type": "function", name, description, parameters}]}. */
    static ArrayNode responsesTools(List<ToolSpec> tools) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ToolSpec t : tools) {
            ObjectNode o = out.addObject().put("type", "function");
            o.setAll(t.declaration("parameters"));
        }
        return out;
    }

    /** {@code data:image/png;base64,…} as both APIs take inline images. */
    static String dataUrl(Part.Image img) {
        return "data:" + img.mimeType() + ";base64," + Base64.getEncoder().encodeToString(img.data());
    }

    /** The {@code detail} value, or null for the API default. */
    static String detail(ImageDetail d) {
        return d == null ? null : d.name().toLowerCase(Locale.ROOT);
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** OpenAI's {@code input_audio.format} ("wav" or "mp3") for a MIME type; other formats are refused. */
    static String audioFormat(ProviderId provider, String mimeType) throws ProviderException {
        String m = mimeType.toLowerCase(Locale.ROOT);
        if (m.contains("wav")) {
            return "wav";
        }
        if (m.contains("mpeg") || m.contains("mp3")) {
            return "mp3";
        }
        throw bad(provider, "audio input must be WAV or MP3 (got " + mimeType + ")");
    }

    static ProviderException bad(ProviderId provider, String what) {
        return new ProviderException(
                provider,
                ProviderException.Kind.BAD_REQUEST,
                0,
                provider.displayName() + " cannot take this request: " + what,
                null,
                null,
                null);
    }
}

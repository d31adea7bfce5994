// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tuning.ContentKind;
import dev.costbench.model.tuning.ContentSegmenter;
import dev.costbench.model.tuning.ContentSpan;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The content kind of a whole input, for calibration: tokenizers differ most between prose, code, JSON, CJK and other
 * scripts, so each gets its own correction. A text is of one kind when at least {@link #DOMINANT} of its characters
 * are (by {@link ContentSegmenter}), otherwise {@link #MIXED}; an input with images is {@link #IMAGE}, the tool
 * definitions counted on their own are {@link #TOOLS}.
 */
public final class ContentKinds {

    public static final String TEXT = "text";
    public static final String CODE = "code";
    public static final String JSON = "json";
    public static final String CJK = "cjk";
    public static final String OTHER_SCRIPT = "other-script";
    public static final String MIXED = "mixed";
    public static final String IMAGE = "image";
    public static final String TOOLS = "tools";

    /** The share of characters that makes a text one kind. */
    public static final double DOMINANT = 0.8;

    private ContentKinds() {}

    /** The kind of {@code text}; {@link #IMAGE} when {@code withImages}. An empty text is {@link #TEXT}. */
    public static String of(String text, boolean withImages) {
        if (withImages) {
            return IMAGE;
        }
        if (text == null || text.isEmpty()) {
            return TEXT;
        }
        List<ContentSpan> spans = ContentSegmenter.segment(text);
        Map<ContentKind, Long> chars = new EnumMap<>(ContentKind.class);
        for (ContentSpan s : spans) {
            chars.merge(s.kind(), (long) (s.end() - s.start()), Long::sum);
        }
        for (Map.Entry<ContentKind, Long> e : chars.entrySet()) {
            if (e.getValue() >= DOMINANT * text.length()) {
                return code(e.getKey());
            }
        }
        return MIXED;
    }

    /**
     * The kind of a request: {@link #TOOLS} when it carries tool definitions (CostBench's request estimate leaves
     * them out, so these counts get a correction of their own), {@link #IMAGE} when a message has media, else the
     * kind of its system and message text.
     */
    public static String of(ChatRequest request) {
        if (request.tools() != null && !request.tools().isEmpty()) {
            return TOOLS;
        }
        StringBuilder text = new StringBuilder(request.system() == null ? "" : request.system());
        for (ChatMessage m : request.messages()) {
            for (Part p : m.parts()) {
                if (p instanceof Part.Text t) {
                    text.append('\n').append(t.text());
                } else {
                    return IMAGE;
                }
            }
        }
        return of(text.toString().strip(), false);
    }

    private static String code(ContentKind k) {
        switch (k) {
            case CODE:
                return CODE;
            case JSON:
                return JSON;
            case CJK:
                return CJK;
            case OTHER_SCRIPT:
                return OTHER_SCRIPT;
            default:
                return TEXT;
        }
    }

    /** The kind in the user's words: "text", "code", "JSON", "CJK text", … */
    public static String label(String kind) {
        switch (kind) {
            case CODE:
                return "code";
            case JSON:
                return "JSON";
            case CJK:
                return "CJK text";
            case OTHER_SCRIPT:
                return "text in other scripts";
            case MIXED:
                return "mixed content";
            case IMAGE:
                return "prompts with images";
            case TOOLS:
                return "tool definitions";
            default:
                return "text";
        }
    }

    /** The tokenizer family in the user's words: "Claude", "Claude (2026 tokenizer)", "Gemini", or the name. */
    public static String familyLabel(String family) {
        switch (family) {
            case "claude":
                return "Claude";
            case "claude-2026":
                return "Claude (2026 tokenizer)";
            case "gemini":
                return "Gemini";
            case GeminiEstimator.GEMINI_BY_GEMMA3:
                return "Gemini (Gemma 3 estimate)";
            default:
                return family;
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool-use system prompt Anthropic adds to a request that has at least one tool, per model and tool choice.
 *
 * <p>Source: Anthropic, "Tool use with Claude" overview, section Pricing, table "Tool use system prompt token count"
 * (platform.claude.com/docs/en/agents-and-tools/tool-use/overview, 2026 revision). Claude Sonnet 3.7, Opus 3 and
 * Haiku 3 are from the earlier revision of the same page (docs.anthropic.com/en/docs/build-with-claude/tool-use),
 * which the current one no longer lists. Models in neither table are assumed to match Claude Sonnet 5, the newest
 * model listed, and are labelled UNCONFIRMED.
 */
public final class AnthropicToolOverhead {

    /** Tokens for {@code auto}/{@code none} and for {@code any}/{@code tool}. */
    public record Overhead(int autoOrNone, int anyOrTool, String model, boolean listed) {
        public int tokens(ToolChoice choice) {
            return choice.forcesTool() ? anyOrTool : autoOrNone;
        }
    }

    /** Catalog id prefix → overhead; the longest matching prefix wins (so dated ids match their family). */
    private static final Map<String, Overhead> TABLE = new LinkedHashMap<>();

    static {
        put("claude-opus-4-8", 290, 410, "Claude Opus 4.8");
        put("claude-opus-4-7", 675, 804, "Claude Opus 4.7");
        put("claude-opus-4-6", 497, 589, "Claude Opus 4.6");
        put("claude-opus-4-5", 496, 588, "Claude Opus 4.5");
        put("claude-opus-4-1", 313, 315, "Claude Opus 4.1");
        put("claude-opus-4", 313, 315, "Claude Opus 4");
        put("claude-sonnet-5", 354, 474, "Claude Sonnet 5");
        put("claude-sonnet-4-6", 497, 589, "Claude Sonnet 4.6");
        put("claude-sonnet-4-5", 496, 588, "Claude Sonnet 4.5");
        put("claude-sonnet-4", 313, 315, "Claude Sonnet 4");
        put("claude-haiku-4-5", 496, 588, "Claude Haiku 4.5");
        put("claude-3-5-haiku", 264, 355, "Claude Haiku 3.5");
        put("claude-3-7-sonnet", 346, 313, "Claude Sonnet 3.7");
        put("claude-3-opus", 530, 281, "Claude Opus 3");
        put("claude-3-haiku", 264, 340, "Claude Haiku 3");
    }

    private static final Overhead NEWEST = TABLE.get("claude-sonnet-5");

    private AnthropicToolOverhead() {}

    private static void put(String prefix, int auto, int any, String model) {
        TABLE.put(prefix, new Overhead(auto, any, model, true));
    }

    /** The overhead for the catalog model {@code modelId}; an unlisted model gets Claude Sonnet 5's, not listed. */
    public static Overhead of(String modelId) {
        String best = null;
        for (String prefix : TABLE.keySet()) {
            if (matches(modelId, prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return new Overhead(NEWEST.autoOrNone(), NEWEST.anyOrTool(), NEWEST.model(), false);
        }
        return TABLE.get(best);
    }

    /**
     * {@code claude-sonnet-4-5-20250929} matches {@code claude-sonnet-4-5}; {@code claude-sonnet-5-5} does not match
     * {@code claude-sonnet-5}.
     */
    private static boolean matches(String id, String prefix) {
        if (!id.startsWith(prefix)) {
            return false;
        }
        String rest = id.substring(prefix.length());
        return rest.isEmpty() || rest.matches("-\\d{8}.*|-latest|@.*|:.*");
    }
}

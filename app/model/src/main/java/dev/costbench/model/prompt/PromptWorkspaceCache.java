// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.provider.Part;
import java.util.List;
import java.util.Objects;

/**
 * The cache breakpoints of a {@link PromptWorkspace} ("Cache up to here" in the Prompt view's editors) and the
 * lifetime sent with them. In a file:
 *
 * <pre>{@code
 * "cache": { "ttl": "5m",
 *            "breakpoints": [ { "part": "system", "offset": 812 }, { "part": "fewShot[1]", "offset": 40 } ] }
 * }</pre>
 *
 * @param ttl         the lifetime sent with the breakpoints (Anthropic {@code cache_control} ttl)
 * @param breakpoints in the order they were marked
 */
public record PromptWorkspaceCache(Part.CacheTtl ttl, List<Breakpoint> breakpoints) {

    /** No breakpoints, the five-minute lifetime. */
    public static final PromptWorkspaceCache NONE = new PromptWorkspaceCache(Part.CacheTtl.FIVE_MINUTES, List.of());

    /**
     * A breakpoint after {@code offset} characters (UTF-16 units) of one part of the prompt.
     *
     * @param part the system prompt ({@code "system"}), the user message ({@code "user"}) or a few-shot turn
     *             ({@code "fewShot[0]"}, the first)
     */
    public record Breakpoint(String part, int offset) {
        public Breakpoint {
            Objects.requireNonNull(part, "part");
            if (!part.equals("system") && !part.equals("user") && turnIndex(part) < 0) {
                throw new IllegalArgumentException("part: expected \"system\", \"user\" or \"fewShot[n]\", got \""
                        + (part.length() > 40 ? part.substring(0, 40) + "…" : part) + "\"");
            }
            if (offset < 0) {
                throw new IllegalArgumentException("offset: " + offset + " is negative; a breakpoint is a number of "
                        + "characters from the start of its part");
            }
        }

        /** A breakpoint in few-shot turn {@code index} (0: the first). */
        public static Breakpoint turn(int index, int offset) {
            return new Breakpoint("fewShot[" + index + "]", offset);
        }

        /** The few-shot turn this breakpoint is in (0: the first), or -1 for the system prompt or user message. */
        public int turnIndex() {
            return turnIndex(part);
        }

        private static int turnIndex(String part) {
            if (!part.startsWith("fewShot[") || !part.endsWith("]") || part.length() < 10 || part.length() > 14) {
                return -1;
            }
            String n = part.substring(8, part.length() - 1);
            if (!n.chars().allMatch(Character::isDigit) || (n.length() > 1 && n.charAt(0) == '0')) {
                return -1;
            }
            return Integer.parseInt(n);
        }
    }

    public PromptWorkspaceCache {
        ttl = ttl == null ? Part.CacheTtl.FIVE_MINUTES : ttl;
        breakpoints = List.copyOf(breakpoints);
    }

    /** The file's word for a lifetime: "5m" or "1h" (as Anthropic writes it). */
    public static String ttlWord(Part.CacheTtl t) {
        return t == Part.CacheTtl.ONE_HOUR ? "1h" : "5m";
    }

    /** Reads "5m" or "1h". */
    public static Part.CacheTtl parseTtl(String word) {
        return switch (word) {
            case "5m" -> Part.CacheTtl.FIVE_MINUTES;
            case "1h" -> Part.CacheTtl.ONE_HOUR;
            default ->
                throw new IllegalArgumentException("cache.ttl: expected \"5m\" or \"1h\", got \""
                        + (word.length() > 40 ? word.substring(0, 40) + "…" : word) + "\"");
        };
    }

    /** Each breakpoint lies inside its part: a turn that exists, an offset no further than the end of its text. */
    void check(String system, List<String> turns, String user) {
        for (int i = 0; i < breakpoints.size(); i++) {
            Breakpoint b = breakpoints.get(i);
            String at = "cache.breakpoints[" + i + "]";
            String text;
            String what;
            if (b.part().equals("system")) {
                text = system;
                what = "the system prompt";
            } else if (b.part().equals("user")) {
                text = user;
                what = "the user message";
            } else if (b.turnIndex() < turns.size()) {
                text = turns.get(b.turnIndex());
                what = "few-shot turn " + (b.turnIndex() + 1);
            } else {
                throw new IllegalArgumentException(at + ".part: \"" + b.part() + "\" names a few-shot turn the "
                        + "workspace does not have (it has " + turns.size() + ")");
            }
            if (b.offset() > text.length()) {
                throw new IllegalArgumentException(at + ".offset: " + b.offset() + " is past the end of " + what + " ("
                        + text.length() + " characters)");
            }
        }
    }
}

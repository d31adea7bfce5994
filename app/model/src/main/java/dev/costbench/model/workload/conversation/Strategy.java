// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import java.util.Locale;

/**
 * How a conversation's history is carried from turn to turn.
 *
 * @param kind what is done
 * @param n    for {@link Kind#SUMMARIZE} every how many turns, for {@link Kind#WINDOW} how many turns are kept; 0
 *             otherwise
 */
public record Strategy(Kind kind, int n) {

    /** The largest N a strategy takes. */
    public static final int MAX_N = 10_000;

    public enum Kind {
        /** Every request re-sends the whole history. */
        FULL,
        /** The whole history, with the growing prefix served from the provider's prompt cache. */
        CACHE,
        /** Every N turns the turns since the last summary are folded into one summary by a summarizer call. */
        SUMMARIZE,
        /** Only the last N turns are re-sent. */
        WINDOW
    }

    public static final Strategy FULL = new Strategy(Kind.FULL, 0);
    public static final Strategy CACHE = new Strategy(Kind.CACHE, 0);

    public Strategy {
        boolean needsN = kind == Kind.SUMMARIZE || kind == Kind.WINDOW;
        if (needsN && (n < 1 || n > MAX_N)) {
            throw new IllegalArgumentException(id(kind) + " needs a number of turns from 1 to " + MAX_N + ", got " + n);
        }
        n = needsN ? n : 0;
    }

    public static Strategy summarize(int every) {
        return new Strategy(Kind.SUMMARIZE, every);
    }

    public static Strategy window(int turns) {
        return new Strategy(Kind.WINDOW, turns);
    }

    /**
     * Reads {@code full}, {@code cache}, {@code summarize:N} or {@code window:N}.
     *
     * @throws IllegalArgumentException whose message says what is accepted
     */
    public static Strategy parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String word = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1).trim();
        switch (word) {
            case "full":
            case "cache":
                if (arg != null) {
                    throw new IllegalArgumentException(word + " takes no number, got '" + s + "'");
                }
                return word.equals("full") ? FULL : CACHE;
            case "summarize":
            case "window":
                if (arg == null || !arg.matches("[0-9]{1,6}")) {
                    throw new IllegalArgumentException(
                            word + " needs a number of turns, e.g. " + word + ":5, got '" + s + "'");
                }
                return new Strategy(word.equals("summarize") ? Kind.SUMMARIZE : Kind.WINDOW, Integer.parseInt(arg));
            default:
                throw new IllegalArgumentException(
                        "unknown strategy '" + s + "' (full, cache, summarize:N or window:N)");
        }
    }

    /** The strategy as written on the command line and in JSON: "full", "cache", "summarize:5", "window:8". */
    public String id() {
        return kind == Kind.SUMMARIZE || kind == Kind.WINDOW ? id(kind) + ":" + n : id(kind);
    }

    /** The strategy in words: "Full history", "Prompt caching", "Summarize every 5 turns", "Last 8 turns". */
    public String label() {
        return switch (kind) {
            case FULL -> "Full history";
            case CACHE -> "Prompt caching";
            case SUMMARIZE -> n == 1 ? "Summarize every turn" : "Summarize every " + n + " turns";
            case WINDOW -> n == 1 ? "Last turn only" : "Last " + n + " turns";
        };
    }

    private static String id(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}

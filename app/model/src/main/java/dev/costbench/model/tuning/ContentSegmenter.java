// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a prompt into spans of prose, code, JSON, CJK and other scripts, covering it exactly. Code and JSON are
 * found first: fenced blocks (json-tagged or untagged fences holding JSON are JSON, other fences code), JSON blocks
 * outside fences, inline code spans, and runs of two or more lines that look like source code. The rest is
 * classified by script, letter by letter; digits, punctuation, spaces, symbols and emoji join the script before
 * them (or after, at the start).
 */
public final class ContentSegmenter {

    private static final Set<String> JSON_FENCES = Set.of("json", "jsonc", "json5", "jsonschema", "jsonl");
    private static final Pattern CODE_START = Pattern.compile("^(def |class |import |from \\S+ import |return\\b|"
            + "if ?\\(|for ?\\(|while ?\\(|switch ?\\(|function\\b|const |let |var |public |private |protected |"
            + "static |#include|#define|package |func |fn |elif |else\\b|try:|except\\b|catch ?\\(|finally\\b|"
            + "SELECT |INSERT |UPDATE |DELETE |CREATE |[}\\])]|@\\w+|print\\(|console\\.|async |await |yield |"
            + "\\$ |>>> |// |/\\*|\\* |<\\?|</?[a-zA-Z][\\w-]*[ >/])");
    private static final Pattern CODE_END = Pattern.compile("(;|\\{|\\}|\\):|\\) \\{|=>|\\[|\\(|,\\)|\\)\\)|\\);)$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_$][\\w.$\\[\\]]*\\s*(=|\\+=|-=|:=)\\s*\\S.*");

    private static final byte NONE = -1;

    private ContentSegmenter() {}

    /** The spans of {@code text}, in order, contiguous, none empty, neighbours of different kinds. */
    public static List<ContentSpan> segment(String text) {
        int n = text.length();
        byte[] kind = new byte[n];
        Arrays.fill(kind, NONE);
        for (TextRange f : Regions.fences(text)) {
            String info = Regions.fenceInfo(text, f);
            boolean json = JSON_FENCES.contains(info);
            mark(kind, f.start(), f.end(), json ? ContentKind.JSON : ContentKind.CODE, true);
        }
        for (TextRange j : JsonBlocks.find(text)) {
            // An untagged fence around a JSON block is JSON too.
            mark(kind, j.start(), j.end(), ContentKind.JSON, true);
        }
        for (TextRange f : Regions.fences(text)) {
            if (kind[f.start()] == ContentKind.CODE.ordinal() && untaggedJsonFence(text, f, kind)) {
                mark(kind, f.start(), f.end(), ContentKind.JSON, true);
            }
        }
        for (TextRange c : Regions.code(text)) {
            mark(kind, c.start(), c.end(), ContentKind.CODE, false);
        }
        markCodeLines(text, kind);
        byScript(text, kind);
        return spans(kind);
    }

    /** An untagged fence whose content is JSON and nothing else. */
    private static boolean untaggedJsonFence(String text, TextRange f, byte[] kind) {
        int firstLineEnd = Regions.lineEnd(text, f.start());
        String info = text.substring(f.start(), firstLineEnd)
                .trim()
                .replaceAll("^[`~]+", "")
                .trim();
        if (!info.isEmpty()) {
            return false;
        }
        boolean json = false;
        for (int i = firstLineEnd; i < f.end(); i++) {
            char c = text.charAt(i);
            if (kind[i] == ContentKind.JSON.ordinal()) {
                json = true;
            } else if (!Character.isWhitespace(c) && c != '`' && c != '~') {
                return false;
            }
        }
        return json;
    }

    private static void mark(byte[] kind, int start, int end, ContentKind k, boolean override) {
        for (int i = start; i < end; i++) {
            if (override || kind[i] == NONE) {
                kind[i] = (byte) k.ordinal();
            }
        }
    }

    /** Runs of two or more unclassified lines that look like code (indented lines after code continue a run). */
    private static void markCodeLines(String text, byte[] kind) {
        List<int[]> run = new ArrayList<>();
        int ls = 0;
        boolean prevCode = false;
        while (ls <= text.length()) {
            int le = Regions.lineEnd(text, ls);
            String line = text.substring(ls, le);
            boolean free = ls == le || allFree(kind, ls, le);
            boolean blank = line.isBlank();
            boolean code = free
                    && !blank
                    && (looksLikeCode(line) || (prevCode && (line.startsWith("    ") || line.startsWith("\t"))));
            if (code) {
                run.add(new int[] {ls, Math.min(text.length(), le + 1)});
                prevCode = true;
            } else if (!(blank && free && prevCode)) {
                flush(run, kind);
                prevCode = false;
            }
            if (le >= text.length()) {
                break;
            }
            ls = le + 1;
        }
        flush(run, kind);
    }

    private static void flush(List<int[]> run, byte[] kind) {
        if (run.size() >= 2) {
            // Blank lines inside the run are code too; the run ends with its last code line.
            mark(kind, run.get(0)[0], run.get(run.size() - 1)[1], ContentKind.CODE, false);
        }
        run.clear();
    }

    static boolean looksLikeCode(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return false;
        }
        return CODE_START.matcher(t).find()
                || CODE_END.matcher(t).find()
                || ASSIGNMENT.matcher(t).matches();
    }

    private static boolean allFree(byte[] kind, int from, int to) {
        for (int i = from; i < to; i++) {
            if (kind[i] != NONE) {
                return false;
            }
        }
        return true;
    }

    /** Classifies the still unclassified chars by script; neutral chars join their neighbour. */
    private static void byScript(String text, byte[] kind) {
        int n = text.length();
        byte last = NONE;
        int pendingFrom = -1;
        int i = 0;
        while (i < n) {
            if (kind[i] != NONE) {
                if (pendingFrom >= 0) {
                    fill(kind, pendingFrom, i, last == NONE ? (byte) ContentKind.PROSE.ordinal() : last);
                    pendingFrom = -1;
                }
                last = NONE;
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            ContentKind k = scriptKind(cp);
            if (k == null) {
                if (pendingFrom < 0) {
                    pendingFrom = i;
                }
            } else {
                byte kb = (byte) k.ordinal();
                if (pendingFrom >= 0) {
                    fillNeutral(text, kind, pendingFrom, i, last, kb);
                    pendingFrom = -1;
                }
                fill(kind, i, Math.min(n, i + len), kb);
                last = kb;
            }
            i += len;
        }
        if (pendingFrom >= 0) {
            fill(kind, pendingFrom, n, last == NONE ? (byte) ContentKind.PROSE.ordinal() : last);
        }
    }

    /**
     * A neutral run between scripts {@code before} and {@code after}: it joins {@code before} up to its first
     * whitespace and {@code after} from there ("Hello, 世界" → "Hello," + " 世界").
     */
    private static void fillNeutral(String text, byte[] kind, int from, int to, byte before, byte after) {
        if (before == NONE || before == after) {
            fill(kind, from, to, after);
            return;
        }
        int cut = from;
        while (cut < to && !Character.isWhitespace(text.charAt(cut))) {
            cut++;
        }
        fill(kind, from, cut, before);
        fill(kind, cut, to, cut == to ? before : after);
    }

    private static void fill(byte[] kind, int from, int to, byte k) {
        for (int i = from; i < to; i++) {
            kind[i] = k;
        }
    }

    /** The kind a letter's script makes, or null for neutral characters (digits, punctuation, space, symbols). */
    static ContentKind scriptKind(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        switch (s) {
            case HAN:
            case HIRAGANA:
            case KATAKANA:
            case HANGUL:
            case BOPOMOFO:
                return ContentKind.CJK;
            case LATIN:
                return Character.isLetter(cp) ? ContentKind.PROSE : null;
            case COMMON:
            case INHERITED:
            case UNKNOWN:
                if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65)) {
                    return ContentKind.CJK; // CJK and full-width punctuation
                }
                return null;
            default:
                return Character.isLetter(cp) ? ContentKind.OTHER_SCRIPT : null;
        }
    }

    private static List<ContentSpan> spans(byte[] kind) {
        List<ContentSpan> out = new ArrayList<>();
        ContentKind[] kinds = ContentKind.values();
        int start = 0;
        for (int i = 1; i <= kind.length; i++) {
            if (i == kind.length || kind[i] != kind[start]) {
                out.add(new ContentSpan(kinds[kind[start]], start, i));
                start = i;
            }
        }
        return out;
    }
}

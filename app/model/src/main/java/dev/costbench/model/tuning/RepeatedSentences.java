// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instructions said twice: identical sentences (after case, spacing, list markers and end punctuation are
 * ignored), or near-identical ones (character-bigram Jaccard ≥ {@value #NEAR}, long sentences only). The later
 * occurrence, or a later sentence wholly contained in an earlier one, is removed with its separating space, or its
 * whole line when it is alone on it. Works for scripts
 * without spaces (CJK sentences end at 。！？).
 */
final class RepeatedSentences {

    static final double NEAR = 0.85;
    private static final int MIN_IDENTICAL = 12;
    private static final int MIN_NEAR = 30;

    private record Unit(int start, int end, String key, Set<String> bigrams, boolean wholeLine) {}

    private RepeatedSentences() {}

    static List<Candidate> find(String text) {
        List<TextRange> code = Regions.code(text);
        List<Unit> units = units(text, code);
        // each distinct sentence is a representative; a later unit joins the group of the one it repeats
        Map<String, Integer> groupOfKey = new HashMap<>();
        List<Integer> reps = new ArrayList<>();
        Map<Integer, List<Integer>> copies = new LinkedHashMap<>();
        Map<Integer, Boolean> onlyIdentical = new HashMap<>();
        for (int j = 0; j < units.size(); j++) {
            Unit later = units.get(j);
            Integer g = groupOfKey.get(later.key);
            if (g != null) {
                if (later.key.codePointCount(0, later.key.length()) >= MIN_IDENTICAL) {
                    copies.computeIfAbsent(g, k -> new ArrayList<>()).add(j);
                }
                continue;
            }
            Integer match = null;
            for (int i : reps) {
                Unit first = units.get(i);
                boolean within = later.key.codePointCount(0, later.key.length()) >= MIN_IDENTICAL
                        && first.key.contains(later.key);
                double ratio = later.key.length() / (double) Math.max(1, first.key.length());
                boolean near = !within
                        && ratio > 0.7
                        && ratio < 1.43
                        && later.key.length() >= MIN_NEAR
                        && first.key.length() >= MIN_NEAR
                        && jaccard(first.bigrams, later.bigrams) >= NEAR;
                if (within || near) {
                    match = i;
                    break;
                }
            }
            if (match == null) {
                reps.add(j);
                groupOfKey.put(later.key, j);
            } else {
                groupOfKey.put(later.key, match);
                copies.computeIfAbsent(match, k -> new ArrayList<>()).add(j);
                onlyIdentical.put(match, false);
            }
        }
        List<Candidate> out = new ArrayList<>();
        copies.forEach((first, later) -> {
            List<TextEdit> edits = new ArrayList<>();
            for (int j : later) {
                TextEdit e = removal(text, units.get(j));
                if (TextEdit.disjoint(edits, List.of(e))) {
                    edits.add(e);
                }
            }
            Unit u = units.get(first);
            boolean same = onlyIdentical.getOrDefault(first, true);
            String quote = shorten(text.substring(u.start, u.end));
            out.add(new Candidate(
                    "repeated-" + u.start,
                    SuggestionKind.REPEATED,
                    (same ? "Repeated instruction: “" : "Repeated or near-repeated instruction: “") + quote + "” ("
                            + edits.size() + "× more)",
                    "First said at line " + line(text, u.start)
                            + (same
                                    ? ""
                                    : "; some copies are worded slightly differently or sit inside a longer sentence")
                            + ". The later copies are removed.",
                    edits));
        });
        return out;
    }

    private static TextEdit removal(String text, Unit u) {
        if (u.wholeLine) {
            int ls = Regions.lineStart(text, u.start);
            int le = Regions.lineEnd(text, u.end);
            if (le < text.length()) {
                return TextEdit.of(text, ls, le + 1, "");
            }
            return TextEdit.of(text, ls > 0 ? ls - 1 : ls, le, "");
        }
        int e = u.end;
        while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
            e++;
        }
        if (e < text.length() && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
            return TextEdit.of(text, u.start, e, "");
        }
        int s = u.start;
        while (s > 0 && (text.charAt(s - 1) == ' ' || text.charAt(s - 1) == '\t')) {
            s--;
        }
        return TextEdit.of(text, s, u.end, "");
    }

    /** Sentences outside code, line by line. */
    private static List<Unit> units(String text, List<TextRange> code) {
        List<Unit> out = new ArrayList<>();
        int ls = 0;
        while (ls <= text.length()) {
            int le = Regions.lineEnd(text, ls);
            String line = text.substring(ls, le);
            int body = ls + marker(line);
            List<int[]> sentences = new ArrayList<>();
            int s = body;
            for (int i = body; i < le; i++) {
                char c = text.charAt(i);
                boolean cjkEnd = c == '。' || c == '！' || c == '？';
                boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == le || text.charAt(i + 1) == ' ');
                if (cjkEnd || end) {
                    sentences.add(new int[] {s, i + 1});
                    s = i + 1;
                    while (s < le && text.charAt(s) == ' ') {
                        s++;
                    }
                    i = s - 1;
                }
            }
            if (s < le && !text.substring(s, le).isBlank()) {
                sentences.add(new int[] {s, le});
            }
            for (int[] r : sentences) {
                int a = r[0];
                int b = r[1];
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                if (b <= a || Regions.overlaps(code, a, b)) {
                    continue;
                }
                String key = key(text.substring(a, b));
                if (key.isEmpty()) {
                    continue;
                }
                boolean whole = sentences.size() == 1 && text.substring(b, le).isBlank();
                out.add(new Unit(a, b, key, bigrams(key), whole));
            }
            ls = le + 1;
        }
        return out;
    }

    /** The length of a leading list marker ("- ", "* ", "1. ", "2) ") with its indentation. */
    private static int marker(String line) {
        Matcher m = Pattern.compile("^[ \\t]*(?:[-*•+]|\\d{1,3}[.)])?[ \\t]*").matcher(line);
        return m.lookingAt() ? m.end() : 0;
    }

    static String key(String sentence) {
        String n = Normalizer.normalize(sentence, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = n.replaceAll("[\\s]+", " ").replaceAll("[\\p{P}\\s]+$", "").trim();
        return n;
    }

    private static Set<String> bigrams(String key) {
        Set<String> s = new HashSet<>();
        int[] cps = key.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            s.add(new String(cps, i, 2));
        }
        return s;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (String x : a) {
            if (b.contains(x)) {
                inter++;
            }
        }
        return inter / (double) (a.size() + b.size() - inter);
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.codePointCount(0, one.length()) <= 60 ? one : one.substring(0, one.offsetByCodePoints(0, 57)) + "…";
    }

    private static int line(String text, int pos) {
        int n = 1;
        for (int i = 0; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}

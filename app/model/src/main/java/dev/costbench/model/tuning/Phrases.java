// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filler and politeness phrases (removed) and verbose phrasings with a shorter equivalent (replaced), matched on
 * whole words only, case-insensitively, outside code and quoted text. When a removed phrase opened a sentence the
 * next word is capitalised ("Please summarize" → "Summarize"); a replacement keeps the case of the first letter.
 */
final class Phrases {

    /** Filler removed before the next word; longer phrases first. */
    static final List<String> FILLER = List.of(
            "it is very important that you",
            "it is important that you",
            "it's important that you",
            "it is crucial that you",
            "it is essential that you",
            "i would like you to",
            "i'd like you to",
            "i want you to",
            "please make sure that you",
            "please make sure to",
            "please ensure that you",
            "please note that",
            "make sure that you",
            "make sure to",
            "be sure to",
            "kindly",
            "please");

    /** Verbose phrasing → shorter equivalent. */
    static final Map<String, String> VERBOSE = new LinkedHashMap<>();

    static {
        VERBOSE.put("in spite of the fact that", "although");
        VERBOSE.put("despite the fact that", "although");
        VERBOSE.put("due to the fact that", "because");
        VERBOSE.put("owing to the fact that", "because");
        VERBOSE.put("at this point in time", "now");
        VERBOSE.put("at the present time", "now");
        VERBOSE.put("in the event that", "if");
        VERBOSE.put("for the purpose of", "for");
        VERBOSE.put("in the near future", "soon");
        VERBOSE.put("until such time as", "until");
        VERBOSE.put("a large number of", "many");
        VERBOSE.put("in a timely manner", "promptly");
        VERBOSE.put("on a daily basis", "daily");
        VERBOSE.put("has the ability to", "can");
        VERBOSE.put("have the ability to", "can");
        VERBOSE.put("first and foremost", "first");
        VERBOSE.put("with regard to", "about");
        VERBOSE.put("with regards to", "about");
        VERBOSE.put("with respect to", "about");
        VERBOSE.put("in regard to", "about");
        VERBOSE.put("the majority of", "most");
        VERBOSE.put("each and every", "every");
        VERBOSE.put("in order to", "to");
        VERBOSE.put("is able to", "can");
        VERBOSE.put("are able to", "can");
        VERBOSE.put("make use of", "use");
        VERBOSE.put("prior to", "before");
        VERBOSE.put("subsequent to", "after");
    }

    private static final String WORD = "[\\p{L}\\p{N}_'’-]";
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]{0,400}\"|“[^”\\n]{0,400}”|«[^»\\n]{0,400}»");

    private Phrases() {}

    static List<Candidate> filler(String text) {
        List<TextRange> keep = protectedRanges(text);
        Map<String, List<TextEdit>> byPhrase = new LinkedHashMap<>();
        Matcher m = alternation(FILLER).matcher(text);
        while (m.find()) {
            if (Regions.overlaps(keep, m.start(), m.end()) || shouted(m.group())) {
                continue;
            }
            TextEdit e = fillerEdit(text, m.start(), m.end());
            if (e == null) {
                continue;
            }
            List<TextEdit> group = byPhrase.computeIfAbsent(
                    m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace('’', '\''),
                    k -> new ArrayList<>());
            if (group.isEmpty() || group.get(group.size() - 1).end() <= e.start()) {
                group.add(e);
            }
        }
        List<Candidate> out = new ArrayList<>();
        byPhrase.forEach((phrase, edits) -> out.add(
                edits.isEmpty()
                        ? null
                        : new Candidate(
                                "filler-" + slug(phrase),
                                SuggestionKind.FILLER,
                                "Remove “" + phrase + "” (" + edits.size() + "×)",
                                "Politeness and emphasis phrases cost tokens "
                                        + "and rarely change the answer; check the result in the A/B lab.",
                                edits)));
        out.removeIf(Objects::isNull);
        return out;
    }

    static List<Candidate> verbose(String text) {
        List<TextRange> keep = protectedRanges(text);
        Map<String, List<TextEdit>> byPhrase = new LinkedHashMap<>();
        Matcher m = alternation(List.copyOf(VERBOSE.keySet())).matcher(text);
        while (m.find()) {
            if (Regions.overlaps(keep, m.start(), m.end())) {
                continue;
            }
            String key = m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String repl = VERBOSE.get(key);
            if (repl == null) {
                continue;
            }
            if (Character.isUpperCase(m.group().charAt(0))) {
                repl = Character.toUpperCase(repl.charAt(0)) + repl.substring(1);
            }
            byPhrase.computeIfAbsent(key, k -> new ArrayList<>()).add(TextEdit.of(text, m.start(), m.end(), repl));
        }
        List<Candidate> out = new ArrayList<>();
        byPhrase.forEach((phrase, edits) -> out.add(new Candidate(
                "verbose-" + slug(phrase),
                SuggestionKind.VERBOSE,
                "“" + phrase + "” → “" + VERBOSE.get(phrase) + "” (" + edits.size() + "×)",
                "A shorter phrasing with the same meaning.",
                edits)));
        return out;
    }

    private static List<TextRange> protectedRanges(String text) {
        List<TextRange> keep = new ArrayList<>(Regions.code(text));
        keep.addAll(quoted(text));
        return keep;
    }

    /** Double-quoted spans on one line ("…", “…”, «…»): literal text the prompt asks for. */
    static List<TextRange> quoted(String text) {
        List<TextRange> out = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            out.add(new TextRange(q.start(), q.end()));
        }
        return out;
    }

    private static Pattern alternation(List<String> phrases) {
        List<String> sorted = new ArrayList<>(phrases);
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder b = new StringBuilder("(?<!" + WORD + ")(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                b.append('|');
            }
            String[] words = sorted.get(i).split(" ");
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    b.append("[ \\t]+");
                }
                String[] parts = words[w].split("'", -1);
                for (int k = 0; k < parts.length; k++) {
                    b.append(k > 0 ? "['’]" : "").append(parts[k].isEmpty() ? "" : Pattern.quote(parts[k]));
                }
            }
        }
        b.append(")(?!" + WORD + ")");
        return Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The edit removing a filler phrase at {@code [s, e)}, or null when removing it could break the sentence. */
    private static TextEdit fillerEdit(String text, int s, int e) {
        int next = e;
        if (next < text.length() && text.charAt(next) == ',') {
            next++;
        }
        while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        if (next < text.length() && next > e && Character.isLetter(text.codePointAt(next))) {
            int cp = text.codePointAt(next);
            boolean opened = Character.isUpperCase(text.charAt(s));
            if (opened && Character.isLowerCase(cp)) {
                int after = next + Character.charCount(cp);
                String upper = new String(Character.toChars(Character.toUpperCase(cp)));
                if (Character.charCount(Character.toUpperCase(cp)) == Character.charCount(cp)) {
                    return TextEdit.of(text, s, after, upper);
                }
                return null;
            }
            return TextEdit.of(text, s, next, "");
        }
        // "…, please." at the end of a sentence: drop the phrase with its comma and the space before it
        String phrase = text.substring(s, e).toLowerCase(Locale.ROOT);
        boolean closing = e >= text.length() || ".!?\n".indexOf(text.charAt(e)) >= 0;
        if (closing && (phrase.equals("please") || phrase.equals("kindly"))) {
            int from = s;
            while (from > 0 && text.charAt(from - 1) == ' ') {
                from--;
            }
            if (from > 0 && text.charAt(from - 1) == ',') {
                from--;
            }
            if (from > 0 && from < s && Character.isLetterOrDigit(text.charAt(from - 1))) {
                return TextEdit.of(text, from, e, "");
            }
        }
        return null;
    }

    /** "PLEASE READ CAREFULLY": capitals are deliberate emphasis, left alone. */
    private static boolean shouted(String s) {
        return s.length() > 1 && s.equals(s.toUpperCase(Locale.ROOT));
    }

    static String slug(String phrase) {
        return phrase.replaceAll("[^a-z0-9]+", "-");
    }
}

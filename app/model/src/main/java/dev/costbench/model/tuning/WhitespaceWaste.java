// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trailing spaces, runs of blank lines and runs of spaces between words, never inside code (fenced blocks and
 * inline spans), where whitespace can be meaning; runs of spaces are also kept inside quoted text. Leading indentation
 * and tabs are kept (lists, YAML, TSV).
 */
final class WhitespaceWaste {

    private static final Pattern TRAILING = Pattern.compile("(?m)[ \\t]+$");
    private static final Pattern BLANK_RUN = Pattern.compile("\\n{3,}");
    private static final Pattern SPACE_RUN = Pattern.compile("(?<=\\S) {2,}(?=\\S)");

    private WhitespaceWaste() {}

    static List<Candidate> find(String text) {
        List<TextRange> code = Regions.code(text);
        List<Candidate> out = new ArrayList<>();
        add(
                out,
                "whitespace-trailing",
                "Remove trailing spaces",
                "Spaces and tabs at line ends are tokens the " + "model does not need.",
                edits(text, TRAILING, code, ""));
        add(
                out,
                "whitespace-blank-lines",
                "Collapse runs of blank lines",
                "Two or more empty lines in a row become " + "one.",
                edits(text, BLANK_RUN, code, "\n\n"));
        List<TextRange> codeAndQuotes = new ArrayList<>(code);
        codeAndQuotes.addAll(Phrases.quoted(text));
        add(
                out,
                "whitespace-space-runs",
                "Collapse runs of spaces",
                "Several spaces between words become one " + "(indentation, tabs, code and quoted text are kept).",
                edits(text, SPACE_RUN, codeAndQuotes, " "));
        return out;
    }

    private static void add(List<Candidate> out, String id, String title, String detail, List<TextEdit> edits) {
        if (!edits.isEmpty()) {
            out.add(new Candidate(id, SuggestionKind.WHITESPACE, title + " (" + edits.size() + "×)", detail, edits));
        }
    }

    private static List<TextEdit> edits(String text, Pattern p, List<TextRange> code, String replacement) {
        List<TextEdit> edits = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (!Regions.overlaps(code, m.start(), m.end())) {
                edits.add(TextEdit.of(text, m.start(), m.end(), replacement));
            }
        }
        return edits;
    }
}

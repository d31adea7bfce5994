// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parts of a prompt the prose suggestions must not touch: fenced code blocks and inline code spans. */
final class Regions {

    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(`{3,}|~{3,})");
    private static final Pattern INLINE = Pattern.compile("`[^`\\n]+`");

    private Regions() {}

    /** Fenced code blocks, fence lines included; an unclosed fence runs to the end of the text. */
    static List<TextRange> fences(String text) {
        List<TextRange> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String fence = m.group(1);
            int start = m.start();
            int lineEnd = lineEnd(text, m.end());
            Pattern close = Pattern.compile(
                    "(?m)^[ \\t]*" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length() + ",}[ \\t]*$");
            Matcher c = close.matcher(text);
            int end = text.length();
            if (lineEnd < text.length() && c.find(lineEnd + 1)) {
                end = Math.min(text.length(), lineEnd(text, c.end()) + 1);
            }
            out.add(new TextRange(start, end));
            from = end;
        }
        return out;
    }

    /** Fenced blocks and inline code spans outside them. */
    static List<TextRange> code(String text) {
        List<TextRange> fences = fences(text);
        List<TextRange> out = new ArrayList<>(fences);
        Matcher m = INLINE.matcher(text);
        while (m.find()) {
            if (!overlaps(fences, m.start(), m.end())) {
                out.add(new TextRange(m.start(), m.end()));
            }
        }
        return out;
    }

    static boolean overlaps(List<TextRange> ranges, int start, int end) {
        for (TextRange r : ranges) {
            if (r.overlaps(start, Math.max(end, start + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The info string of a fence ({@code json} for a fence opened by {@code ```json}), lower case; "" when none. */
    static String fenceInfo(String text, TextRange fence) {
        return text.substring(fence.start(), lineEnd(text, fence.start()))
                .trim()
                .replaceAll("^[`~]+", "")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    static int lineEnd(String text, int pos) {
        int nl = text.indexOf('\n', pos);
        return nl < 0 ? text.length() : nl;
    }

    static int lineStart(String text, int pos) {
        return text.lastIndexOf('\n', pos - 1) + 1;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a judge answered, parsed: a score on the scale with its rationale, or the reason no score could be read. A
 * score is never made up — an answer that does not state one clearly, or states one outside the scale, is a failure.
 *
 * <p>Accepted, in this order: the whole answer as a JSON object {@code {"score": 4, "rationale": "..."}} (a numeric
 * string score is accepted; {@code reason}/{@code explanation} stand in for the rationale); the same object inside a
 * Markdown code fence; the first {@code {…}} object in the text; and as a last resort a line like {@code Score: 4}
 * or {@code score = 4/5} (all such lines must agree; a {@code /N} must be the scale).
 *
 * @param score     the score, or null when the answer failed
 * @param rationale the judge's explanation (may be empty), or null when the answer failed
 * @param error     why no score was read, or null
 */
public record JudgeAnswer(Double score, String rationale, String error) {

    private static final ObjectMapper JSON = JsonReading.mapper();
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern SCORE_LINE =
            Pattern.compile("(?i)\\bscore\\b\\W{0,3}\\s*[:=]?\\s*\\**\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(\\d+))?");
    private static final int MAX_RATIONALE = 4000;

    public boolean ok() {
        return error == null;
    }

    static JudgeAnswer failure(String error) {
        return new JudgeAnswer(null, null, error);
    }

    /** Parses a judge's answer for scores from 1 to {@code scale}. */
    public static JudgeAnswer parse(String text, int scale) {
        if (text == null || text.isBlank()) {
            return failure("the judge gave an empty answer");
        }
        String t = text.strip();
        JudgeAnswer fromJson = fromJson(t, scale);
        if (fromJson != null) {
            return fromJson;
        }
        Matcher fence = FENCE.matcher(t);
        while (fence.find()) {
            JudgeAnswer a = fromJson(fence.group(1).strip(), scale);
            if (a != null) {
                return a;
            }
        }
        int open = t.indexOf('{');
        int close = t.lastIndexOf('}');
        if (open >= 0 && close > open) {
            JudgeAnswer a = fromJson(t.substring(open, close + 1), scale);
            if (a != null) {
                return a;
            }
        }
        return fromScoreLine(t, scale);
    }

    /** The answer when {@code s} is a JSON object with a score; null when it is not JSON or has no score field. */
    private static JudgeAnswer fromJson(String s, int scale) {
        if (!s.startsWith("{")) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(s);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject()) {
            return null;
        }
        JsonNode score = null;
        for (String f : new String[] {"score", "Score", "SCORE", "rating"}) {
            if (n.has(f)) {
                score = n.get(f);
                break;
            }
        }
        if (score == null) {
            return null;
        }
        double v;
        if (score.isNumber()) {
            v = score.asDouble();
        } else if (score.isTextual() && score.asText().strip().matches("-?\\d+(\\.\\d+)?")) {
            v = Double.parseDouble(score.asText().strip());
        } else {
            return failure("the judge's score is not a number: " + abbreviate(score.toString(), 60));
        }
        String rationale = "";
        for (String f : new String[] {"rationale", "reason", "reasoning", "explanation", "justification"}) {
            if (n.hasNonNull(f)) {
                rationale = n.get(f).isTextual() ? n.get(f).asText() : n.get(f).toString();
                break;
            }
        }
        return checked(v, rationale, scale);
    }

    private static JudgeAnswer fromScoreLine(String t, int scale) {
        Matcher m = SCORE_LINE.matcher(t);
        Set<String> found = new LinkedHashSet<>();
        Double value = null;
        while (m.find()) {
            if (m.group(2) != null && Integer.parseInt(m.group(2)) != scale) {
                return failure("the judge scored on another scale (" + m.group(1) + "/" + m.group(2) + "; the scale is "
                        + "1–" + scale + ")");
            }
            found.add(m.group(1));
            if (value == null) {
                value = Double.valueOf(m.group(1));
            }
        }
        if (found.size() > 1) {
            return failure("the judge's answer gives several scores (" + String.join(", ", found) + ")");
        }
        if (value == null) {
            return failure("no score in the judge's answer: " + abbreviate(t.replaceAll("\\s+", " "), 80));
        }
        String rationale = SCORE_LINE.matcher(t).replaceFirst("").strip();
        return checked(value, rationale, scale);
    }

    private static JudgeAnswer checked(double v, String rationale, int scale) {
        if (!Double.isFinite(v) || v < 1 || v > scale) {
            return failure("the judge's score " + format(v) + " is outside the scale 1–" + scale);
        }
        String r = rationale == null ? "" : rationale.strip();
        return new JudgeAnswer(v, abbreviate(r, MAX_RATIONALE), null);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

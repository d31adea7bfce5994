// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.provider.ChatRequest;
import java.util.Map;

/**
 * The judge's prompt. The system text states the rubric and the scale and asks for a strict JSON answer {@code
 * {"score": n, "rationale": "..."}}; the user message holds the test input (the same for every variant, so no
 * variant's prompt wording sways the judge), the reference when asked for, and the output to score. No streaming;
 * the API's default temperature (reasoning models refuse any other).
 */
public final class JudgePrompt {

    private JudgePrompt() {}

    /** The system text for {@code spec}. */
    public static String system(JudgeSpec spec) {
        return "You are a strict, impartial judge of answers produced by an AI assistant.\n"
                + "Score the answer against this rubric, on a scale from 1 (worst) to " + spec.scale() + " (best):\n"
                + "<rubric>\n" + spec.rubric().strip() + "\n</rubric>\n"
                + (spec.reference()
                        ? "A reference answer is given; use it as an example of an acceptable answer, "
                                + "not as the only correct wording.\n"
                        : "")
                + "Reply with one JSON object and nothing else, exactly in this form:\n"
                + "{\"score\": <a whole number from 1 to " + spec.scale() + ">, \"rationale\": \"<one or two "
                + "sentences>\"}";
    }

    /**
     * The user message.
     *
     * @param input     the test input's variables (may be empty)
     * @param reference the reference answer, or null
     * @param output    the answer to judge
     */
    public static String user(Map<String, String> input, String reference, String output) {
        StringBuilder b = new StringBuilder();
        if (!input.isEmpty()) {
            b.append("<input>\n");
            input.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
            b.append("</input>\n");
        }
        if (reference != null) {
            b.append("<reference>\n").append(reference).append("\n</reference>\n");
        }
        b.append("<answer>\n").append(output == null ? "" : output).append("\n</answer>");
        return b.toString();
    }

    /** The judge's request for one output. */
    public static ChatRequest request(
            JudgeSpec spec, String apiModel, Map<String, String> input, String reference, String output) {
        return ChatRequest.of(apiModel, system(spec), user(input, spec.reference() ? reference : null, output))
                .withStream(false)
                .withMaxOutputTokens(spec.maxOutputTokens());
    }
}

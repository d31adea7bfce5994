// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** What a span of a prompt is, for the token tax: tokenizers differ most between these. */
public enum ContentKind {
    /** Latin-script text (English and other European languages), with its digits and punctuation. */
    PROSE("Prose"),
    /** Fenced code blocks, inline code spans and runs of lines that look like source code. */
    CODE("Code"),
    /** JSON blocks (schemas, tool definitions, examples) and json-tagged fences. */
    JSON("JSON"),
    /** Chinese, Japanese and Korean text (Han, kana, Hangul, CJK and full-width punctuation). */
    CJK("CJK"),
    /** Text in other scripts: Arabic, Hebrew, Cyrillic, Greek, Devanagari, Thai … */
    OTHER_SCRIPT("Other scripts");

    private final String label;

    ContentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** A span {@code [start, end)} (UTF-16 offsets) of a prompt and what kind of content it is. */
public record ContentSpan(ContentKind kind, int start, int end) {

    public ContentSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public int length() {
        return end - start;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** A range {@code [start, end)} of UTF-16 offsets into a text. */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public boolean contains(int pos) {
        return pos >= start && pos < end;
    }

    public boolean overlaps(int s, int e) {
        return s < end && start < e;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}

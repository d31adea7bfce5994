// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

/** How a user rates an output. */
public enum RatingScale {
    /** 0 = thumbs down, 1 = thumbs up. */
    THUMBS(0, 1),
    /** 1 (bad) to 5 (excellent). */
    FIVE_POINT(1, 5);

    private final int min;
    private final int max;

    RatingScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Throws when {@code value} is outside the scale. */
    public int check(int value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name() + " ratings run from " + min + " to " + max + ": " + value);
        }
        return value;
    }
}

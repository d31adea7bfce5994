// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/** A provider's rule for the tokens of an image of a given size. Pure arithmetic; implementations are immutable. */
public interface ImageRule {

    /** Tokens of a {@code width} × {@code height} image sent with {@code options}. */
    ImageTokens tokens(int width, int height, ImageOptions options);

    /** Short description of the rule and its parameters. */
    String describe();

    static void checkSize(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + w + "×" + h);
        }
    }
}

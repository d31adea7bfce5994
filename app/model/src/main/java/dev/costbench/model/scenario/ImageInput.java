// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;

/**
 * Images sent with each request.
 *
 * @param count          images per request (may be an average, e.g. 1.5)
 * @param width          pixels, for the model's image rule
 * @param height         pixels
 * @param tokensPerImage measured or typed tokens per image; when given it replaces the model's rule for every model
 */
public record ImageInput(BigDecimal count, int width, int height, Long tokensPerImage) {

    public ImageInput {
        count = count == null ? BigDecimal.ONE : count;
    }

    public static ImageInput of(int count, int width, int height) {
        return new ImageInput(BigDecimal.valueOf(count), width, height, null);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/** OpenAI's {@code detail} parameter for image inputs. */
public enum ImageDetail {
    AUTO,
    LOW,
    HIGH,
    ORIGINAL
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/** Gemini's {@code media_resolution}. DEFAULT is what the API uses when the request does not set it. */
public enum MediaResolution {
    DEFAULT,
    LOW,
    MEDIUM,
    HIGH,
    ULTRA_HIGH
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

/** What an image file is, read from its header without decoding the pixels. */
public record ImageInfo(String format, int width, int height, long bytes) {
    public long pixels() {
        return (long) width * height;
    }
}

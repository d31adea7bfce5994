// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import dev.costbench.model.media.ImageDetail;
import java.util.Objects;

/** One piece of a message: text, or media sent inline. */
public sealed interface Part {

    /**
     * Text. {@code cache} marks a prompt-cache breakpoint after this part (Anthropic {@code cache_control}; the
     * others cache automatically and ignore it).
     */
    record Text(String text, CacheTtl cache) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public Text(String text) {
            this(text, null);
        }
    }

    /** An image, e.g. {@code image/jpeg}; {@code detail} is OpenAI's (null: the API default). */
    record Image(byte[] data, String mimeType, ImageDetail detail) implements Part {
        public Image {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Audio, e.g. {@code audio/wav} or {@code audio/mpeg}. */
    record Audio(byte[] data, String mimeType) implements Part {
        public Audio {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Video (Gemini only), e.g. {@code video/mp4}; {@code fps} null: the API default (1 fps). */
    record Video(byte[] data, String mimeType, Double fps) implements Part {
        public Video {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Prompt-cache lifetimes (Anthropic: 5 minutes default, 1 hour at a higher write price). */
    enum CacheTtl {
        FIVE_MINUTES,
        ONE_HOUR
    }
}

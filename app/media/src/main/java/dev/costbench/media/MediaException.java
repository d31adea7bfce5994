// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.io.IOException;

/** A media file CostBench cannot use, with a message that says what is wrong and what to do. */
public final class MediaException extends IOException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}

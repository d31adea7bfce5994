// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.ratecard;

/** A rate-card file that cannot be used; the message names the file, the line and what to do. */
public final class RateCardException extends Exception {
    private static final long serialVersionUID = 1L;

    public RateCardException(String message) {
        super(message);
    }

    public RateCardException(String message, Throwable cause) {
        super(message, cause);
    }
}

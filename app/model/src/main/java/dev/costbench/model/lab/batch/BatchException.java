// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

/**
 * A batch could not be submitted, polled, collected or cancelled; the message says what went wrong and what to do
 * (it never contains a key). Batches kept before the failure stay kept.
 */
public class BatchException extends RuntimeException {

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}

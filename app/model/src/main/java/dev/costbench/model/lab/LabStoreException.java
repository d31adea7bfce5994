// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

/** The lab store failed (the database could not be read or written); the message says what and where. */
public class LabStoreException extends RuntimeException {

    public LabStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public LabStoreException(String message) {
        super(message);
    }
}

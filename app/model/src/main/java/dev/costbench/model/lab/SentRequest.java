// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

/** A kept "Send to the API" call: its id in the store and the call as kept (key-shaped text redacted). */
public record SentRequest(long id, NewSentRequest call) {

    /** True when the call failed (or was cancelled). */
    public boolean failed() {
        return call.error() != null;
    }
}

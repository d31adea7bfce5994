// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

/** One chat message. */
public record Message(Role role, String text) {
    public Message {
        text = text == null ? "" : text;
    }
}

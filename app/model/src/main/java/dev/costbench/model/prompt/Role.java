// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

/** Chat roles. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

/** Bad command-line input: printed as one line, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

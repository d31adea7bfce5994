// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

/**
 * An experiment that cannot run as written: a malformed spec file, a missing placeholder value, a model nobody
 * serves. The message names the place ("variants[1].messages[0]: …") and is meant for the user as it is.
 */
public class SpecException extends IllegalArgumentException {

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}

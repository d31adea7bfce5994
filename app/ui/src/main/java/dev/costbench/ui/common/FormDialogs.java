// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.Map;
import java.util.Optional;

/**
 * Asks the user to fill in a {@link Form}: {@link FxFormDialogs} shows a real dialog; a test passes a lambda that
 * answers. A companion of {@link DialogService} for the few features that need more than one answer at once.
 */
@FunctionalInterface
public interface FormDialogs {

    /** The answers by field key, or empty when the user cancelled. */
    Optional<Map<String, String>> ask(Form form);
}

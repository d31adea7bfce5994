// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * Why a button can do nothing right now, for {@link DisabledReason}: a sentence in the user's words while a
 * condition holds, "" when the button can act. View models build these; their tests read them without a display.
 */
public final class Reasons {

    private Reasons() {}

    /** {@code reason} while {@code blocked} is true, else "". */
    public static StringBinding when(ObservableBooleanValue blocked, String reason) {
        return Bindings.createStringBinding(() -> blocked.get() ? reason : "", blocked);
    }

    /** The first of {@code reasons} that is not blank, else "". */
    @SafeVarargs
    public static StringBinding first(ObservableValue<String>... reasons) {
        List<ObservableValue<String>> all = List.of(reasons);
        return Bindings.createStringBinding(
                () -> all.stream()
                        .map(ObservableValue::getValue)
                        .filter(r -> r != null && !r.isBlank())
                        .findFirst()
                        .orElse(""),
                all.toArray(Observable[]::new));
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.prompt.Role;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One few-shot turn in the Prompt view. FX thread only. */
public final class Turn {
    private static final AtomicLong IDS = new AtomicLong();

    private final String key = "turn-" + IDS.incrementAndGet();
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    public Turn(Role role, String text) {
        this.role.set(role);
        this.text.set(text);
    }

    /** Stable identity for incremental counting (survives reordering). */
    public String key() {
        return key;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty textProperty() {
        return text;
    }
}

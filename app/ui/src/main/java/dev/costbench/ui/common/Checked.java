// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.List;
import java.util.stream.IntStream;
import org.controlsfx.control.CheckComboBox;

/**
 * The checked items of a {@link CheckComboBox}, asked item by item of its check model. ControlsFX's derived lists
 * ({@code getCheckedItems()}, {@code getCheckedIndices()}) were seen holding null / -1 for a checked item — checking
 * gpt-4o-mini and then o3-mini with a listener on the checked items — which would drop that item silently.
 */
public final class Checked {

    private Checked() {}

    /** The checked items, in list order. */
    public static <T> List<T> items(CheckComboBox<T> box) {
        List<T> items = box.getItems();
        return IntStream.range(0, items.size())
                .filter(box.getCheckModel()::isChecked)
                .mapToObj(items::get)
                .toList();
    }
}

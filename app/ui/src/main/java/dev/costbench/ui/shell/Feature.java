// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One tab of the main window. Its content is built when the tab is first shown (so that its controls do not add to
 * the first frame's CSS and layout); {@code onShown} runs each later time it is selected (to refresh).
 */
public record Feature(String title, String tooltip, Supplier<Node> content, Runnable onShown) {

    public static Feature of(String title, String tooltip, Supplier<Node> content) {
        return new Feature(title, tooltip, content, () -> {});
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import javafx.scene.Parent;

/**
 * A feature's layout: builds nodes, binds them to its {@link ViewModel} and forwards the user's actions to it. A view
 * holds no state of its own beyond its nodes, starts no threads and opens no dialogs.
 */
public interface View<M extends ViewModel> {

    /** The root node to place in the window. */
    Parent root();

    M viewModel();
}

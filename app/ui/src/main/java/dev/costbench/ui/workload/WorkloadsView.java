// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Workloads tab: one sub-tab per workload shape (a conversation, …), each a feature view of its own. */
public final class WorkloadsView extends TabPane {

    public WorkloadsView(Node conversation) {
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        add("Conversation", conversation);
    }

    private void add(String title, Node content) {
        getTabs().add(new Tab(title, content));
    }
}

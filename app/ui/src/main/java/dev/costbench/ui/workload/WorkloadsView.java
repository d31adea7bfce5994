// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.ui.workload.agent.AgentView;
import dev.costbench.ui.workload.agent.AgentViewModel;
import dev.costbench.ui.workload.retrieval.RetrievalView;
import dev.costbench.ui.workload.retrieval.RetrievalViewModel;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

/**
 * The Workloads tab: one sub-tab per shape of application whose tokens pile up across calls (Conversation, Retrieval,
 * Agent). Each sub-tab's view is made when first shown.
 */
public final class WorkloadsView extends TabPane {

    /**
     * The Conversation sub-tab ({@code conversation}, built by the composition root: it reads the prompt being edited),
     * then Retrieval and Agent, priced with {@code catalog} at the date of {@code clock}.
     */
    public static WorkloadsView of(Supplier<Node> conversation, Supplier<Catalog> catalog, Clock clock) {
        return new WorkloadsView()
                .add(
                        "Conversation",
                        "A conversation priced turn by turn as its history grows, per strategy",
                        conversation)
                .add(
                        "Retrieval",
                        "Retrieved context per request: chunks, embeddings, reranking, caching",
                        () -> new RetrievalView(new RetrievalViewModel(catalog, clock)).root())
                .add(
                        "Agent",
                        "Agent tasks: steps, growing context, failures; cost per successful task",
                        () -> new AgentView(new AgentViewModel(catalog, clock)).root());
    }

    /** A sub-tab titled {@code title}. */
    public WorkloadsView add(String title, String tooltip, Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setClosable(false);
        t.setId("workloads-" + title.toLowerCase(Locale.ROOT));
        t.setTooltip(new Tooltip(tooltip));
        t.selectedProperty().addListener((o, was, is) -> {
            if (is && t.getContent() == null) {
                t.setContent(content.get());
            }
        });
        getTabs().add(t);
        if (getTabs().size() == 1) {
            t.setContent(content.get());
        }
        return this;
    }
}

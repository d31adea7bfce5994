// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import java.util.List;
import java.util.Map;
import javafx.collections.ObservableSet;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * The "Agent task" section of the request form: a check box that makes the request type an agent task (its volume
 * then counts tasks and the results show the cost per successful task) and the task's fields, shown while it is
 * on.
 */
final class AgentFieldsView {

    private static final Map<String, String> TIPS = Map.of(
            "agentMinSteps", "The fewest steps (model calls) a task needs",
            "agentModeSteps",
                    "The most usual number of steps: the weight of each step count rises in a straight line "
                            + "from the fewest to this one and falls to the most",
            "agentMaxSteps", "The most steps a task needs (a step cap lever can stop tasks earlier)",
            "agentToolOutput", "Tokens a tool returns after each step; every later call carries them in its context",
            "agentFailure", "The chance that one call of a step fails and is sent again",
            "agentRetries", "How many times a failed step is sent again before the task fails",
            "agentSuccess",
                    "Measured share of tasks that succeed; leave blank to compute it from the failure rate "
                            + "and the caps");

    private AgentFieldsView() {}

    /** Adds the section to {@code grid} from {@code row} on. */
    static void addTo(GridPane grid, int row, RequestForm form, ObservableSet<String> invalid) {
        CheckBox agent = new CheckBox("Agent task (requests count tasks)");
        agent.setId("field-agent");
        agent.selectedProperty().bindBidirectional(form.agentProperty());
        agent.setTooltip(new Tooltip("An agent makes several calls per task, its context growing with each tool "
                + "output; the bill shows the cost per successful task"));
        grid.add(agent, 0, row++, 2, 1);
        for (Map.Entry<String, String> d : RequestForm.FIELDS.entrySet()) {
            if (!RequestForm.isAgentField(d.getKey())) {
                continue;
            }
            TextField f = RequestFormView.field(form, d.getKey(), invalid);
            f.setTooltip(new Tooltip(TIPS.get(d.getKey())));
            Label label = new Label(d.getValue());
            label.setLabelFor(f);
            for (Node n : List.of(label, f)) {
                // only an agent task shows them, so the levers below stay in sight for other request types
                n.visibleProperty().bind(form.agentProperty());
                n.managedProperty().bind(form.agentProperty());
            }
            grid.addRow(row++, label, f);
        }
    }
}

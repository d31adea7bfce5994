// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * The sections of the request form for request types that are more than one request: "Agent task", "Conversation"
 * and "Retrieval (RAG)". Each is a check box (one kind at a time) and its fields, shown while it is on, each with a
 * tooltip saying what it counts.
 */
final class KindFieldsView {

    /** Each field's tooltip, one "key: tip" a line. */
    private static final Map<String, String> TIPS = tips("""
            agentMinSteps: The fewest steps (model calls) a task needs
            agentModeSteps: The most usual number of steps: the weight of each step count rises in a straight line \
            from the fewest to this one and falls to the most
            agentMaxSteps: The most steps a task needs (a step cap lever can stop tasks earlier)
            agentToolOutput: Tokens a tool returns after each step; every later call carries them in its context
            agentFailure: The chance that one call of a step fails and is sent again
            agentRetries: How many times a failed step is sent again before the task fails
            agentSuccess: Measured share of tasks that succeed; leave blank to compute it from the failure rate and \
            the caps
            convSample: A built-in conversation (its turns, system prompt and tools), or none to type the shape below
            convTurns: Turns per conversation; with a sample, the sample cut or extended to this many
            convUser: Tokens of the user's message in each turn
            convAssistant: Tokens of the assistant's answer in each turn; later turns re-send it
            convSystem: The system prompt, re-sent with every turn
            convTools: Tool definitions, re-sent with every turn (a Prune tools lever cuts them)
            convSummary: The size of one summary when a Summarize history lever is on (blank: 200)
            ragInstructions: The system prompt of each query
            ragTools: Tool definitions sent with the instructions (a Prune tools lever cuts them)
            ragPrefix: A document sent first with every query; cacheable with the instructions (Prompt caching)
            ragChunks: Retrieved chunks put in each query (a Fewer, shorter chunks lever cuts them)
            ragChunkTokens: Tokens per retrieved chunk
            ragQuery: The user's question
            ragOutput: The answer
            ragCorpus: Tokens of the whole corpus, embedded again at each re-embedding
            ragReembeds: How often a month the corpus is embedded again (0.25: every four months)
            ragEmbedding: The embedding model of the queries and the corpus; none: not counted
            ragReranker: The reranker's price per 1,000 searches, paid while a rerank lever is on
            """);

    private static Map<String, String> tips(String lines) {
        Map<String, String> m = new HashMap<>();
        for (String line : lines.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                m.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return m;
    }

    private KindFieldsView() {}

    /** One section: its box (id, text, tooltip), whether it is on, and its fields. */
    private record Kind(String id, String text, String tip, BooleanProperty on, Predicate<String> keys) {}

    /** Adds the three sections to {@code grid} from {@code row} on. */
    static void addTo(GridPane grid, int row, RequestForm form, ObservableSet<String> invalid) {
        List<Kind> kinds = List.of(
                new Kind(
                        "agent",
                        "Agent task (requests count tasks)",
                        "An agent makes several calls per task, its context growing with each tool output; the bill "
                                + "shows the cost per successful task",
                        form.agentProperty(),
                        RequestForm::isAgentField),
                new Kind(
                        "conversation",
                        "Conversation (requests count conversations)",
                        "A chat priced turn by turn, its history re-sent and growing each turn; levers: Summarize "
                                + "history, History window, Prompt caching, Prune tools",
                        form.conversationProperty(),
                        RequestForm::isConversationField),
                new Kind(
                        "retrieval",
                        "Retrieval (requests count RAG queries)",
                        "Each query carries its instructions, a document prefix and the retrieved chunks; levers: "
                                + "Fewer, shorter chunks, Prompt caching, Prune tools",
                        form.retrievalProperty(),
                        RequestForm::isRetrievalField));
        for (Kind k : kinds) {
            row = section(grid, row, form, invalid, check(k.id(), k.text(), k.on(), k.tip()), k.keys());
        }
    }

    private static CheckBox check(String id, String text, BooleanProperty on, String tip) {
        CheckBox box = new CheckBox(text);
        box.setId("field-" + id);
        box.selectedProperty().bindBidirectional(on);
        box.setTooltip(new Tooltip(tip));
        return box;
    }

    private static int section(
            GridPane grid,
            int row,
            RequestForm form,
            ObservableSet<String> invalid,
            CheckBox box,
            Predicate<String> keys) {
        grid.add(box, 0, row++, 2, 1);
        for (Map.Entry<String, String> d : RequestForm.FIELDS.entrySet()) {
            if (!keys.test(d.getKey())) {
                continue;
            }
            Control f = switch (d.getKey()) {
                case "convSample" -> choice(form, d.getKey(), FlowChoices.samples());
                case "ragEmbedding" -> choice(form, d.getKey(), FlowChoices.embeddings());
                default -> RequestFormView.field(form, d.getKey(), invalid);
            };
            f.setTooltip(new Tooltip(TIPS.get(d.getKey())));
            f.setAccessibleText(d.getValue());
            Label label = new Label(d.getValue());
            label.setLabelFor(f);
            for (Node n : List.of(label, f)) {
                // only this kind shows them, so the levers below stay in sight for other request types
                n.visibleProperty().bind(box.selectedProperty());
                n.managedProperty().bind(box.selectedProperty());
            }
            grid.addRow(row++, label, f);
        }
        return row;
    }

    /** A choice of {@code names}' keys, shown by name, bound to the form field {@code key}. */
    private static ComboBox<String> choice(RequestForm form, String key, Map<String, String> names) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(names.keySet()));
        box.setId("field-" + key);
        box.setMaxWidth(260);
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : names.getOrDefault(id, id));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.valueProperty().bindBidirectional(form.field(key));
        return box;
    }
}

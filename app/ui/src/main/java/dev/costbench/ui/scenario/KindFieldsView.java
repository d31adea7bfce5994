// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

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

    private static final Map<String, String> TIPS = Map.ofEntries(
            Map.entry("agentMinSteps", "The fewest steps (model calls) a task needs"),
            Map.entry(
                    "agentModeSteps",
                    "The most usual number of steps: the weight of each step count rises in a straight line "
                            + "from the fewest to this one and falls to the most"),
            Map.entry("agentMaxSteps", "The most steps a task needs (a step cap lever can stop tasks earlier)"),
            Map.entry(
                    "agentToolOutput",
                    "Tokens a tool returns after each step; every later call carries them in its context"),
            Map.entry("agentFailure", "The chance that one call of a step fails and is sent again"),
            Map.entry("agentRetries", "How many times a failed step is sent again before the task fails"),
            Map.entry(
                    "agentSuccess",
                    "Measured share of tasks that succeed; leave blank to compute it from the failure rate "
                            + "and the caps"),
            Map.entry(
                    "convSample",
                    "A built-in conversation (its turns, system prompt and tools), or none to type the shape below"),
            Map.entry("convTurns", "Turns per conversation; with a sample, the sample cut or extended to this many"),
            Map.entry("convUser", "Tokens of the user's message in each turn"),
            Map.entry("convAssistant", "Tokens of the assistant's answer in each turn; later turns re-send it"),
            Map.entry("convSystem", "The system prompt, re-sent with every turn"),
            Map.entry("convTools", "Tool definitions, re-sent with every turn (a Prune tools lever cuts them)"),
            Map.entry("convSummary", "The size of one summary when a Summarize history lever is on (blank: 200)"),
            Map.entry("ragInstructions", "The system prompt of each query"),
            Map.entry("ragTools", "Tool definitions sent with the instructions (a Prune tools lever cuts them)"),
            Map.entry(
                    "ragPrefix",
                    "A document sent first with every query; cacheable with the instructions (Prompt caching)"),
            Map.entry("ragChunks", "Retrieved chunks put in each query (a Fewer, shorter chunks lever cuts them)"),
            Map.entry("ragChunkTokens", "Tokens per retrieved chunk"),
            Map.entry("ragQuery", "The user's question"),
            Map.entry("ragOutput", "The answer"),
            Map.entry("ragCorpus", "Tokens of the whole corpus, embedded again at each re-embedding"),
            Map.entry("ragReembeds", "How often a month the corpus is embedded again (0.25: every four months)"),
            Map.entry("ragEmbedding", "The embedding model of the queries and the corpus; none: not counted"),
            Map.entry("ragReranker", "The reranker's price per 1,000 searches, paid while a rerank lever is on"));

    private KindFieldsView() {}

    /** Adds the three sections to {@code grid} from {@code row} on. */
    static void addTo(GridPane grid, int row, RequestForm form, ObservableSet<String> invalid) {
        row = section(
                grid,
                row,
                form,
                invalid,
                check(
                        "agent",
                        "Agent task (requests count tasks)",
                        form.agentProperty(),
                        "An agent makes several calls per task, its context growing with each tool output; the bill "
                                + "shows the cost per successful task"),
                RequestForm::isAgentField);
        row = section(
                grid,
                row,
                form,
                invalid,
                check(
                        "conversation",
                        "Conversation (requests count conversations)",
                        form.conversationProperty(),
                        "A chat priced turn by turn, its history re-sent and growing each turn; levers: Summarize "
                                + "history, History window, Prompt caching, Prune tools"),
                RequestForm::isConversationField);
        section(
                grid,
                row,
                form,
                invalid,
                check(
                        "retrieval",
                        "Retrieval (requests count RAG queries)",
                        form.retrievalProperty(),
                        "Each query carries its instructions, a document prefix and the retrieved chunks; levers: "
                                + "Fewer, shorter chunks, Prompt caching, Prune tools"),
                RequestForm::isRetrievalField);
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

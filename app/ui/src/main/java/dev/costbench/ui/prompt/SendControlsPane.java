// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.ui.common.DisabledReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The controls of "Send to the API": the model picker (placed in the pane's top bar) and the options row
 * (temperature, max output tokens, reasoning effort, streaming).
 */
final class SendControlsPane {

    /** A reasoning effort in the picker; null is the model's default. */
    private record Effort(ReasoningEffort effort) {
        @Override
        public String toString() {
            return effort == null ? "Model default" : effort.label();
        }
    }

    private final SendControls vm;
    private final ComboBox<SendControls.Choice> model = new ComboBox<>();
    private final HBox picker;
    private final FlowPane options = new FlowPane();
    private boolean syncing;

    SendControlsPane(SendControls vm) {
        this.vm = vm;
        options.setId("send-controls");
        options.setHgap(14);
        options.setVgap(6);
        options.setAlignment(Pos.CENTER_LEFT);

        model.setId("send-model");
        model.setItems(vm.choices());
        model.setVisibleRowCount(16);
        model.setPromptText("Choose a model");
        model.setPrefWidth(300);
        model.setMinWidth(120);
        model.setMaxWidth(420);
        model.setCellFactory(l -> new ChoiceCell(true));
        model.setButtonCell(new ChoiceCell(false));
        model.setTooltip(new Tooltip("The model to send the prompt to, by provider. It follows the row selected in "
                + "the cost table; a model whose provider has no key is listed but cannot be chosen."));
        model.valueProperty().addListener((o, was, now) -> {
            if (syncing) {
                return;
            }
            if (now != null && now.unavailable() == null) {
                vm.modelProperty().set(now.model());
            } else {
                showModel(vm.modelProperty().get()); // refilled items cleared it, or a disabled model: show the chosen
            }
        });
        vm.modelProperty().addListener((o, was, now) -> showModel(now));
        vm.choices().addListener((ListChangeListener<SendControls.Choice>)
                c -> showModel(vm.modelProperty().get()));
        showModel(vm.modelProperty().get());

        TextField temperature = new TextField();
        temperature.setId("send-temperature");
        temperature.setPrefColumnCount(4);
        temperature.setPromptText("default");
        temperature.textProperty().bindBidirectional(vm.temperatureProperty());
        temperature.disableProperty().bind(vm.temperatureRefusalProperty().isNotNull());
        DisabledReason.explain(temperature, vm.temperatureRefusalProperty());
        temperature.setTooltip(reasonOr(
                vm.temperatureRefusalProperty(),
                "Sampling temperature, e.g. 0.7 (0 to 2; Anthropic 0 to 1). Blank: the provider's default."));

        TextField cap = new TextField();
        cap.setId("send-max-output");
        cap.setPrefColumnCount(6);
        cap.textProperty().bindBidirectional(vm.maxOutputProperty());
        cap.setTooltip(new Tooltip("The output cap sent with the request (reasoning tokens count towards it). It "
                + "follows the prompt's expected output tokens until you change it."));

        ComboBox<Effort> effort = new ComboBox<>();
        effort.setId("send-effort");
        List<Effort> efforts = new ArrayList<>();
        efforts.add(new Effort(null));
        for (ReasoningEffort e : ReasoningEffort.values()) {
            efforts.add(new Effort(e));
        }
        effort.getItems().setAll(efforts);
        effort.setValue(efforts.get(0));
        effort.valueProperty().addListener((o, was, now) -> vm.effortProperty().set(now == null ? null : now.effort()));
        vm.effortProperty()
                .addListener((o, was, now) -> effort.setValue(efforts.stream()
                        .filter(e -> Objects.equals(e.effort(), now))
                        .findFirst()
                        .orElse(efforts.get(0))));
        effort.disableProperty().bind(vm.effortRefusalProperty().isNotNull());
        DisabledReason.explain(effort, vm.effortRefusalProperty());
        effort.setTooltip(reasonOr(
                vm.effortRefusalProperty(),
                "How hard the model reasons: OpenAI's reasoning effort, Anthropic's and Gemini's thinking budget. "
                        + "Model default sends nothing."));

        CheckBox stream = new CheckBox("Stream");
        stream.setId("send-stream");
        stream.selectedProperty().bindBidirectional(vm.streamProperty());
        stream.setTooltip(new Tooltip("Show the answer as it arrives and measure the time to the first token"));

        ComboBox<ServiceTier> tier = TierChoice.of(
                "send-tier",
                vm.tiers(),
                vm.tierProperty(),
                "The service tier the call asks for (OpenAI service_tier, Anthropic Priority Tier); follows the Prompt "
                        + "view's tier until you change it. A model without it is refused before anything is sent.");

        picker = labelled("Model", model);
        HBox.setHgrow(model, Priority.ALWAYS);
        options.getChildren()
                .addAll(
                        labelled("Temperature", temperature),
                        labelled("Max output tokens", cap),
                        labelled("Reasoning effort", effort),
                        labelled("Service tier", tier),
                        stream);
    }

    /** A tooltip that says why a control is off ({@code refusal}), or what it does while it is on. */
    private static Tooltip reasonOr(StringBinding refusal, String whatItDoes) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(refusal.map(Object::toString).orElse(whatItDoes));
        return t;
    }

    /** "Model" and its picker. */
    HBox picker() {
        return picker;
    }

    /** Temperature, max output tokens, reasoning effort and streaming. */
    FlowPane options() {
        return options;
    }

    private void showModel(ModelEntry m) {
        syncing = true;
        model.setValue(
                m == null
                        ? null
                        : vm.choices().stream()
                                .filter(c -> c.model().id().equals(m.id()))
                                .findFirst()
                                .orElse(null));
        syncing = false;
    }

    private static HBox labelled(String text, Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "OpenAI · GPT-5 mini" in the list (the button shows the name); a model that cannot be chosen says why. */
    private static final class ChoiceCell extends ListCell<SendControls.Choice> {
        private final boolean inList;

        ChoiceCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(SendControls.Choice c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                setTooltip(null);
                setDisable(false);
                return;
            }
            setText(inList ? c.provider() + " · " + c.label() : c.model().name());
            setDisable(inList && c.unavailable() != null);
            setOpacity(inList && c.unavailable() != null ? 0.55 : 1);
            setTooltip(new Tooltip(
                    c.unavailable() != null ? c.unavailable() : c.model().id()));
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.ratecard;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The rate-card editor: one row per line (name, provider, model pattern, tier, percent), add, remove, save. */
public final class RateCardView extends BorderPane implements View<RateCardViewModel> {

    private final RateCardViewModel vm;
    private final GridPane grid = new GridPane();
    private final VBox problems = new VBox(2);

    public RateCardView(RateCardViewModel vm) {
        this.vm = vm;
        setId("rate-card-view");
        Label title = new Label("My rates");
        title.getStyleClass().add("section-title");
        Label intro = wrapped("Your negotiated discounts and markups, applied after list price when \"Use my rates\" "
                + "is on (Prompt view). A line applies to the models it matches — by provider, model id pattern (* any "
                + "characters, ? one) and service tier — and each applies to what the lines above it left, so they "
                + "multiply in order: −15 % then +5 % is ×0.85 ×1.05. Negative percentages are discounts.");
        Label status = wrapped("");
        status.getStyleClass().add("text-muted");
        status.setId("rate-card-status");
        status.textProperty().bind(vm.statusProperty());
        grid.setId("rate-card-grid");
        grid.setHgap(8);
        grid.setVgap(6);
        Button add = new Button("Add line");
        add.setId("rate-card-add");
        add.setOnAction(e -> vm.addLine());
        Button save = new Button("Save");
        save.setId("rate-card-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert");
        revert.setTooltip(new Tooltip("Put back the lines last saved"));
        DisabledReason.bind(revert, vm.revertBlockedReason());
        revert.setOnAction(e -> vm.revert());
        HBox buttons = new HBox(8, add, save, revert);
        buttons.setAlignment(Pos.CENTER_LEFT);
        problems.setId("rate-card-problems");
        VBox box = new VBox(10, title, intro, status, grid, buttons, problems);
        box.setPadding(new Insets(14));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        setCenter(sp);
        vm.lines().addListener((ListChangeListener<RateLine>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= !c.wasUpdated();
            }
            if (structural) {
                rebuild();
            }
        });
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        String[] head = {"Name", "Provider", "Models", "Service tier", "Percent", ""};
        for (int i = 0; i < head.length; i++) {
            Label h = new Label(head[i]);
            h.getStyleClass().add("breakdown-head");
            grid.add(h, i, 0);
        }
        int row = 1;
        for (RateLine l : vm.lines()) {
            TextField name = field(l.labelProperty().get(), 18, "e.g. Azure OpenAI commitment");
            name.textProperty().bindBidirectional(l.labelProperty());
            ComboBox<String> provider = new ComboBox<>();
            provider.getItems().setAll(vm.providerIds());
            provider.setConverter(converter(RateCardViewModel::providerName));
            provider.valueProperty().bindBidirectional(l.providerProperty());
            TextField models = field(l.modelsProperty().get(), 10, "*");
            models.setTooltip(new Tooltip("Model ids this line applies to: gpt-5* (every GPT-5 model), * (all)"));
            models.textProperty().bindBidirectional(l.modelsProperty());
            ComboBox<ServiceTier> tier = new ComboBox<>();
            List<ServiceTier> tiers = new ArrayList<>();
            tiers.add(null);
            tiers.addAll(List.of(ServiceTier.values()));
            tier.getItems().setAll(tiers);
            tier.setConverter(converter(t -> t == null ? "Every tier" : t.label()));
            tier.valueProperty().bindBidirectional(l.tierProperty());
            TextField percent = field(l.percentProperty().get(), 6, "-15");
            percent.setTooltip(new Tooltip("−15 for a 15 % discount, 5 for a 5 % markup (from −100 to 1,000)"));
            percent.textProperty().bindBidirectional(l.percentProperty());
            Button up = new Button("↑");
            up.setTooltip(new Tooltip("Move this line up: order matters when lines multiply"));
            up.setDisable(row == 1);
            up.setOnAction(e -> vm.moveUp(l));
            Button remove = new Button("Remove");
            remove.setOnAction(e -> vm.remove(l));
            grid.addRow(row++, name, provider, models, tier, percent, new HBox(4, up, remove));
        }
        if (vm.lines().isEmpty()) {
            Label none = new Label("No lines: list prices apply. Add a line for each discount or markup you have.");
            none.getStyleClass().add("text-muted");
            grid.add(none, 0, 1, head.length, 1);
        }
    }

    private void showProblems() {
        problems.getChildren().clear();
        for (String p : vm.problems()) {
            Label l = new Label("⚠ " + p);
            l.setWrapText(true);
            l.getStyleClass().add("warning-text");
            problems.getChildren().add(l);
        }
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static TextField field(String text, int columns, String prompt) {
        TextField f = new TextField(text);
        f.setPrefColumnCount(columns);
        f.setPromptText(prompt);
        return f;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null; // not editable
            }
        };
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public RateCardViewModel viewModel() {
        return vm;
    }
}

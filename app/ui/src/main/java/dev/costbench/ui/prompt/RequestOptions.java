// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ServiceTier;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.property.LongProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The request options under the prompt: output and reasoning tokens, monthly volume, cache, batch, residency, the
 * rate card ("Use my rates"), the service tier (kept in step with the batch box) and the date whose prices apply.
 */
final class RequestOptions extends GridPane {

    RequestOptions(PromptViewModel vm) {
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(8, 0, 0, 0));
        Label title = new Label("Request");
        title.getStyleClass().add("section-title");
        add(title, 0, 0, 2, 1);
        addRow(
                1,
                new Label("Expected output tokens"),
                longField(
                        "Expected output tokens",
                        vm.outputTokensProperty(),
                        "output-tokens",
                        "Visible answer length you expect, in tokens. Billed at the output price."));
        addRow(
                2,
                new Label("Reasoning tokens"),
                longField(
                        "Reasoning tokens",
                        vm.reasoningTokensProperty(),
                        "reasoning-tokens",
                        "Hidden reasoning / thinking tokens. Every provider bills them as output."));
        addRow(
                3,
                new Label("Requests per month"),
                longField(
                        "Requests per month",
                        vm.monthlyRequestsProperty(),
                        "monthly-requests",
                        "Monthly volume for the $ / month column."));
        CheckBox cached = new CheckBox("System prompt + examples served from the prompt cache");
        cached.setId("cached-prefix");
        cached.selectedProperty().bindBidirectional(vm.cachedPrefixProperty());
        cached.setTooltip(new Tooltip("Steady state: the prefix is a cache hit (OpenAI/Gemini: cached-input price;"
                + " Anthropic: cache-read price). Prompts below a model's minimum cacheable length are not cached."));
        CheckBox batch = new CheckBox("Batch API (results within 24 h)");
        batch.setId("batch");
        batch.selectedProperty().bindBidirectional(vm.batchProperty());
        batch.setTooltip(new Tooltip("OpenAI, Anthropic and Gemini batch APIs bill every token at 50 %."));
        CheckBox geo = new CheckBox("Data residency / regional processing");
        geo.selectedProperty().bindBidirectional(vm.residencyProperty());
        geo.setTooltip(new Tooltip("Anthropic inference_geo=\"us\" and OpenAI regional processing cost ×1.1 "
                + "on the models that list it."));
        add(cached, 0, 4, 2, 1);
        add(batch, 0, 5, 2, 1);
        add(geo, 0, 6, 2, 1);
        CheckBox rates = new CheckBox("Use my rates");
        rates.setId("use-my-rates");
        rates.selectedProperty().bindBidirectional(vm.useMyRatesProperty());
        rates.setTooltip(new Tooltip("Apply your rate card (negotiated discounts and markups, edited in the Rates tab)"
                + " after list price. Each matching line shows as its own line in the breakdown."));
        add(rates, 0, 7, 2, 1);
        addRow(8, new Label("Service tier"), tierChoice(vm));
        addRow(9, new Label("Prices as of"), dateChoice(vm));
    }

    private static ComboBox<ServiceTier> tierChoice(PromptViewModel vm) {
        return TierChoice.of(
                "service-tier",
                List.of(ServiceTier.values()),
                vm.serviceTierProperty(),
                "How the provider serves the request, which it prices differently: Standard;"
                        + " Batch (results within 24 h); Flex (cheaper, may be slower or refused when busy); Priority"
                        + " (faster, dearer); Fast mode (Anthropic). A model that does not offer the tier is shown"
                        + " unpriced, never at the standard price. The breakdown compares every tier for the selected"
                        + " model.");
    }

    private static HBox dateChoice(PromptViewModel vm) {
        DatePicker date = new DatePicker();
        date.setId("priced-at");
        date.setPrefWidth(140);
        date.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
                } catch (DateTimeParseException e) {
                    return vm.pricedAtProperty().get(); // not a YYYY-MM-DD date: keep the day chosen
                }
            }
        });
        date.setPromptText("YYYY-MM-DD");
        date.setAccessibleText("Prices as of this day");
        date.valueProperty().bindBidirectional(vm.pricedAtProperty());
        date.setTooltip(new Tooltip("Price every model at the prices in force on this day: introductory prices and"
                + " scheduled changes in the catalog apply from their dates. Type YYYY-MM-DD or pick a day;"
                + " empty: today."));
        Button today = new Button("Today");
        today.setId("priced-today");
        today.setTooltip(new Tooltip("Use today's prices"));
        today.setOnAction(e -> vm.pricesAsOfToday());
        HBox box = new HBox(6, date, today);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * A field for a count ≥ 0 shown with thousands separators, kept in step with {@code p} both ways; {@code name}
     * (its label) is what a screen reader says.
     */
    private static TextField longField(String name, LongProperty p, String id, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(name);
        f.setPrefColumnCount(9);
        f.setTooltip(new Tooltip(tip));
        f.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("[0-9,_ ]{0,15}") ? c : null));
        f.setText(String.format("%,d", p.get()));
        f.textProperty().addListener((o, a, b) -> {
            long v = digits(b);
            if (v != p.get()) {
                p.set(v);
            }
        });
        p.addListener((o, a, b) -> {
            if (digits(f.getText()) != b.longValue()) {
                f.setText(String.format("%,d", b.longValue()));
            }
        });
        return f;
    }

    private static long digits(String s) {
        String d = s.replaceAll("[^0-9]", "");
        return d.isEmpty() ? 0 : Long.parseLong(d);
    }
}

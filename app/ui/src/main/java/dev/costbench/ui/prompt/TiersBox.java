// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.ui.prompt.TierComparison.TierCost;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The "Tiers" part of the breakdown: the selected model's request at every service tier, and prices ending soon. */
final class TiersBox extends VBox {

    TiersBox(ObservableValue<TierComparison> tiers) {
        super(4);
        setId("breakdown-tiers");
        setPadding(new Insets(0, 10, 10, 10));
        tiers.addListener((o, a, b) -> show(b));
        show(tiers.getValue());
    }

    private void show(TierComparison c) {
        getChildren().clear();
        if (c == null) {
            return;
        }
        Label title = new Label("Tiers — this request on " + c.model().name());
        title.getStyleClass().add("breakdown-head");
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(2);
        int row = 0;
        for (TierCost t : c.tiers()) {
            boolean chosen = t.tier() == c.chosen();
            Label name = new Label(t.tier().label() + (chosen ? "  (chosen)" : ""));
            Label cost = new Label(t.text());
            cost.setId("tier-" + t.tier().id());
            if (!t.offered() || t.cost().unpriced()) {
                cost.getStyleClass().add("text-muted");
            }
            if (chosen) {
                name.getStyleClass().add("breakdown-head");
                cost.getStyleClass().add("breakdown-head");
            }
            String tip = tip(t);
            if (!tip.isEmpty()) {
                cost.setTooltip(new Tooltip(tip));
            }
            g.addRow(row++, name, cost);
        }
        getChildren().addAll(title, g);
        for (String e : c.endings()) {
            Label l = new Label("• " + e);
            l.setWrapText(true);
            l.getStyleClass().add("warning-text");
            getChildren().add(l);
        }
    }

    private static String tip(TierCost t) {
        if (!t.offered()) {
            return t.tier() == ServiceTier.BATCH
                    ? "No batch API is listed for this model."
                    : t.tier().label() + " is not offered for this model.";
        }
        return t.cost().lines().stream()
                .filter(l -> l.item().startsWith("Service tier"))
                .map(l -> l.rule())
                .collect(Collectors.joining("\n"));
    }
}

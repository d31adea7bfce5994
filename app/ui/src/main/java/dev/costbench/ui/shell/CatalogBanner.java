// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line under the menus that says the pricing catalog had problems, with Details and Dismiss. */
final class CatalogBanner extends HBox {

    CatalogBanner(WorkbenchViewModel vm) {
        super(8);
        setId("catalog-banner");
        getStyleClass().add("banner");
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(vm.bannerTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button details = new Button("Details");
        details.setOnAction(e -> vm.showProblemList());
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> vm.dismissBanner());
        getChildren().addAll(text, spacer, details, dismiss);
        visibleProperty().bind(vm.bannerShownProperty());
        managedProperty().bind(vm.bannerShownProperty());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.ui.common.DisabledReason;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Providers tab's "Team store" card, bound to {@link TeamStoreViewModel}. */
final class TeamStoreCard extends VBox {

    TeamStoreCard(TeamStoreViewModel vm) {
        super(6);
        setId("team-store");
        Label title = new Label("Team store");
        title.getStyleClass().add("title-4");
        Label about = new Label("Share experiments, saved scenarios and the spending ledger with your team on a "
                + "PostgreSQL server. API keys are never shared; the password is kept in the credential store.");
        about.setWrapText(true);
        Label inUse = new Label();
        inUse.setId("team-store-in-use");
        inUse.setWrapText(true);
        inUse.textProperty().bind(vm.inUseProperty());

        TextField url = new TextField();
        url.setId("team-store-url");
        url.setPromptText("jdbc:postgresql://host:5432/costbench");
        url.textProperty().bindBidirectional(vm.urlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        TextField user = new TextField();
        user.setId("team-store-user");
        user.setPromptText("database user");
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField password = new PasswordField();
        password.setId("team-store-password");
        password.setPromptText("password (kept in the credential store)");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField author = new TextField();
        author.setId("team-store-author");
        author.setTooltip(new Tooltip("History shows each experiment with this name (\"by alice\")"));
        author.textProperty().bindBidirectional(vm.authorProperty());

        Button test = new Button("Test connection");
        test.setId("team-store-test");
        test.setOnAction(e -> vm.testConnection());
        DisabledReason.bind(test, vm.blockedReason());
        Button use = new Button("Use this store");
        use.setId("team-store-use");
        use.setTooltip(new Tooltip("Saves the URL and user, keeps the password in the credential store, and reopens "
                + "the results on the team store"));
        use.setOnAction(e -> vm.useThisStore());
        DisabledReason.bind(use, vm.blockedReason());
        Button local = new Button("Use my own file");
        local.setId("team-store-local");
        local.setTooltip(new Tooltip("Back to this computer's own results file"));
        local.setOnAction(e -> vm.useLocalFile());
        Label result = ProvidersView.resultLabel("team-store-result", vm.resultProperty(), vm.outcomeProperty());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        password.setAccessibleText("Team store password");
        g.addRow(0, labelFor("URL", url), url);
        g.addRow(1, labelFor("User", user), new HBox(6, user, password));
        g.addRow(2, labelFor("Your name", author), author);
        HBox actions = new HBox(8, test, use, local, result);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        g.addRow(3, new Label(""), actions);
        GridPane.setHgrow(url, Priority.ALWAYS);
        getChildren().addAll(title, about, inUse, g);
        getStyleClass().add("card");
        setPadding(new Insets(10));
        setStyle("-fx-border-color: -color-border-default, transparent; -fx-border-radius: 6;");
    }

    private static Label labelFor(String text, TextField field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }
}

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

    TeamStoreCard(TeamStoreViewModel vm, TeamCatalogViewModel catalog) {
        super(6);
        setId("team-store");
        Label title = new Label("Team store");
        title.getStyleClass().add("title-4");
        Label about = new Label(
                "Share experiments, saved scenarios, the spending ledger and the catalog overrides "
                        + "with your team on a PostgreSQL server. API keys are never shared; the password is kept in the credential store.");
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
        password.setPrefColumnCount(22); // the whole prompt text shows
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
        if (catalog != null) {
            getChildren().add(catalogRow(catalog));
        }
        getStyleClass().add("card");
        setPadding(new Insets(10));
        setStyle("-fx-border-color: -color-border-default, transparent; -fx-border-radius: 6;");
    }

    /** Which catalog overrides are in use, "Share my catalog overrides with the team" and "Check for changes". */
    private static VBox catalogRow(TeamCatalogViewModel catalog) {
        Label status = new Label();
        status.setId("team-catalog-status");
        status.setWrapText(true);
        status.textProperty().bind(catalog.statusProperty());
        Button share = new Button("Share my catalog overrides with the team");
        share.setId("team-catalog-share");
        share.setTooltip(new Tooltip("Your catalog.json becomes the team catalog everyone on this team store prices "
                + "with; price imports then change it for everyone"));
        share.setOnAction(e -> catalog.share());
        DisabledReason.bind(share, catalog.shareBlockedReason());
        Button check = new Button("Check for changes");
        check.setId("team-catalog-check");
        check.setOnAction(e -> catalog.check());
        DisabledReason.bind(check, catalog.checkBlockedReason());
        HBox actions = new HBox(8, share, check);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, status, actions);
    }

    private static Label labelFor(String text, TextField field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.model.tuning.Suggestion;
import dev.costbench.model.tuning.SuggestionKind;
import dev.costbench.ui.common.Words;
import java.math.BigDecimal;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One suggestion of the Tune tab's cuts: the part, the cut, what it saves, and Apply (and Reject for a rewrite). */
final class SuggestionLine extends HBox {

    SuggestionLine(RequestTuner.Item it, ModelEntry m, TuneViewModel vm) {
        super(8);
        Suggestion s = it.suggestion();
        Label tag = new Label(it.partLabel());
        tag.getStyleClass().add("tune-part-tag");
        Label t = new Label(s.title());
        t.setWrapText(true);
        Tooltip tip = new Tooltip(s.kind().label() + ": " + s.detail());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        t.setTooltip(tip);
        Label save = new Label(savingText(it));
        save.getStyleClass().add("muted");
        save.setTooltip(new Tooltip("o200k_base / cl100k_base: " + s.tokensSaved(Encoding.O200K_BASE) + " / "
                + s.tokensSaved(Encoding.CL100K_BASE) + " tokens; on " + m.name() + ": " + s.modelTokensSaved()
                + (s.modelTokensExact() ? "" : " (estimate)")
                + ". Monthly at the requests per month set on the left."));
        tag.setMinWidth(Region.USE_PREF_SIZE);
        save.setWrapText(true);
        VBox text = new VBox(1, t, save);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(tag, text);
        if (it.hint()) {
            Label h = new Label("hint");
            h.getStyleClass().add("text-muted");
            h.setTooltip(tip);
            getChildren().add(h);
        } else {
            Button apply = new Button("Apply");
            apply.setMinWidth(Region.USE_PREF_SIZE);
            apply.getStyleClass().add("tune-apply");
            apply.setId("tune-apply-" + s.id().replaceAll("[^A-Za-z0-9-]", "-"));
            apply.setOnAction(e -> vm.apply(it));
            getChildren().add(apply);
        }
        if (s.kind() == SuggestionKind.REWRITE) {
            Button reject = new Button("Reject");
            reject.setMinWidth(Region.USE_PREF_SIZE);
            reject.setId("tune-reject-rewrite");
            reject.setOnAction(e -> vm.reject(it));
            getChildren().add(reject);
        }
        setAlignment(Pos.CENTER_LEFT);
    }

    /** "−12 tokens (o200k) · saves $0.0001 / request · $1.20 / month" and, for a rewrite, its call's cost. */
    static String savingText(RequestTuner.Item it) {
        Suggestion s = it.suggestion();
        String tokens;
        if (s.kind() == SuggestionKind.OUTPUT_CAP || s.kind() == SuggestionKind.STRUCTURED_OUTPUT) {
            tokens = Words.tokenChange(s.modelTokensSaved(), !s.modelTokensExact(), "output");
        } else if (s.kind() == SuggestionKind.HISTORY_SUMMARY) {
            tokens = Words.tokenChange(s.modelTokensSaved(), true, "");
        } else {
            tokens = Words.tokenChange(s.tokensSaved(Encoding.O200K_BASE), false, "") + " (o200k)";
        }
        String usd = s.usdPerRequest() == null
                ? "unpriced"
                : money(s.usdPerRequest()) + " / request · " + money(s.usdPerMonth()) + " / month";
        String cost = it.costUsd() == null ? "" : " · rewrite call cost " + money(it.costUsd());
        return tokens + " · saves " + usd + cost;
    }

    static String money(BigDecimal d) {
        return d == null ? "unpriced" : Money.format(d);
    }
}

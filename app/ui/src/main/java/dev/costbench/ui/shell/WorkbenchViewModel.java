// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.refresh.PriceFileDownloader;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's own state and actions, apart from the features': the pricing catalog (reload, price import,
 * its problems banner), the theme, About and the licences.
 */
public final class WorkbenchViewModel implements ViewModel {

    /** Where the catalog comes from: the built-in one plus the user's file. */
    public interface CatalogSource {

        Catalog load();

        /** The user catalog file in use (the catalog layers it over the built-in one). */
        Path userCatalog();

        /**
         * The user catalog overrides in use, which imports are written through: by default the file of
         * {@link #userCatalog()}; on a team store with a team catalog, that catalog.
         */
        default CatalogOverrides overrides() {
            return CatalogOverrides.personal(userCatalog());
        }

        /** The built-in catalog alone. */
        Catalog builtIn();

        /** Fetches a price file from an address the user entered; without one, web addresses are refused. */
        default PriceFileDownloader downloader() {
            return url -> {
                throw new IOException(
                        "downloading is not available here: download " + url + " yourself and import the file");
            };
        }
    }

    private final UiContext ui;
    private final CatalogSource source;
    private final Supplier<String> aboutText;
    private final Supplier<String> licenceText;
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyBooleanWrapper bannerShown = new ReadOnlyBooleanWrapper(this, "bannerShown");
    private final PriceImportViewModel priceImport;
    private final TokenizerLoadViewModel tokenizerLoad;
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");

    public WorkbenchViewModel(
            UiContext ui,
            CatalogSource source,
            Catalog initial,
            Supplier<String> aboutText,
            Supplier<String> licenceText) {
        this.ui = Objects.requireNonNull(ui);
        this.source = Objects.requireNonNull(source);
        this.aboutText = aboutText;
        this.licenceText = licenceText;
        this.priceImport =
                new PriceImportViewModel(ui, source::load, source::overrides, source.downloader(), this::reloadCatalog);
        this.tokenizerLoad =
                new TokenizerLoadViewModel(ui, catalog::get, source::builtIn, source::overrides, this::reloadCatalog);
        catalog.addListener((o, a, c) -> showProblems(c));
        catalog.set(Objects.requireNonNull(initial));
    }

    /** The catalog every view prices with. */
    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    /** The catalog problems line ("2 problem(s) in the pricing catalog: …"), shown until dismissed. */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerShownProperty() {
        return bannerShown.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public void dismissBanner() {
        bannerShown.set(false);
    }

    /** Reads the catalog files again (F5). */
    public void reloadCatalog() {
        catalog.set(source.load());
    }

    /** Help ▸ Catalog problems… */
    public void showProblemList() {
        Catalog c = catalog.get();
        ui.dialogs()
                .showText(
                        "Catalog problems",
                        "Pricing catalog problems (user catalog: "
                                + source.overrides().describe() + ")",
                        c.problems().isEmpty()
                                ? "No problems: every catalog entry loaded."
                                : c.problems().stream()
                                        .map(CatalogProblem::toString)
                                        .collect(Collectors.joining("\n")));
    }

    /** Catalog ▸ Import prices…: a price list reviewed before it reaches the user catalog. */
    public PriceImportViewModel priceImport() {
        return priceImport;
    }

    /** Catalog ▸ Load tokenizer.json…: an open model's own tokenizer, from a file the user has. */
    public TokenizerLoadViewModel tokenizerLoad() {
        return tokenizerLoad;
    }

    /** Help ▸ About CostBench */
    public void about() {
        ui.dialogs().info("CostBench — model and cut the cost of LLM applications", aboutText.get());
    }

    /** Help ▸ Third-party licences… */
    public void licences() {
        ui.dialogs()
                .showText(
                        "Third-party licences",
                        "CostBench is Apache-2.0 licensed and bundles these libraries",
                        licenceText.get());
    }

    private void showProblems(Catalog c) {
        if (c == null || c.problems().isEmpty()) {
            bannerText.set("");
            bannerShown.set(false);
            return;
        }
        bannerText.set(c.problems().size() + " problem(s) in the pricing catalog: the affected entries or fields "
                + "were skipped, everything else loaded. First: " + c.problems().get(0));
        bannerShown.set(true);
    }
}

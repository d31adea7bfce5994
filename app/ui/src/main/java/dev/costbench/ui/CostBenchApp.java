// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.LiteLlmImporter;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.ui.media.MediaView;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.providers.ProviderAccess;
import dev.costbench.ui.providers.ProvidersView;
import dev.costbench.ui.prompt.PromptViewModel;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The workbench window and the composition root: builds the model objects and wires the views (STYLE.md R6). */
public final class CostBenchApp extends Application {

    private static final Preferences PREFS = Preferences.userNodeForPackage(CostBenchApp.class);
    /** Opened when the first frame has been drawn: background work that would otherwise compete with it. */
    private final java.util.concurrent.CountDownLatch firstFrame = new java.util.concurrent.CountDownLatch(1);

    private PromptViewModel promptVm;
    private PromptView promptView;
    private MediaView mediaView;
    private Tab providersTab;
    private Tab scenarioTab;
    private Tab labTab;
    private dev.costbench.ui.lab.LabView labView;

    private dev.costbench.ui.lab.LabView labView() {
        if (labView == null) {
            dev.costbench.ui.common.DialogService labDialogs = new dev.costbench.ui.common.FxDialogService(
                    () -> scene == null ? null : scene.getWindow());
            dev.costbench.ui.common.UiContext labUi = new dev.costbench.ui.common.UiContext(
                    new dev.costbench.ui.common.FxTaskExecutor((job, e) -> labDialogs.error(job + " failed",
                            dev.costbench.ui.common.UiContext.describe(e))), labDialogs);
            labView = new dev.costbench.ui.lab.LabView(new dev.costbench.ui.lab.LabViewModel(labUi, () -> store,
                    () -> promptVm.catalogProperty().get(), id -> access.join().clients().client(id),
                    () -> new String[] {promptVm.systemTextProperty().get(), promptVm.userTextProperty().get()},
                    () -> {
                        if (mediaView == null) {
                            throw new IllegalStateException(MediaView.NO_IMAGE);
                        }
                        return mediaView.experimentMedia();
                    }));
        }
        return labView;
    }
    private dev.costbench.ui.scenario.ScenarioView scenarioView;

    private dev.costbench.ui.scenario.ScenarioView scenarioView() {
        if (scenarioView == null) {
            scenarioView = new dev.costbench.ui.scenario.ScenarioView(() -> promptVm.catalogProperty().get(),
                    () -> store);
        }
        return scenarioView;
    }

    /** "Check quality": the original and the tuned prompt go to the A/B lab's setup. */
    private void checkQuality(dev.costbench.ui.prompt.TunePane.QualityCheck q) {
        tabs.getSelectionModel().select(labTab);
        labView().showSetup();
        String note = q.fill(labView().setup());
        promptView.tunePane().status().setText(note);
    }

    /** "Use this prompt in the scenario planner": the Prompt view's prompt becomes a request type. */
    private void promptToScenario() {
        dev.costbench.model.tokens.Encoding enc = dev.costbench.model.tokens.Encoding.O200K_BASE;
        long sys = dev.costbench.model.tokens.Tokenizers.count(enc, promptVm.systemTextProperty().get());
        long few = promptVm.turns().stream().mapToLong(t -> dev.costbench.model.tokens.Tokenizers.count(enc,
                t.textProperty().get())).sum();
        long user = dev.costbench.model.tokens.Tokenizers.count(enc, promptVm.userTextProperty().get());
        var row = promptView.table().selectedRow();
        String model = row == null ? "gpt-5-mini" : row.model().id();
        var t = new dev.costbench.model.scenario.RequestType("prompt-" + System.currentTimeMillis() % 10000,
                "From the Prompt view", dev.costbench.model.scenario.Volume.monthly(
                        promptVm.monthlyRequestsProperty().get()), model,
                new dev.costbench.model.scenario.TextTokens(sys, few, user, promptVm.outputTokensProperty().get(),
                        promptVm.reasoningTokensProperty().get()), java.util.List.of(), null, null,
                java.math.BigDecimal.ZERO, null);
        tabs.getSelectionModel().select(scenarioTab);
        scenarioView().addRequestType(t);
    }
    private java.util.concurrent.CompletableFuture<ProviderAccess> access;
    private volatile dev.costbench.model.lab.LabStore store;
    private volatile boolean stopped;
    private TabPane tabs;
    private final HBox banner = new HBox(8);
    private Scene scene;

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("start()");
        Catalog catalog = loadCatalog();
        StartupProbe.mark("catalog");
        promptVm = new PromptViewModel(catalog);
        if (!Boolean.getBoolean("costbench.emptyPrompt")) {
            seedExample(promptVm);
        }
        // The keychain and (openStore) the H2 store are opened off the FX thread once the first frame is drawn, so
        // that they do not take the CPU from it: on 2 cores the window is usable about a second sooner. The data
        // directory is the one in force now.
        Path data = AppDirs.dataDir();
        access = java.util.concurrent.CompletableFuture.supplyAsync(() -> new ProviderAccess(
                dev.costbench.providers.ProviderConfig.fromSystem(dev.costbench.providers.keys.CredentialStores.best(
                        data, CostBenchApp::askPassphrase))), this::afterFirstFrame);
        promptView = new PromptView(promptVm, id -> access.join().clients().client(id));
        promptView.runPane().setCallListener((m, purpose, r, cost) -> ledger(m.provider(), m.id(), cost));
        promptView.tunePane().setCallListener((m, purpose, r, cost) -> ledger(m.provider(), m.id(), cost));
        promptView.tunePane().setOnCheckQuality(this::checkQuality);
        openStore(data);
        StartupProbe.mark("prompt view");

        TabPane tabs = new TabPane();
        Tab prompt = new Tab("Prompt", promptView);
        prompt.setClosable(false);
        // Built when first shown: its controls would otherwise add to the CSS and layout of the first frame.
        Tab media = new Tab("Media");
        media.setClosable(false);
        media.selectedProperty().addListener((o, a, on) -> {
            if (on && mediaView == null) {
                mediaView = new MediaView(() -> promptVm.catalogProperty().get());
                media.setContent(mediaView);
            }
        });
        providersTab = new Tab("Providers");
        providersTab.setClosable(false);
        providersTab.setTooltip(new javafx.scene.control.Tooltip("API keys, base URLs and connection tests"));
        providersTab.selectedProperty().addListener((o, a, on) -> {
            if (on && providersTab.getContent() == null) {
                providersTab.setContent(new ProvidersView(access.join()));
            } else if (on) {
                ((ProvidersView) providersTab.getContent()).refresh();
            }
        });
        scenarioTab = new Tab("Scenarios");
        scenarioTab.setClosable(false);
        scenarioTab.setTooltip(new javafx.scene.control.Tooltip("What-if planner: volume, levers, the waterfall from "
                + "the naive bill to the optimized one"));
        scenarioTab.selectedProperty().addListener((o, a, on) -> {
            if (on && scenarioTab.getContent() == null) {
                scenarioTab.setContent(scenarioView());
            }
        });
        labTab = new Tab("A/B lab");
        labTab.setClosable(false);
        labTab.setTooltip(new javafx.scene.control.Tooltip("Baseline vs optimized prompts against the real APIs, "
                + "with statistics; every result kept in the local store"));
        labTab.selectedProperty().addListener((o, a, on) -> {
            if (on && labTab.getContent() == null) {
                labTab.setContent(labView());
            } else if (on) {
                labView().refresh();
            }
        });
        tabs.getTabs().addAll(prompt, media, labTab, scenarioTab, providersTab);
        this.tabs = tabs;

        banner.setId("catalog-banner");
        banner.getStyleClass().add("banner");
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.setAlignment(Pos.CENTER_LEFT);
        showProblems(catalog);

        BorderPane root = new BorderPane(tabs);
        root.setTop(new VBox(menuBar(stage), banner));
        scene = new Scene(root, 1500, 920);
        scene.getStylesheets().add(CostBenchApp.class.getResource("app.css").toExternalForm());
        applyTheme(PREFS.getBoolean("darkTheme", false));
        stage.setTitle("CostBench — LLM cost workbench");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setMaximized(PREFS.getBoolean("maximized", true));
        stage.maximizedProperty().addListener((o, a, b) -> PREFS.putBoolean("maximized", b));
        StartupProbe.mark("scene");
        stage.show();
        StartupProbe.mark("show()");
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) { // the first pulse after show() has rendered the window
                    StartupProbe.mark("first frame");
                    firstFrame.countDown();
                    stop();
                }
            }
        }.start();
        // `costbench photo.jpg` (or a file manager's "open with") opens the file in the Media view.
        getParameters().getUnnamed().stream().map(java.nio.file.Path::of).filter(java.nio.file.Files::isRegularFile)
                .findFirst().ifPresent(f -> {
                    tabs.getSelectionModel().select(media);
                    mediaView.load(f);
                });
        // Load the vocabularies now, off the FX thread, so the first keystroke does not wait for them.
        Thread warm = new Thread(() -> {
            Tokenizers.warmUp();
            afterFirstFrame(CostBenchApp::returnStartupGarbage);
        }, "CostBench tokenizer warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * Opens the local H2 store off the UI thread. A second running CostBench holds it: say so and quit rather than
     * risk two runners spending against one budget (the store's own reasoning).
     */
    private void openStore(Path dataDir) {
        Thread t = new Thread(() -> {
            try {
                firstFrame.await(10, java.util.concurrent.TimeUnit.SECONDS);
                if (stopped) {
                    return; // quit before the store was needed
                }
                dev.costbench.model.lab.LabStore s = dev.costbench.store.H2LabStore.open(dataDir);
                store = s;
                if (stopped) {
                    closeStore(); // stop() ran while it opened
                }
            } catch (dev.costbench.model.lab.StoreInUseException e) {
                if (stopped) {
                    return;
                }
                Platform.runLater(() -> {
                    Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
                    a.setHeaderText("CostBench is already running");
                    a.showAndWait();
                    Platform.exit();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    Alert a = new Alert(Alert.AlertType.WARNING, "The local results store could not be opened: "
                            + e.getMessage() + "\n\nCosts and prompts still work; API calls are not recorded.");
                    a.setHeaderText("Results store unavailable");
                    a.show();
                });
            }
        }, "CostBench store");
        t.setDaemon(true);
        t.start();
    }

    private synchronized void closeStore() {
        dev.costbench.model.lab.LabStore s = store;
        store = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing on exit
            }
        }
    }

    /**
     * Runs {@code r} on a new thread once the first frame is drawn. The wait is bounded: should the FX thread block
     * before that frame (on {@code access.join()}), the work still starts.
     */
    private void afterFirstFrame(Runnable r) {
        Thread t = new Thread(() -> {
            try {
                firstFrame.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.run();
        }, "CostBench start-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Start-up allocates much that it drops at once (catalog JSON, CSS, the vocabularies' build buffers). A second
     * after the first frame, with the window idle, one collection hands that heap back to the OS (G1 shrinks the heap
     * at the end of a cycle; the installers run it concurrently, {@code -XX:+ExplicitGCInvokesConcurrent}): the
     * resident memory right after start drops by about 50 MB instead of waiting for the periodic collection.
     */
    private static void returnStartupGarbage() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.gc();
    }

    /** Records a real API call in the ledger (when the store is open). */
    private void ledger(String provider, String model, java.math.BigDecimal cost) {
        dev.costbench.model.lab.LabStore s = store;
        if (s != null) {
            try {
                s.appendLedger(dev.costbench.model.lab.NewLedgerEntry.call(java.time.Instant.now(), provider, model,
                        cost, dev.costbench.model.lab.LedgerPurpose.OTHER));
            } catch (RuntimeException e) {
                System.err.println("costbench: could not record the call in the ledger: " + e.getMessage());
            }
        }
    }

    /** Asks for the passphrase of the encrypted key file (only used where no OS credential store works). */
    static char[] askPassphrase() {
        if (!Platform.isFxApplicationThread()) {
            java.util.concurrent.FutureTask<char[]> f = new java.util.concurrent.FutureTask<>(CostBenchApp::askPassphrase);
            Platform.runLater(f);
            try {
                return f.get();
            } catch (Exception e) {
                return null;
            }
        }
        javafx.scene.control.Dialog<String> d = new javafx.scene.control.Dialog<>();
        d.setTitle("CostBench key file");
        d.setHeaderText("No system keychain is available here, so saved API keys are kept in a file encrypted "
                + "with a passphrase. Enter it:");
        javafx.scene.control.PasswordField pf = new javafx.scene.control.PasswordField();
        pf.setId("passphrase");
        d.getDialogPane().setContent(pf);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? pf.getText() : null);
        Platform.runLater(pf::requestFocus);
        return d.showAndWait().map(String::toCharArray).orElse(null);
    }

    @Override
    public void stop() {
        stopped = true;
        closeStore();
        if (promptVm != null) {
            promptVm.close();
        }
        if (mediaView != null) {
            mediaView.close();
        }
    }

    private static Catalog loadCatalog() {
        return CatalogBuilder.withUserCatalog(AppDirs.userCatalog());
    }

    private static void seedExample(PromptViewModel vm) {
        vm.systemTextProperty().set("You are a concise support assistant for an online store. Answer in two "
                + "sentences or fewer. If the order number is missing, ask for it.");
        vm.addTurn(Role.USER, "Where is my order #1234?");
        vm.addTurn(Role.ASSISTANT, "Order #1234 shipped yesterday and should arrive within 2 business days.");
        vm.userTextProperty().set("Can I change the delivery address for order #5678?");
    }

    private MenuBar menuBar(Stage stage) {
        MenuItem open = new MenuItem("Open text into user message…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> promptView.openUserMessage());
        MenuItem openImage = new MenuItem("Open image, audio or video…");
        openImage.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        openImage.setOnAction(e -> {
            tabs.getSelectionModel().select(1);
            mediaView.chooseFile();
        });
        MenuItem importLl = new MenuItem("Import LiteLLM prices…");
        importLl.setOnAction(e -> importLiteLlm(stage));
        MenuItem reload = new MenuItem("Reload catalog");
        reload.setAccelerator(KeyCombination.keyCombination("F5"));
        reload.setOnAction(e -> reloadCatalog());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, open, openImage, new SeparatorMenuItem(), importLl, reload, new SeparatorMenuItem(),
                quit);

        MenuItem addTurn = new MenuItem("Add few-shot example");
        addTurn.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        addTurn.setOnAction(e -> {
            promptVm.addTurn(Role.USER, "");
            promptVm.addTurn(Role.ASSISTANT, "");
        });
        MenuItem filter = new MenuItem("Filter models");
        filter.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        filter.setOnAction(e -> promptView.table().searchField().requestFocus());
        MenuItem settings = new MenuItem("Providers and API keys…");
        settings.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        settings.setOnAction(e -> tabs.getSelectionModel().select(providersTab));
        MenuItem send = new MenuItem("Send prompt to the selected model");
        send.setAccelerator(KeyCombination.keyCombination("Shortcut+Enter"));
        send.setOnAction(e -> {
            tabs.getSelectionModel().select(0);
            promptView.showRun();
            promptView.runPane().send();
        });
        MenuItem quality = new MenuItem("Check quality of the tuned prompt in the A/B lab");
        quality.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+L"));
        quality.setOnAction(e -> promptView.tunePane().checkQuality());
        MenuItem toScenario = new MenuItem("Use this prompt in the scenario planner");
        toScenario.setOnAction(e -> promptToScenario());
        Menu edit = new Menu("Edit", null, addTurn, filter, new SeparatorMenuItem(), send, quality, toScenario,
                settings);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setSelected(PREFS.getBoolean("darkTheme", false));
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().addListener((o, a, b) -> {
            PREFS.putBoolean("darkTheme", b);
            applyTheme(b);
        });
        MenuItem tokens = new MenuItem("Tokens of the prompt");
        tokens.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        tokens.setOnAction(e -> {
            tabs.getSelectionModel().select(0);
            promptView.showTokens();
        });
        Menu view = new Menu("View", null, dark, tokens);

        MenuItem problems = new MenuItem("Catalog problems…");
        problems.setOnAction(e -> showProblemList(promptVm.catalogProperty().get()));
        MenuItem about = new MenuItem("About CostBench");
        about.setOnAction(e -> {
            Catalog c = promptVm.catalogProperty().get();
            Alert a = new Alert(Alert.AlertType.INFORMATION, "CostBench " + dev.costbench.cli.Cli.class.getPackage()
                    .getImplementationVersion() + "\nPricing catalog as of " + c.asOf() + ", " + c.size()
                    + " models.\nUser data: " + AppDirs.dataDir());
            a.setHeaderText("CostBench — model and cut the cost of LLM applications");
            a.initOwner(stage);
            a.show();
        });
        MenuItem licences = new MenuItem("Third-party licences…");
        licences.setOnAction(e -> showLicences(stage));
        Menu help = new Menu("Help", null, problems, licences, about);
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * Shows THIRD-PARTY-NOTICES.txt, which the installers put next to the application's jars
     * (installers/common/Notices.java); a development build has none and says where it comes from.
     */
    private static void showLicences(Stage owner) {
        String text;
        try {
            Path jarDir = Path.of(CostBenchApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
            Path notices = jarDir.resolve("THIRD-PARTY-NOTICES.txt");
            text = java.nio.file.Files.isRegularFile(notices) ? java.nio.file.Files.readString(notices)
                    : "This build was not made by the installers, so it carries no THIRD-PARTY-NOTICES.txt.\n"
                    + "installers/build.sh writes it from the bundled libraries' POMs "
                    + "(installers/common/Notices.java); the libraries are listed in app/*/pom.xml.";
        } catch (Exception ex) {
            text = "The licence file could not be read: " + ex.getMessage();
        }
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefSize(820, 560);
        area.setStyle("-fx-font-family: monospace");
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("CostBench is Apache-2.0 licensed and bundles these libraries");
        a.getDialogPane().setContent(area);
        a.getDialogPane().setMinWidth(880);
        a.setResizable(true);
        a.initOwner(owner);
        a.show();
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (scene != null) {
            scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
        }
    }

    private void reloadCatalog() {
        Catalog c = loadCatalog();
        promptVm.catalogProperty().set(c);
        showProblems(c);
    }

    private void showProblems(Catalog c) {
        banner.getChildren().clear();
        if (c.problems().isEmpty()) {
            banner.setVisible(false);
            banner.setManaged(false);
            return;
        }
        Label text = new Label(c.problems().size() + " problem(s) in the pricing catalog: the affected entries "
                + "or fields were skipped, everything else loaded. First: " + c.problems().get(0));
        text.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button details = new Button("Details");
        details.setOnAction(e -> showProblemList(c));
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> {
            banner.setVisible(false);
            banner.setManaged(false);
        });
        banner.getChildren().addAll(text, spacer, details, dismiss);
        banner.setVisible(true);
        banner.setManaged(true);
    }

    private void showProblemList(Catalog c) {
        TextArea list = new TextArea(c.problems().isEmpty() ? "No problems: every catalog entry loaded."
                : c.problems().stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
        list.setEditable(false);
        list.setWrapText(true);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("Pricing catalog problems (user catalog: " + AppDirs.userCatalog() + ")");
        a.getDialogPane().setContent(list);
        a.setResizable(true);
        a.show();
    }

    private void importLiteLlm(Stage stage) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import LiteLLM model_prices_and_context_window.json");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = fc.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        Path target = AppDirs.userCatalog();
        Task<LiteLlmImporter.Result> task = new Task<>() {
            @Override
            protected LiteLlmImporter.Result call() throws Exception {
                try (InputStream in = Files.newInputStream(f.toPath())) {
                    LiteLlmImporter.Result r = LiteLlmImporter.convert(in, f.getName(), CatalogBuilder.builtIn());
                    LiteLlmImporter.mergeInto(target, r.catalog());
                    return r;
                }
            }
        };
        task.setOnSucceeded(e -> {
            LiteLlmImporter.Result r = task.getValue();
            reloadCatalog();
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Imported " + r.imported() + " chat models into "
                    + target + " (" + r.skipped() + " other entries skipped)."
                    + (r.warnings().isEmpty() ? "" : "\n\n" + String.join("\n", r.warnings()))
                    + "\n\nImported values override the built-in ones and are marked ✎ in the table.");
            a.setHeaderText("LiteLLM prices imported");
            a.initOwner(stage);
            a.show();
        });
        task.setOnFailed(e -> {
            Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(task.getException().getMessage())
                    + "\n\nYour user catalog was not changed.");
            a.setHeaderText("Could not import " + f.getName());
            a.initOwner(stage);
            a.show();
        });
        Thread t = new Thread(task, "CostBench LiteLLM import");
        t.setDaemon(true);
        t.start();
    }
}

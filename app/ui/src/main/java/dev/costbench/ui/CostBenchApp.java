// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.batch.BatchRunner;
import dev.costbench.model.lab.calibration.Calibrations;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.keys.CredentialStores;
import dev.costbench.store.JdbcLabStore;
import dev.costbench.store.LabStores;
import dev.costbench.ui.common.FxDialogService;
import dev.costbench.ui.common.FxFormDialogs;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.UiCalls;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.UserPrefs;
import dev.costbench.ui.common.ViewSetting;
import dev.costbench.ui.common.handoff.CatalogInUse;
import dev.costbench.ui.lab.BatchRunsViewModel;
import dev.costbench.ui.lab.LabView;
import dev.costbench.ui.lab.LabViewModel;
import dev.costbench.ui.lab.ResultsViewModel;
import dev.costbench.ui.lab.SetupViewModel;
import dev.costbench.ui.media.MediaView;
import dev.costbench.ui.media.MediaViewModel;
import dev.costbench.ui.prompt.MyModels;
import dev.costbench.ui.prompt.PromptFeature;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.prompt.PromptViewModel;
import dev.costbench.ui.prompt.SendPorts;
import dev.costbench.ui.prompt.WorkspaceMemory;
import dev.costbench.ui.prompt.WorkspaceParts;
import dev.costbench.ui.prompt.WorkspaceViewModel;
import dev.costbench.ui.providers.ProviderAccess;
import dev.costbench.ui.providers.ProvidersView;
import dev.costbench.ui.providers.ProvidersViewModel;
import dev.costbench.ui.providers.TeamCatalogViewModel;
import dev.costbench.ui.providers.TeamStoreViewModel;
import dev.costbench.ui.ratecard.RateCardView;
import dev.costbench.ui.ratecard.RateCardViewModel;
import dev.costbench.ui.scenario.ScenarioView;
import dev.costbench.ui.scenario.ScenarioViewModel;
import dev.costbench.ui.shell.Feature;
import dev.costbench.ui.shell.MainWindow;
import dev.costbench.ui.shell.MenuActions;
import dev.costbench.ui.shell.StoreAccess;
import dev.costbench.ui.shell.WorkbenchViewModel;
import dev.costbench.ui.workload.WorkloadsView;
import dev.costbench.ui.workload.conversation.ConversationView;
import dev.costbench.ui.workload.conversation.ConversationViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Stage;

/**
 * The composition root: builds the services (task executor, dialog service, catalog, provider access, store), the
 * features' view models and views, wires the hand-offs between features, and gives them to the {@link MainWindow}.
 * Nothing else in the UI constructs a feature or knows two of them.
 */
public final class CostBenchApp extends Application {

    private static final String PROMPT = "Prompt";
    private static final String MEDIA = "Media";
    private static final String LAB = "A/B lab";
    private static final String SCENARIOS = "Scenarios";
    private static final String PROVIDERS = "Providers";
    private static final String RATES = "Rates";
    private static final String WORKLOADS = "Workloads";

    private FxTaskExecutor tasks;
    private UiContext ui;
    private WorkbenchViewModel workbench;
    private StoreAccess storeAccess;
    private PromptFeature promptFeature;
    private PromptViewModel promptVm;
    private PromptView promptView;
    private WorkspaceViewModel workspace;
    private MediaViewModel mediaVm;
    private MediaView mediaView;
    private LabView labView;
    private BatchRunsViewModel batchRuns;
    private ScenarioView scenarioView;
    private WorkloadsView workloadsView;
    /** The open scenario's window title, once the planner exists. */
    private final StringProperty scenarioTitle = new SimpleStringProperty();

    private ProvidersViewModel providersVm;
    private TeamCatalogViewModel teamCatalog;
    private RateCardViewModel rateCardVm;
    private MainWindow window;
    private final CompletableFuture<ProviderAccess> access = new CompletableFuture<>();

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("start()");
        FxDialogService dialogs = new FxDialogService(() -> stage);
        tasks = new FxTaskExecutor((job, e) -> dialogs.error(
                "Something went wrong (" + job + ")",
                UiContext.describe(e) + "\n\nYour work is unchanged. Try again; if it keeps failing, run "
                        + "./costbench --self-test and report what it prints."));
        ui = new UiContext(tasks, dialogs);
        CatalogInUse catalogInUse = AppFacts.catalogInUse(); // the personal file, or the team catalog (Team store)
        Catalog catalog = CatalogBuilder.withUserCatalog(catalogInUse.get().file());
        StartupProbe.mark("catalog");
        workbench = new WorkbenchViewModel(
                ui,
                AppFacts.catalogSource(catalogInUse),
                catalog,
                () -> AppFacts.aboutText(workbench.catalogProperty().get()),
                AppFacts::licenceText);
        promptFeature = new PromptFeature(
                ui,
                catalog,
                id -> access.join().clients().client(id),
                (name, baseline, optimized) -> {
                    window.select(LAB);
                    labView().viewModel().checkQuality(name, baseline, optimized);
                },
                t -> {
                    window.select(SCENARIOS);
                    scenarioView().viewModel().addRequestType(t);
                },
                new SendPorts(
                        id -> SendAccess.problem(access.join(), id),
                        SendAccess.history(() -> storeAccess),
                        () -> SendAccess.workspaceKey(workspace)));
        promptFeature.table().useMyModels(MyModels.in(UserPrefs.node("prompt")));
        promptVm = promptFeature.prompt();
        promptVm.catalogProperty().bind(workbench.catalogProperty());
        rateCardVm = new RateCardViewModel(
                ui, AppDirs.rateCard(), () -> workbench.catalogProperty().get());
        promptVm.rateCardProperty().bind(rateCardVm.savedProperty());
        rateCardVm.load();
        boolean emptyPrompt = Boolean.getBoolean("costbench.emptyPrompt");
        if (!emptyPrompt) {
            AppFacts.seedExample(promptVm);
        }
        Path data = AppDirs.dataDir(); // the data directory in force now
        workspace = new WorkspaceViewModel(
                ui,
                WorkspaceParts.of(promptFeature),
                data.resolve("workspace-autosave.json"),
                Duration.ofSeconds(3),
                new WorkspaceMemory(UserPrefs.node("workspace")));
        if (!emptyPrompt) {
            workspace.restore(); // the last session's prompt (also after a crash); the example on a first start
        }
        // the team store when one is chosen (COSTBENCH_STORE_URL or the Providers tab), else the file, as always
        storeAccess = new StoreAccess(
                ui,
                dir -> LabStores.open(
                        dir, url -> LabStores.password(url, () -> CredentialStores.best(dir, this::askPassphrase))),
                Platform::exit);
        teamCatalog = AppFacts.teamCatalog(ui, storeAccess, catalogInUse, workbench);
        // batch runs: once the store is open, the batches left open by an earlier session are polled until they end
        batchRuns = new BatchRunsViewModel(
                ui,
                storeAccess::store,
                () -> storeAccess.store() instanceof JdbcLabStore h ? h.batches() : null,
                () -> workbench.catalogProperty().get(),
                id -> access.join().batches().batch(id),
                BatchRunner.DEFAULT_POLL,
                ZoneId.systemDefault());
        storeAccess.stateProperty().addListener(o -> batchRuns.startPolling());
        promptView = new PromptView(promptFeature);
        promptFeature.setCallListener((m, purpose, r, cost) -> storeAccess.ledger(m.provider(), m.id(), cost));
        // estimates calibrated by the exact counts kept in the store, read again once it has opened
        Calibrations calibrations = new Calibrations(() -> storeAccess.store());
        promptFeature.useCalibration(calibrations);
        storeAccess
                .stateProperty()
                .addListener((o, was, now) -> ui.tasks()
                        .task("read the calibration", p -> {
                            calibrations.refresh();
                            return true;
                        })
                        .onSuccess(x -> promptVm.recompute())
                        .start());
        // the Send pane's history follows the open workspace and appears once the store is open
        workspace.fileProperty().addListener(o -> promptFeature.run().history().refresh());
        storeAccess
                .stateProperty()
                .addListener(o -> promptFeature.run().history().refresh());
        StartupProbe.mark("prompt view");

        window = new MainWindow(
                stage,
                workbench,
                List.of(
                        Feature.of(PROMPT, null, () -> promptView),
                        Feature.of(MEDIA, null, this::mediaView),
                        new Feature(
                                LAB,
                                "Baseline vs optimized prompts against the real APIs, with statistics; every "
                                        + "result kept in the local store",
                                this::labView,
                                () -> labView().refresh()),
                        Feature.of(
                                SCENARIOS,
                                "What-if planner: volume, levers, the waterfall from the naive bill to the "
                                        + "optimized one",
                                this::scenarioView),
                        Feature.of(
                                RATES,
                                "Your negotiated discounts and markups (rate card), applied when \"Use my rates\" is on",
                                () -> new RateCardView(rateCardVm)),
                        new Feature(
                                PROVIDERS,
                                "API keys, base URLs and connection tests",
                                () -> new ProvidersView(
                                        providersVm(),
                                        new TeamStoreViewModel(
                                                ui, access.join(), AppDirs.dataDir(), storeAccess::reopen),
                                        teamCatalog),
                                () -> {
                                    providersVm().refresh();
                                    teamCatalog.check();
                                }),
                        Feature.of(
                                WORKLOADS,
                                "Conversations, retrieved context and agents: cost where the tokens pile up across "
                                        + "calls",
                                this::workloadsView)),
                menuActions(),
                this::quit);
        // The window title names the open prompt, or the open scenario while the Scenarios tab shows; both with
        // the dirty marker.
        stage.titleProperty()
                .bind(Bindings.createStringBinding(
                        () -> SCENARIOS.equals(window.selectedTitle().getValue()) && scenarioTitle.get() != null
                                ? scenarioTitle.get()
                                : workspace.titleProperty().get(),
                        window.selectedTitle(),
                        scenarioTitle,
                        workspace.titleProperty()));
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        StartupProbe.mark("scene");
        window.show();
        StartupProbe.mark("show()");
        window.firstFrame().thenRun(() -> StartupProbe.mark("first frame"));

        // The keychain and the H2 store are opened off the FX thread once the first frame is drawn, so that they do
        // not take the CPU from it: on 2 cores the window is usable about a second sooner.
        tasks.task("provider keys", p -> {
                    awaitFirstFrame();
                    return new ProviderAccess(
                            ProviderConfig.fromSystem(CredentialStores.best(data, this::askPassphrase)));
                })
                .onSuccess(access::complete)
                .onFailure(access::completeExceptionally)
                .start();
        storeAccess.open(data, window.firstFrame());
        // Load the vocabularies now, off the FX thread, so the first keystroke does not wait for them.
        tasks.task("tokenizer warm-up", p -> {
                    Tokenizers.warmUp();
                    awaitFirstFrame();
                    returnStartupGarbage();
                    return null;
                })
                .start();
        // `costbench photo.jpg` (or a file manager's "open with") opens the file in the Media view.
        getParameters().getUnnamed().stream()
                .map(Path::of)
                .filter(Files::isRegularFile)
                .findFirst()
                .ifPresent(f -> {
                    window.select(MEDIA);
                    mediaVm().load(f);
                });
    }

    private MenuActions menuActions() {
        return new MenuActions(
                promptView::openUserMessage,
                () -> {
                    window.select(MEDIA);
                    mediaVm().chooseFile();
                },
                () -> {
                    promptVm.addTurn(Role.USER, "");
                    promptVm.addTurn(Role.ASSISTANT, "");
                },
                () -> promptView.table().searchField().requestFocus(),
                () -> {
                    window.select(PROMPT);
                    promptView.showRun();
                    promptFeature.run().send();
                },
                () -> promptFeature.tune().checkQuality(),
                promptFeature::useInScenario,
                () -> window.select(PROVIDERS),
                () -> {
                    window.select(PROMPT);
                    promptView.showTokens();
                },
                storeAccess::restoreBackup,
                new MenuActions.Workspace(
                        () -> {
                            window.select(PROMPT);
                            workspace.newPrompt();
                        },
                        () -> {
                            window.select(PROMPT);
                            workspace.open();
                        },
                        workspace::save,
                        workspace::saveAs,
                        workspace.recentFiles(),
                        f -> {
                            window.select(PROMPT);
                            workspace.openRecent(f);
                        }));
    }

    /** File ▸ Quit: asks about unsaved changes first. */
    private void quit() {
        if (confirmClose()) {
            Platform.exit();
        }
    }

    /** Asks about the unsaved scenario, then the unsaved prompt; false when either question was cancelled. */
    private boolean confirmClose() {
        return (scenarioView == null || scenarioView.viewModel().confirmClose()) && workspace.confirmClose();
    }

    private MediaView mediaView() {
        if (mediaView == null) {
            mediaView = new MediaView(mediaVm());
        }
        return mediaView;
    }

    private MediaViewModel mediaVm() {
        if (mediaVm == null) {
            mediaVm = new MediaViewModel(ui, () -> workbench.catalogProperty().get());
            mediaVm.choices()
                    .rateCardProperty()
                    .bind(Bindings.createObjectBinding(
                            () -> promptVm.useMyRatesProperty().get()
                                    ? rateCardVm.savedProperty().get()
                                    : RateCard.NONE,
                            promptVm.useMyRatesProperty(),
                            rateCardVm.savedProperty()));
        }
        return mediaVm;
    }

    private LabView labView() {
        if (labView == null) {
            LabViewModel lab = new LabViewModel(
                    ui,
                    storeAccess::store,
                    () -> workbench.catalogProperty().get(),
                    id -> access.join().clients().client(id),
                    () -> new String[] {
                        promptVm.systemTextProperty().get(),
                        promptVm.userTextProperty().get()
                    },
                    () -> {
                        if (mediaVm == null) {
                            throw new IllegalStateException(MediaViewModel.NO_IMAGE);
                        }
                        return mediaVm.experimentMedia();
                    });
            lab.useBatches(batchRuns);
            labView = new LabView(lab);
            SetupViewModel setup = labView.viewModel().setup();
            if (setup != null) { // the last session's A/B setup (also after a crash)
                setup.keepDraft(AppDirs.dataDir().resolve("lab-setup-draft.json"), Duration.ofSeconds(3));
            }
            ResultsViewModel results = labView.viewModel().results();
            results.rates().rateCardProperty().bind(rateCardVm.savedProperty());
            ViewSetting.remember(results.rates().useMyRatesProperty(), UserPrefs.node("lab"), "useMyRates");
        }
        return labView;
    }

    private ScenarioView scenarioView() {
        if (scenarioView == null) {
            scenarioView = new ScenarioView(new ScenarioViewModel(
                    ui,
                    () -> workbench.catalogProperty().get(),
                    storeAccess::store,
                    FxFormDialogs.ownedByFocusedWindow()));
            scenarioTitle.bind(scenarioView.viewModel().titleProperty());
            scenarioView.viewModel().rateCardProperty().bind(rateCardVm.savedProperty());
            ViewSetting.remember(
                    scenarioView.viewModel().useMyRatesProperty(), UserPrefs.node("scenario"), "useMyRates");
        }
        return scenarioView;
    }

    private WorkloadsView workloadsView() {
        if (workloadsView == null) {
            workloadsView = WorkloadsView.of(
                    () -> {
                        ConversationViewModel conversation = new ConversationViewModel(
                                ui, () -> workbench.catalogProperty().get(), workspace::current, Clock.systemUTC());
                        conversation.openSample(ConversationViewModel.FIRST_SAMPLE);
                        return new ConversationView(conversation).root();
                    },
                    () -> workbench.catalogProperty().get(),
                    Clock.systemUTC());
        }
        return workloadsView;
    }

    private ProvidersViewModel providersVm() {
        if (providersVm == null) {
            providersVm = new ProvidersViewModel(ui, access.join());
        }
        return providersVm;
    }

    /** Asks for the passphrase of the encrypted key file (only where no OS credential store works). Any thread. */
    private char[] askPassphrase() {
        return UiCalls.askAndWait(
                tasks,
                () -> ui.dialogs()
                        .askSecret(
                                "No system keychain is available here, so "
                                        + "saved API keys are kept in a file encrypted with a passphrase. Enter it:",
                                "Passphrase")
                        .orElse(null));
    }

    private void awaitFirstFrame() throws InterruptedException {
        try {
            window.firstFrame().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // start anyway: the FX thread may be blocked waiting for this very work
        }
    }

    /**
     * Start-up allocates much that it drops at once (catalog JSON, CSS, the vocabularies' build buffers). A second
     * after the first frame, with the window idle, one collection hands that heap back to the OS (G1 shrinks the heap
     * at the end of a cycle; the installers run it concurrently, {@code -XX:+ExplicitGCInvokesConcurrent}): the
     * resident memory right after start drops by about 50 MB instead of waiting for the periodic collection.
     */
    private static void returnStartupGarbage() throws InterruptedException {
        Thread.sleep(1000);
        System.gc();
    }

    @Override
    public void stop() {
        if (batchRuns != null) {
            batchRuns.close();
        }
        if (storeAccess != null) {
            storeAccess.close();
        }
        if (window != null) { // the stage may outlive this application (tests start several on one)
            window.stage().titleProperty().unbind();
            window.stage().setOnCloseRequest(null);
        }
        if (workspace != null) {
            workspace.close();
        }
        if (labView != null && labView.viewModel().setup() != null) {
            labView.viewModel().setup().flushDraft(); // the A/B setup's draft, before the tasks stop
        }
        if (promptFeature != null) {
            promptFeature.close();
        }
        if (mediaVm != null) {
            mediaVm.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}

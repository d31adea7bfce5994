// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.calibration.Calibrations;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import dev.costbench.ui.common.handoff.ScenarioTarget;

/**
 * The Prompt view's view models, built together: the prompt and its cost table, the cache breakpoints, "Send to
 * the API", Tune and Tokens. The composition root makes one and hands it to {@link PromptView}.
 */
public final class PromptFeature implements ViewModel {

    private final PromptViewModel prompt;
    private final CacheMarks marks;
    private final RunViewModel run;
    private final TuneViewModel tune;
    private final TokensViewModel tokens;
    private final ToolsViewModel tools;
    private final CacheViewModel cache;
    private final CostTableViewModel table;
    private final DiffViewModel diff;
    private final ScenarioTarget scenario;
    private final CalibrationRecorder calibration;

    /**
     * @param clients  the provider clients for real calls (resolved when a call is made)
     * @param quality  receives "Check quality" (the A/B lab)
     * @param scenario receives "Use this prompt in the scenario planner"
     */
    public PromptFeature(
            UiContext ui, Catalog catalog, ClientSource clients, QualityCheckTarget quality, ScenarioTarget scenario) {
        this(ui, catalog, clients, quality, scenario, SendPorts.NONE);
    }

    /** @param send which providers "Send to the API" can call, where its history is kept, the open workspace */
    public PromptFeature(
            UiContext ui,
            Catalog catalog,
            ClientSource clients,
            QualityCheckTarget quality,
            ScenarioTarget scenario,
            SendPorts send) {
        this.prompt = new PromptViewModel(ui, catalog);
        this.calibration = new CalibrationRecorder();
        this.marks = new CacheMarks(prompt);
        this.run = new RunViewModel(
                ui,
                this::request,
                prompt.toolsProperty()::get,
                clients,
                new SendControls(ui, prompt, send.readiness()),
                new SendHistory(ui, prompt, send),
                calibration);
        run.onCalibrated(prompt::recompute);
        this.tune = new TuneViewModel(ui, prompt, clients, CallListener.NONE, quality);
        TokenTaxCounts exact = new TokenTaxCounts(ui, prompt.selectedModelProperty()::get, this::request, clients);
        exact.recordInto(calibration, prompt::recompute);
        this.tokens = new TokensViewModel(ui, prompt, exact);
        this.cache = new CacheViewModel(prompt, marks);
        this.table = new CostTableViewModel(prompt.rows());
        this.diff = new DiffViewModel(ui, tune);
        this.tools = new ToolsViewModel(ui, prompt);
        tools.countExactlyWith(new ToolsExactCount(
                ui, prompt.selectedModelProperty()::get, this::request, prompt.toolsProperty()::get, clients));
        this.scenario = scenario;
    }

    /** The prompt as a provider-neutral request with the marked cache breakpoints (model "selected"). */
    public ChatRequest request() {
        return PromptRequests.current(prompt, marks);
    }

    /** Receives every real call (Send and rewrites): the ledger. */
    public void setCallListener(CallListener l) {
        run.setCallListener(l);
        tune.rewrite().setCallListener(l);
    }

    /**
     * Calibrates the cost table's estimates with {@code c} and keeps every exact count the view learns in it
     * (Count exactly, Send, the token tax's counts).
     */
    public void useCalibration(Calibrations c) {
        calibration.use(c);
        prompt.useCalibration(() -> c.current());
        prompt.recompute();
    }

    /** The calibration in use (none until {@link #useCalibration} is called). */
    public Calibrations calibration() {
        return calibration.calibrations();
    }

    /** "Use this prompt in the scenario planner". */
    public void useInScenario() {
        prompt.useInScenario(scenario);
    }

    public PromptViewModel prompt() {
        return prompt;
    }

    public CacheMarks marks() {
        return marks;
    }

    public RunViewModel run() {
        return run;
    }

    public TuneViewModel tune() {
        return tune;
    }

    /** The cost table's filters. */
    public CostTableViewModel table() {
        return table;
    }

    /** The Tune tab's cache planner. */
    public CacheViewModel cache() {
        return cache;
    }

    /** The Tune tab's before/after comparison. */
    public DiffViewModel diff() {
        return diff;
    }

    public TokensViewModel tokens() {
        return tokens;
    }

    /** The Tools section: tool definitions, the tool meter and the pruning cuts. */
    public ToolsViewModel tools() {
        return tools;
    }

    @Override
    public void close() {
        run.close();
        tune.close();
        tokens.close();
        diff.close();
        tools.close();
        cache.close();
        prompt.close();
    }
}

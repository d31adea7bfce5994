// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.agent;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.workload.agent.AgentCost;
import dev.costbench.model.workload.agent.AgentStudy;
import dev.costbench.model.workload.agent.AgentTask;
import dev.costbench.model.workload.agent.AgentTokens;
import dev.costbench.ui.workload.WorkloadInputs;
import dev.costbench.ui.workload.WorkloadTable;
import dev.costbench.ui.workload.WorkloadViewModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Agent sub-tab: steps per task as fewest / most usual / most, the tokens of a call and the tool output each step
 * adds, failures with a retry cap, the step cap lever and seed 001's planner comparison; recomputed on every change.
 */
public final class AgentViewModel extends WorkloadViewModel {

    public static final String MODELS = "Models";
    public static final String CALLS = "Calls per task";
    public static final String SUCCEED = "Tasks that succeed";
    public static final String PER_ATTEMPTED = "Cost per attempted task";
    public static final String PER_SUCCESSFUL = "Cost per successful task";
    public static final String PER_MONTH = "Cost per month";
    public static final String PLANNER = "Planner on step one";

    private final Clock clock;
    private final ObservableList<AgentStudy.Point> sweep = FXCollections.observableArrayList();
    private AgentStudy study;

    private final ObjectProperty<ModelEntry> model;
    private final ObjectProperty<ModelEntry> planner;
    private final ObjectProperty<Integer> instructionTokens = WorkloadInputs.input(1500, this::recompute);
    private final ObjectProperty<Integer> taskTokens = WorkloadInputs.input(200, this::recompute);
    private final ObjectProperty<Integer> outputPerStep = WorkloadInputs.input(300, this::recompute);
    private final ObjectProperty<Integer> toolOutputTokens = WorkloadInputs.input(800, this::recompute);
    private final ObjectProperty<Integer> minSteps = WorkloadInputs.input(3, this::recompute);
    private final ObjectProperty<Integer> modeSteps = WorkloadInputs.input(6, this::recompute);
    private final ObjectProperty<Integer> maxSteps = WorkloadInputs.input(20, this::recompute);
    private final ObjectProperty<Integer> failurePercent = WorkloadInputs.input(10, this::recompute);
    private final ObjectProperty<Integer> retryCap = WorkloadInputs.input(2, this::recompute);
    private final ObjectProperty<Boolean> successTyped = WorkloadInputs.input(false, this::recompute);
    private final ObjectProperty<Integer> successPercent = WorkloadInputs.input(80, this::recompute);
    private final ObjectProperty<Integer> tasksPerMonth = WorkloadInputs.input(10_000, this::recompute);
    private final ObjectProperty<Boolean> capOn = WorkloadInputs.input(false, this::recompute);
    private final ObjectProperty<Integer> stepCap = WorkloadInputs.input(10, this::recompute);
    private final ObjectProperty<Integer> plannerFailurePercent = WorkloadInputs.input(3, this::recompute);

    public AgentViewModel(Supplier<Catalog> catalog, Clock clock) {
        super(catalog);
        this.clock = clock;
        model = WorkloadInputs.input(WorkloadInputs.pick(models(), "gpt-5-mini"), this::recompute);
        planner = WorkloadInputs.input(WorkloadInputs.pick(models(), "gpt-5"), this::recompute);
        recompute();
    }

    /** Recomputes the figures; a refused input shows its message instead. */
    void recompute() {
        if (model == null || planner == null) {
            return; // still constructing
        }
        try {
            if (model.get() == null) {
                throw new IllegalArgumentException("Choose the model that runs the steps");
            }
            AgentTokens tokens = new AgentTokens(instructionTokens.get(), taskTokens.get(), outputPerStep.get());
            AgentTask task = new AgentTask(
                    minSteps.get(),
                    modeSteps.get(),
                    maxSteps.get(),
                    toolOutputTokens.get(),
                    BigDecimal.valueOf(failurePercent.get(), 2),
                    retryCap.get(),
                    successTyped.get() ? BigDecimal.valueOf(successPercent.get(), 2) : null);
            study = AgentStudy.of(
                    tokens,
                    task,
                    BigDecimal.valueOf(tasksPerMonth.get()),
                    model.get(),
                    planner.get(),
                    BigDecimal.valueOf(plannerFailurePercent.get(), 2),
                    capOn.get() ? stepCap.get() : null,
                    LocalDate.now(clock));
            show(task);
        } catch (IllegalArgumentException e) {
            study = null;
            sweep.clear();
            refuse(e.getMessage());
        }
    }

    private void show(AgentTask task) {
        String cheap = WorkloadInputs.display(model.get());
        List<String> columns = new ArrayList<>(List.of("As typed"));
        List<String[]> cells = new ArrayList<>();
        cells.add(cells(cheap, study.asTyped()));
        if (study.capped() != null) {
            columns.add("Cap steps at " + stepCap.get());
            cells.add(cells(cheap, study.capped()));
        }
        if (study.planned() != null) {
            columns.add(PLANNER);
            cells.add(cells(WorkloadInputs.display(planner.get()) + ", then " + cheap, study.planned()));
        }
        List<WorkloadTable.Row> out = new ArrayList<>();
        String[] figures = {MODELS, CALLS, SUCCEED, PER_ATTEMPTED, PER_SUCCESSFUL, PER_MONTH};
        for (int f = 0; f < figures.length; f++) {
            List<String> v = new ArrayList<>();
            for (String[] c : cells) {
                v.add(c[f]);
            }
            out.add(new WorkloadTable.Row(figures[f], v));
        }
        table().show(columns, out);
        sweep.setAll(study.sweep());
        AgentCost.Result c = study.cheap().cost();
        String line = (String.format(
                "Per attempted task %s · per successful task %s · %s of tasks succeed%s · %s a month",
                Money.format(c.perAttemptedTask()),
                money(c.perSuccessfulTask()),
                percent(c.successShare()),
                task.successShare() == null ? "" : " (typed in; computed " + percent(c.computedSuccess()) + ")",
                Money.format(study.cheap().perMonth())));
        List<String> notes = new ArrayList<>(c.warnings());
        if (study.planned() != null) {
            BigDecimal a = c.perSuccessfulTask();
            BigDecimal b = study.planned().cost().perSuccessfulTask();
            if (a != null && b != null) {
                notes.add(
                        b.compareTo(a) < 0
                                ? "The planner costs less per successful task: " + Money.format(a.subtract(b)) + " less"
                                : "The cheap model everywhere costs less per successful task: "
                                        + Money.format(b.subtract(a)) + " less");
            }
        }
        show(line, String.join("\n", notes));
    }

    private static String[] cells(String models, AgentStudy.Result r) {
        AgentCost.Result c = r.cost();
        return new String[] {
            models,
            c.callsPerTask().setScale(2, RoundingMode.HALF_UP).toPlainString(),
            percent(c.successShare()),
            Money.format(c.perAttemptedTask()),
            money(c.perSuccessfulTask()),
            Money.format(r.perMonth())
        };
    }

    private static String money(BigDecimal v) {
        return v == null ? "no task succeeds" : Money.format(v);
    }

    /** "97.0 %". */
    static String percent(BigDecimal share) {
        return share.movePointRight(2)
                        .round(new MathContext(34))
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString() + " %";
    }

    /** Cost per attempted and per successful task at failure rates from 0 % to 50 %. */
    public ObservableList<AgentStudy.Point> sweep() {
        return sweep;
    }

    /** The last computed figures; null when an input is refused. */
    public AgentStudy study() {
        return study;
    }

    public ObjectProperty<ModelEntry> modelProperty() {
        return model;
    }

    public ObjectProperty<ModelEntry> plannerProperty() {
        return planner;
    }

    public ObjectProperty<Integer> instructionTokensProperty() {
        return instructionTokens;
    }

    public ObjectProperty<Integer> taskTokensProperty() {
        return taskTokens;
    }

    public ObjectProperty<Integer> outputPerStepProperty() {
        return outputPerStep;
    }

    public ObjectProperty<Integer> toolOutputTokensProperty() {
        return toolOutputTokens;
    }

    public ObjectProperty<Integer> minStepsProperty() {
        return minSteps;
    }

    public ObjectProperty<Integer> modeStepsProperty() {
        return modeSteps;
    }

    public ObjectProperty<Integer> maxStepsProperty() {
        return maxSteps;
    }

    public ObjectProperty<Integer> failurePercentProperty() {
        return failurePercent;
    }

    public ObjectProperty<Integer> retryCapProperty() {
        return retryCap;
    }

    public ObjectProperty<Boolean> successTypedProperty() {
        return successTyped;
    }

    public ObjectProperty<Integer> successPercentProperty() {
        return successPercent;
    }

    public ObjectProperty<Integer> tasksPerMonthProperty() {
        return tasksPerMonth;
    }

    public ObjectProperty<Boolean> capOnProperty() {
        return capOn;
    }

    public ObjectProperty<Integer> stepCapProperty() {
        return stepCap;
    }

    public ObjectProperty<Integer> plannerFailurePercentProperty() {
        return plannerFailurePercent;
    }
}

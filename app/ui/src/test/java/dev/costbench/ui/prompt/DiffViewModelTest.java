// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.lab.stats.WordDiff;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tune tab's "Before / after" without a display: summary, token change, tiers, the diff and its limit. */
class DiffViewModelTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private static final String WORDY = "Please make sure to answer in order to help the customer.   \n\n\n\n"
            + "It is important that you are polite. It is important that you are polite.";

    private static PromptFeature feature(TaskExecutor tasks) {
        PromptFeature f = PromptFixtures.feature(new UiContext(tasks, new RecordingDialogService()), null);
        f.prompt().systemTextProperty().set(WORDY);
        f.prompt().userTextProperty().set("Where is my order?");
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        f.tune().analyse();
        return f;
    }

    private static void applyFirstSystemCut(PromptFeature f) {
        List<RequestTuner.TextPart> ps = PromptSnapshot.of(f.prompt()).parts();
        f.tune()
                .apply(f.tune().items().stream()
                        .filter(i -> i.part() >= 0
                                && ps.get(i.part()).key().equals("system")
                                && !i.suggestion().edits().isEmpty())
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void beforeAnyCutThePromptIsUnchangedOnEveryTokenizerAndTier() {
        PromptFeature f = feature(new DirectTaskExecutor());
        DiffViewModel vm = f.diff();
        vm.refresh();
        assertTrue(vm.summaryProperty().get().startsWith("No cut applied yet: the prompt is unchanged."));
        assertEquals(
                List.of("o200k_base (exact)", "cl100k_base (exact)", "Claude (estimate)", "Gemini (estimate)"),
                vm.tokens().stream().map(DiffViewModel.TokenLine::name).toList());
        assertTrue(vm.tokens().stream().allMatch(t -> t.delta() == 0 && t.before() > 0));
        assertTrue(vm.tokens().get(2).approx() && !vm.tokens().get(0).approx(), "estimates are marked");
        assertEquals(Tier.values().length, vm.tiers().size(), "one model per tier");
        assertTrue(
                vm.tiers().stream().anyMatch(t -> t.model().equals("GPT-4o mini (selected)")),
                vm.tiers().toString());
        assertTrue(vm.segments().stream().allMatch(s -> s.op() == WordDiff.Op.EQUAL));
        assertEquals(0, vm.hiddenSegmentsProperty().get());
    }

    @Test
    void anAcceptedCutShowsFewerTokensAndASavingAMonth() {
        PromptFeature f = feature(new DirectTaskExecutor());
        applyFirstSystemCut(f);
        DiffViewModel vm = f.diff();
        vm.refresh();
        String before = f.tune().baseline().render();
        String after = PromptSnapshot.of(f.prompt()).render();
        assertEquals(
                String.format("%,d → %,d characters.", before.length(), after.length()),
                vm.summaryProperty().get());
        assertTrue(vm.tokens().get(0).delta() < 0, vm.tokens().toString());
        DiffViewModel.TierLine selected = vm.tiers().stream()
                .filter(t -> t.model().endsWith("(selected)"))
                .findFirst()
                .orElseThrow();
        assertTrue(selected.deltaTokens() < 0);
        assertTrue(selected.perRequest().contains(" → "), selected.perRequest());
        assertTrue(
                selected.perMonth().startsWith("−$") && selected.perMonth().endsWith(" a month"), selected.perMonth());
        assertTrue(vm.segments().stream().anyMatch(s -> s.op() == WordDiff.Op.DELETE));
        StringBuilder left = new StringBuilder();
        vm.segments().forEach(s -> left.append(s.left()));
        assertEquals(before, left.toString(), "the diff's left side is the prompt before the cut");
    }

    @Test
    void aHugeDiffKeepsTheFirstSegmentsAndSaysHowManyAreLeftOut() {
        PromptFeature f = feature(new DirectTaskExecutor());
        f.prompt().userTextProperty().set("alpha beta ".repeat(2_000));
        f.tune().analyse();
        applyFirstSystemCut(f);
        f.prompt().userTextProperty().set("alpha gamma ".repeat(2_000)); // equal, deleted, inserted: 6,000 segments
        f.diff().refresh();
        assertEquals(DiffViewModel.MAX_SEGMENTS, f.diff().segments().size());
        assertTrue(f.diff().hiddenSegmentsProperty().get() > 0);
        f.prompt().userTextProperty().set("alpha beta ".repeat(2_000));
        f.diff().refresh();
        assertEquals(0, f.diff().hiddenSegmentsProperty().get(), "a smaller diff shows whole again");
    }

    @Test
    void aFailedComparisonSaysSoAndHowToRetry() {
        DirectTaskExecutor direct = new DirectTaskExecutor();
        TaskExecutor failing = new TaskExecutor() {
            @Override
            public <T> Job<T> task(String name, Work<T> work) {
                return direct.task(name, work);
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }

            @Override
            public Lane lane(String name) {
                return new Lane() {
                    @Override
                    public <T> Job<T> task(Work<T> work) {
                        return direct.task(name, p -> {
                            throw new IllegalStateException("the tokenizer's vocabulary could not be read");
                        });
                    }

                    @Override
                    public void close() {}
                };
            }
        };
        PromptFeature f = feature(failing);
        f.diff().refresh();
        assertEquals(
                "The before/after comparison failed: the tokenizer's vocabulary could not be read. Click "
                        + "Analyse to try again.",
                f.diff().summaryProperty().get());
        assertTrue(f.diff().tokens().isEmpty() && f.diff().segments().isEmpty());
        assertTrue(direct.unhandled().isEmpty());
    }
}

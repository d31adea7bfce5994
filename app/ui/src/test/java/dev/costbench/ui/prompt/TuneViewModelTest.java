// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.model.tuning.SuggestionKind;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.ScriptedClient;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tune tab without a display: breakdown, cuts with undo, check quality, and the rewrite by a cheap model. */
class TuneViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final String WORDY = "Please make sure to answer in order to help the customer.   \n\n\n\n"
            + "It is important that you are polite. It is important that you are polite.";
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> ledger = new ArrayList<>();
    private final List<ChatRequest> asked = new ArrayList<>();
    private final List<Object[]> checked = new ArrayList<>();
    private final ScriptedClient fake = new ScriptedClient(ProviderId.OPENAI, asked, new ArrayList<>())
            .answer("Answer politely.")
            .usage(new CanonicalUsage(120, 0, 0, 0, 20, 0))
            .latency(Duration.ofMillis(300), null);

    private PromptFeature feature(DirectTaskExecutor tasks, boolean withClients) {
        QualityCheckTarget lab = (name, b, o) -> checked.add(new Object[] {name, b, o});
        PromptFeature f = new PromptFeature(
                new UiContext(tasks, dialogs), CATALOG, withClients ? id -> fake : null, lab, t -> {});
        f.setCallListener((m, purpose, r, cost) -> ledger.add(purpose + " " + m.id()));
        return f;
    }

    private PromptFeature tuned(String system, String user, String model) {
        PromptFeature f = feature(new DirectTaskExecutor(), true);
        f.prompt().systemTextProperty().set(system);
        f.prompt().userTextProperty().set(user);
        f.prompt().selectedModelProperty().set(CATALOG.find(model).orElseThrow());
        f.tune().analyse();
        return f;
    }

    private static RequestTuner.Item first(TuneViewModel vm, String key) {
        List<RequestTuner.TextPart> ps = PromptSnapshot.of(vm.prompt()).parts();
        return vm.items().stream()
                .filter(i -> i.part() >= 0
                        && ps.get(i.part()).key().equals(key)
                        && !i.suggestion().edits().isEmpty())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withoutAModelItAsksForOne() {
        PromptFeature f = feature(new DirectTaskExecutor(), true);
        f.tune().analyse();
        assertEquals(
                "Select a model in the table to see where its money goes.",
                f.tune().headerProperty().get());
        assertTrue(f.tune().items().isEmpty());
        assertNull(f.tune().breakdownProperty().get());
    }

    @Test
    void aCutLowersTheCountAndUndoRestoresThePromptExactly() {
        PromptFeature f = tuned(WORDY, "Where is my order?", "gpt-4o-mini");
        TuneViewModel vm = f.tune();
        assertTrue(
                vm.headerProperty().get().startsWith("GPT-4o mini · $"),
                vm.headerProperty().get());
        assertTrue(vm.headerProperty().get().endsWith(" a month at 100,000 requests"));
        assertTrue(vm.items().size() >= 2, "whitespace, filler, repetition, verbose phrasing");
        assertEquals(3, vm.breakdownProperty().get().parts().size(), "system, user, output");
        vm.apply(first(vm, "system"));
        String after = f.prompt().systemTextProperty().get();
        assertTrue(Tokenizers.count(Encoding.O200K_BASE, after) < Tokenizers.count(Encoding.O200K_BASE, WORDY));
        assertEquals(1, vm.appliedProperty().get());
        assertTrue(
                vm.statusProperty().get().startsWith("Applied: System prompt: "),
                vm.statusProperty().get());
        assertEquals(WORDY, vm.baseline().system(), "the baseline is the prompt before the first cut");
        vm.apply(first(vm, "system"));
        vm.undo();
        assertEquals(1, vm.appliedProperty().get());
        vm.undoAll();
        assertEquals(WORDY, f.prompt().systemTextProperty().get());
        assertEquals(0, vm.appliedProperty().get());
        assertEquals(
                "Undid 1 cut: the prompt is as it was.", vm.statusProperty().get());
    }

    @Test
    void anUndoOverTextEditedByHandIsRefusedWithWhatToDo() {
        PromptFeature f = tuned(WORDY, "Hi", "gpt-4o-mini");
        TuneViewModel vm = f.tune();
        vm.apply(first(vm, "system"));
        f.prompt().systemTextProperty().set("Something else entirely.");
        vm.undo();
        assertTrue(
                vm.statusProperty().get().contains("cannot be undone: that text was edited by hand"),
                vm.statusProperty().get());
        assertEquals("Something else entirely.", f.prompt().systemTextProperty().get());
    }

    @Test
    void settingsAddTheOutputCapFewShotAndStructuredSuggestions() {
        PromptFeature f = feature(new DirectTaskExecutor(), true);
        PromptViewModel p = f.prompt();
        p.systemTextProperty().set("Classify the ticket and explain your reasoning in detail.");
        PromptFixtures.addTicketExamples(p);
        p.userTextProperty().set("Where is my order?");
        p.outputTokensProperty().set(600);
        p.selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        TuneViewModel vm = f.tune();
        vm.expectedProperty().set("100");
        vm.fewShotBudgetProperty().set("24");
        List<SuggestionKind> kinds =
                vm.items().stream().map(i -> i.suggestion().kind()).toList();
        assertTrue(
                kinds.containsAll(
                        List.of(SuggestionKind.OUTPUT_CAP, SuggestionKind.FEW_SHOT, SuggestionKind.STRUCTURED_OUTPUT)),
                kinds.toString());
        vm.apply(vm.items().stream()
                .filter(i -> i.suggestion().kind() == SuggestionKind.OUTPUT_CAP)
                .findFirst()
                .orElseThrow());
        assertEquals(128, p.outputTokensProperty().get());
        vm.apply(vm.items().stream()
                .filter(i -> i.suggestion().kind() == SuggestionKind.FEW_SHOT)
                .findFirst()
                .orElseThrow());
        assertTrue(p.turns().size() < 6);
        vm.undoAll();
        assertEquals(6, p.turns().size());
        assertEquals(600, p.outputTokensProperty().get());
    }

    @Test
    void checkQualityFoldsTheTurnsIntoTheSystemPromptAndSaysSo() {
        PromptFeature f = tuned(WORDY, "Where is my order?", "gpt-4o-mini");
        f.prompt().addTurn(Role.USER, "Where is #1?");
        f.prompt().addTurn(Role.ASSISTANT, "It shipped.");
        TuneViewModel vm = f.tune();
        vm.analyse();
        vm.apply(first(vm, "system"));
        String tuned = f.prompt().systemTextProperty().get();
        vm.checkQuality();
        Object[] c = checked.get(0);
        assertEquals("Tuned prompt: 1 cut", c[0]);
        QualityCheckTarget.Variant base = (QualityCheckTarget.Variant) c[1];
        QualityCheckTarget.Variant opt = (QualityCheckTarget.Variant) c[2];
        assertEquals(WORDY + "\n\nExamples:\nUser: Where is #1?\nAssistant: It shipped.", base.system());
        assertTrue(opt.system().startsWith(tuned + "\n\nExamples:"));
        assertEquals("Where is my order?", opt.user());
        String note = vm.statusProperty().get();
        assertTrue(note.startsWith("Sent to the A/B lab") && note.contains("few-shot turns are folded"), note);
        assertTrue(note.contains("no {{placeholder}}"), note);
    }

    @Test
    void checkQualityWithoutACutSendsThePromptTwice() {
        PromptFeature f = tuned("Be brief.", "Order {{id}}?", "gpt-4o-mini");
        f.tune().checkQuality();
        assertEquals("Prompt check (no cut applied yet)", checked.get(0)[0]);
        assertEquals(checked.get(0)[1], checked.get(0)[2]);
        assertFalse(f.tune().statusProperty().get().contains("placeholder"));
    }

    @Test
    void aRewriteIsASuggestionWithItsCallCostAndGoesToTheLedger() {
        String sys = "You are a very helpful assistant. Please always make sure that you answer every single "
                + "question that the user asks in a very polite and friendly way.";
        PromptFeature f = tuned(sys, "Hi", "gpt-4.1");
        TuneRewrite rw = f.tune().rewrite();
        assertTrue(rw.models().contains("gpt-4o-mini"));
        assertEquals("gpt-4o-mini", rw.modelProperty().get());
        assertEquals(List.of("System prompt", "User message"), rw.parts());
        rw.start();
        assertEquals("gpt-4o-mini", asked.get(0).model());
        assertEquals(TuneRewrite.INSTRUCTIONS, asked.get(0).system());
        assertEquals(List.of("rewrite gpt-4o-mini"), ledger);
        RequestTuner.Item it = f.tune().items().stream()
                .filter(i -> i.suggestion().kind() == SuggestionKind.REWRITE)
                .findFirst()
                .orElseThrow();
        // gpt-4o-mini: 120 × $0.15/1M + 20 × $0.60/1M = $0.00003
        assertEquals(0, new BigDecimal("0.00003").compareTo(it.costUsd()));
        assertTrue(f.tune().statusProperty().get().startsWith("Rewrite by GPT-4o mini ready, the call cost $"));
        f.tune().reject(it);
        assertTrue(f.tune().items().stream().noneMatch(i -> i.suggestion().kind() == SuggestionKind.REWRITE));
    }

    @Test
    void aRewriteSaysWhatIsMissingBeforeCalling() {
        PromptFeature noKeys = feature(new DirectTaskExecutor(), false);
        noKeys.prompt().systemTextProperty().set("Be brief.");
        noKeys.tune().rewrite().start();
        assertEquals(
                "Select a model in the table first: the saving is priced on it.",
                noKeys.tune().statusProperty().get());
        noKeys.prompt().selectedModelProperty().set(CATALOG.find("gpt-4.1").orElseThrow());
        noKeys.tune().analyse();
        noKeys.tune().rewrite().start();
        assertEquals(
                "No provider access in this window: set up keys in the Providers tab.",
                noKeys.tune().statusProperty().get());
        noKeys.tune().rewrite().modelProperty().set("no-such-model");
        noKeys.tune().rewrite().start();
        assertEquals(
                "“no-such-model” is not in the catalog: pick a model from the list.",
                noKeys.tune().statusProperty().get());

        PromptFeature f = tuned("Be brief.", "", "gpt-4.1");
        f.tune().rewrite().partProperty().set(1);
        f.tune().rewrite().start();
        assertEquals(
                "The user message is empty: nothing to rewrite.",
                f.tune().statusProperty().get());
        assertTrue(asked.isEmpty());
    }

    @Test
    void aFailedOrCancelledRewriteSaysSo() {
        PromptFeature f = tuned("Be brief and polite, always.", "Hi", "gpt-4.1");
        fake.failWith(new ProviderException(
                ProviderId.OPENAI,
                ProviderException.Kind.RATE_LIMIT,
                429,
                "OpenAI is rate-limiting this key (429): wait a minute and try again",
                null,
                null,
                null));
        f.tune().rewrite().start();
        assertEquals(
                "Rewrite failed: OpenAI is rate-limiting this key (429): wait a minute and try again",
                f.tune().statusProperty().get());
        assertTrue(ledger.isEmpty());

        DirectTaskExecutor held = DirectTaskExecutor.held();
        PromptFeature g = feature(held, true);
        g.prompt().systemTextProperty().set("Be brief and polite, always.");
        g.prompt().selectedModelProperty().set(CATALOG.find("gpt-4.1").orElseThrow());
        held.runPending();
        g.tune().analyse();
        g.tune().rewrite().start();
        assertTrue(g.tune().rewrite().runningProperty().get());
        g.tune().rewrite().cancel();
        held.runPending();
        assertEquals("Rewrite cancelled.", g.tune().statusProperty().get());
        assertFalse(g.tune().rewrite().runningProperty().get());
    }

    @Test
    void aRewriteOfTextEditedMeanwhileIsDropped() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        PromptFeature f = feature(held, true);
        f.prompt().systemTextProperty().set("Be brief and polite, always, in every answer.");
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4.1").orElseThrow());
        held.runPending();
        f.tune().analyse();
        f.tune().rewrite().start();
        f.prompt().systemTextProperty().set("Something else.");
        held.runPending();
        assertEquals(
                "The text changed while GPT-4o mini was rewriting it: rewrite again.",
                f.tune().statusProperty().get());
        assertTrue(f.tune().items().stream().noneMatch(i -> i.suggestion().kind() == SuggestionKind.REWRITE));
    }

    @Test
    void whileActiveEditsAreReanalysed() {
        PromptFeature f = tuned("Be brief.", "Hi", "gpt-4o-mini");
        TuneViewModel vm = f.tune();
        String before = vm.headerProperty().get();
        f.prompt().systemTextProperty().set(WORDY.repeat(20));
        assertEquals(before, vm.headerProperty().get(), "not shown: not re-analysed");
        vm.activeProperty().set(true);
        assertFalse(before.equals(vm.headerProperty().get()));
        String now = vm.headerProperty().get();
        f.prompt().systemTextProperty().set("Be brief.");
        assertFalse(now.equals(vm.headerProperty().get()), "shown: every new table re-analyses");
    }
}

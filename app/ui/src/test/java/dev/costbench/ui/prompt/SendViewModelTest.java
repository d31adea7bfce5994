// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.ScriptedClient;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Send to the API" controls and history without a display: the controls reach the request, disabled states say
 * why, every send is kept (success and failure) per workspace, entries re-open, delete and give their settings back,
 * and without a store the history says it is not kept.
 */
class SendViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final Path TOOLS = Path.of("../../resources/tools/support-agent-openai.json");
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final Memory store = new Memory();
    private String workspace = "/prompts/support.json";

    private final ScriptedClient fake = new ScriptedClient();
    private final List<ChatRequest> sent = fake.sent;

    /** A store in memory with the repository's contract: newest first, per workspace. */
    private static final class Memory implements SendHistoryRepository {
        final List<SentRequest> rows = new ArrayList<>();

        @Override
        public SentRequest addSent(NewSentRequest s) {
            SentRequest r = new SentRequest(rows.size() + 1L, s);
            rows.add(r);
            return r;
        }

        @Override
        public List<SentRequest> sentHistory(String workspace) {
            return rows.stream()
                    .filter(r -> r.call().workspace().equals(workspace))
                    .sorted(Comparator.comparing((SentRequest r) -> r.call().time())
                            .thenComparing(SentRequest::id)
                            .reversed())
                    .toList();
        }

        @Override
        public boolean deleteSent(long id) {
            return rows.removeIf(r -> r.id() == id);
        }
    }

    private PromptFeature feature(SendPorts.Readiness readiness, SendHistoryRepository repo) {
        SendPorts ports = new SendPorts(
                readiness,
                new SendPorts.History() {
                    @Override
                    public SendHistoryRepository repository() {
                        return repo;
                    }

                    @Override
                    public String whyAbsent() {
                        return "the results store could not be opened";
                    }
                },
                () -> workspace);
        PromptFeature f = new PromptFeature(
                new UiContext(new DirectTaskExecutor(), dialogs), CATALOG, id -> fake, (n, b, o) -> {}, t -> {}, ports);
        f.prompt().systemTextProperty().set("You are terse.");
        f.prompt().userTextProperty().set("Say hello.");
        f.prompt().outputTokensProperty().set(50);
        f.run().controls().refreshProviders();
        f.run().history().refresh();
        return f;
    }

    private PromptFeature feature() {
        return feature(id -> null, store);
    }

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    @Test
    void theControlsFollowTheTableAndThePromptAndReachTheRequest() {
        PromptFeature f = feature();
        SendControls c = f.run().controls();
        assertNull(c.modelProperty().get());
        assertEquals("50", c.maxOutputProperty().get(), "the prompt's expected output tokens");
        f.prompt().outputTokensProperty().set(700);
        assertEquals("700", c.maxOutputProperty().get());
        f.prompt().selectedModelProperty().set(model("claude-sonnet-4-5"));
        assertEquals("claude-sonnet-4-5", c.modelProperty().get().id(), "the table's selection");

        c.temperatureProperty().set("0.4");
        c.maxOutputProperty().set("900");
        c.effortProperty().set(ReasoningEffort.NONE);
        c.streamProperty().set(false);
        f.run().send();
        ChatRequest r = sent.get(0);
        assertEquals("claude-sonnet-4-5", r.model());
        assertEquals(0.4, r.temperature());
        assertEquals(900, r.maxOutputTokens());
        assertNull(r.reasoningBudget(), "effort None: no thinking");
        assertFalse(r.stream());

        c.effortProperty().set(ReasoningEffort.LOW);
        assertTrue(c.problemProperty().get().contains("raise Max output tokens above 1,024"));
        f.run().send();
        assertEquals(1, sent.size(), "not sent: Anthropic would refuse it");
        c.maxOutputProperty().set("2000");
        f.run().send();
        assertEquals(1024, sent.get(1).reasoningBudget(), "Anthropic: a thinking budget");
        assertNull(sent.get(1).temperature(), "no temperature with thinking");

        c.modelProperty().set(model("gpt-5-mini")); // chosen in the picker, not in the table
        c.effortProperty().set(ReasoningEffort.HIGH);
        c.streamProperty().set(true);
        f.run().send();
        ChatRequest o = sent.get(2);
        assertEquals("gpt-5-mini", o.model());
        assertEquals("high", o.reasoningEffort());
        assertNull(o.temperature());
        assertTrue(o.stream());
        assertEquals(
                "claude-sonnet-4-5", f.prompt().selectedModelProperty().get().id(), "the table is unchanged");
    }

    @Test
    void disabledControlsAndSendSayWhyAndWhatToDo() {
        PromptFeature f = feature(
                id -> id == ProviderId.ANTHROPIC ? "No Anthropic API key: add a key in the " + "Providers tab." : null,
                store);
        SendControls c = f.run().controls();
        SendControls.Choice claude = c.choices().stream()
                .filter(ch -> ch.model().id().equals("claude-haiku-4-5"))
                .findFirst()
                .orElseThrow();
        assertTrue(claude.label().endsWith("add a key in the Providers tab"), claude.label());
        assertEquals("Anthropic", claude.provider());
        assertNull(c.choices().stream()
                .filter(ch -> ch.model().id().equals("gpt-4o-mini"))
                .findFirst()
                .orElseThrow()
                .unavailable());

        f.prompt().selectedModelProperty().set(model("claude-haiku-4-5"));
        assertFalse(f.run().canSendProperty().get());
        assertTrue(c.problemProperty().get().contains("add a key in the Providers tab"));
        f.run().send();
        assertTrue(sent.isEmpty());
        assertEquals("", f.run().errorProperty().get(), "the problem line says it; nothing else happens");

        c.modelProperty().set(model("gpt-5-mini"));
        assertTrue(f.run().canSendProperty().get());
        assertTrue(c.temperatureRefusalProperty().get().contains("reasoning models"));
        assertNull(c.effortRefusalProperty().get());
        c.modelProperty().set(model("gpt-4o-mini"));
        assertNull(c.temperatureRefusalProperty().get());
        assertEquals(
                "GPT-4o mini has no reasoning setting CostBench can send.",
                c.effortRefusalProperty().get());

        c.temperatureProperty().set("hot");
        assertTrue(c.problemProperty().get().startsWith("Temperature must be a number from 0 to 2"));
        assertFalse(f.run().canSendProperty().get());
        c.temperatureProperty().set("");
        c.maxOutputProperty().set("0");
        assertTrue(c.problemProperty().get().startsWith("Max output tokens must be a whole number"));
        c.modelProperty().set(model("gpt-5"));
        c.maxOutputProperty().set("500000");
        assertTrue(
                c.problemProperty()
                        .get()
                        .contains("GPT-5 writes at most 128,000 output tokens: lower Max output tokens."),
                c.problemProperty().get());
        c.maxOutputProperty().set("500");
        assertNull(c.problemProperty().get());
    }

    @Test
    void everySendIsKeptNewestFirstSuccessAndFailure() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        SendHistory h = f.run().history();
        assertTrue(h.entries().isEmpty());
        assertEquals("", h.statusProperty().get(), "an empty list, nothing to explain");
        f.run().send();
        assertEquals(1, h.entries().size());
        SendHistory.Entry ok = h.entries().get(0);
        assertEquals("GPT-4o mini", ok.model());
        assertEquals("2,024 in · 2 out", ok.tokens());
        SentRequest kept = store.rows.get(0);
        assertEquals(workspace, kept.call().workspace());
        assertEquals("openai", kept.call().provider());
        assertEquals("Hello there", kept.call().answer());
        // 1000 × $0.15/1M + 1024 × $0.075/1M + 2 × $0.60/1M
        assertEquals(
                0,
                new BigDecimal("0.000228").compareTo(kept.call().costUsd()),
                kept.call().costUsd().toPlainString());
        assertEquals(Money.format(kept.call().costUsd()), ok.cost());
        assertEquals(50, kept.call().options().maxOutputTokens());
        assertNull(kept.call().error());

        fake.failWith(new ProviderException(
                ProviderId.OPENAI,
                ProviderException.Kind.RATE_LIMIT,
                429,
                "OpenAI is rate-limiting: wait a minute",
                null,
                null,
                null));
        f.run().send();
        assertEquals(2, h.entries().size());
        SendHistory.Entry failed = h.entries().get(0);
        assertEquals("failed", failed.cost());
        assertEquals("no usage", failed.tokens());
        assertEquals(
                "OpenAI is rate-limiting: wait a minute", failed.sent().call().error());
        assertNull(failed.sent().call().costUsd());
        assertEquals(ok, h.entries().get(1), "newest first");
    }

    @Test
    void anEntryReopensItsAnswerUsageAndCostGivesItsSettingsBackAndCanBeDeleted() {
        PromptFeature f = feature();
        RunViewModel run = f.run();
        SendControls c = run.controls();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        c.temperatureProperty().set("0.3");
        c.maxOutputProperty().set("120");
        run.send();
        fake.answer("Second answer");
        c.modelProperty().set(model("claude-haiku-4-5"));
        c.temperatureProperty().set("");
        c.maxOutputProperty().set("2000");
        c.effortProperty().set(ReasoningEffort.NONE);
        c.streamProperty().set(false);
        run.send();
        assertEquals("Second answer", run.answerProperty().get());

        SendHistory.Entry first = run.history().entries().get(1);
        run.reopen(first);
        assertEquals("Hello there", run.answerProperty().get());
        assertTrue(
                RunViewModelTest.figure(run, "Billed").startsWith("$0.000228"), RunViewModelTest.figure(run, "Billed"));
        assertTrue(RunViewModelTest.figure(run, "Reported").startsWith("2024 input"));
        assertTrue(RunViewModelTest.figure(run, "Sent").contains("GPT-4o mini · temperature 0.3 · up to 120"));

        run.useSettings(first);
        assertEquals("gpt-4o-mini", c.modelProperty().get().id());
        assertEquals("0.3", c.temperatureProperty().get());
        assertEquals("120", c.maxOutputProperty().get());
        assertNull(c.effortProperty().get());
        assertTrue(c.streamProperty().get());

        run.history().delete(first);
        assertEquals(1, run.history().entries().size());
        assertEquals(1, store.rows.size());
        assertEquals("Second answer", store.rows.get(0).call().answer());
    }

    /** Asserts that the figure {@code name} of the last call starts or ends as {@code expected} says. */
    private static void assertFigure(RunViewModel run, String name, String expected, boolean atStart) {
        String f = RunViewModelTest.figure(run, name);
        assertTrue(atStart ? f.startsWith(expected) : f.contains(expected), f);
    }

    @Test
    void theEstimateAndTheBilledCostFollowUseMyRatesAndTheHistoryKeepsBoth() {
        PromptFeature f = feature();
        RunViewModel run = f.run();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        f.prompt()
                .rateCardProperty()
                .set(new RateCard(
                        List.of(new RateAdjustment("OpenAI commit", "openai", null, null, new BigDecimal("-10")))));
        run.send(); // Use my rates off: list price
        assertFigure(run, "Estimate", " (list price)", false);
        // 1000 uncached × $0.15 + 1024 cached × $0.075 + 2 × $0.60 per 1M = $0.000228
        assertFigure(run, "Billed", "$0.000228 (list price)", true);

        f.prompt().useMyRatesProperty().set(true);
        run.send();
        assertFigure(run, "Estimate", " at your rates (list price $", false);
        // −10 %: $0.000228 − $0.0000228 = $0.0002052
        assertFigure(run, "Billed", "$0.0002052 at your rates (list price $0.000228)", true);
        // the store keeps the list price; the row shows both while Use my rates is on
        assertEquals(
                0, new BigDecimal("0.000228").compareTo(store.rows.get(1).call().costUsd()));
        assertEquals(
                "$0.000228 list price · $0.0002052 your rates",
                run.history().entries().get(0).cost());
        f.prompt().useMyRatesProperty().set(false);
        assertEquals("$0.000228", run.history().entries().get(0).cost());
    }

    @Test
    void eachWorkspaceHasItsOwnHistory() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        f.run().send();
        workspace = SendHistoryRepository.UNTITLED;
        f.run().history().refresh();
        assertTrue(f.run().history().entries().isEmpty());
        f.run().send();
        f.run().send();
        assertEquals(2, f.run().history().entries().size());
        workspace = "/prompts/support.json";
        f.run().history().refresh();
        assertEquals(1, f.run().history().entries().size());
    }

    @Test
    void withoutAStoreTheHistorySaysItIsNotKeptAndWhy() {
        PromptFeature f = feature(id -> null, null);
        String why = "The history of calls is not kept: the results store could not be opened.";
        assertEquals(why, f.run().history().statusProperty().get());
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        f.run().send();
        assertEquals("Hello there", f.run().answerProperty().get(), "sending still works");
        assertTrue(f.run().history().entries().isEmpty());
        assertEquals(why, f.run().history().statusProperty().get());
        assertNotNull(RunViewModelTest.figure(f.run(), "Billed"));
    }

    // ---- the service tier of a send -----------------------------------------------------------------------------

    @Test
    void theTierFollowsThePromptViewUntilChangedAndBatchSendsAtStandard() {
        PromptFeature f = feature();
        SendControls c = f.run().controls();
        assertEquals(ServiceTier.STANDARD, c.tierProperty().get());
        f.prompt().serviceTierProperty().set(ServiceTier.PRIORITY);
        assertEquals(ServiceTier.PRIORITY, c.tierProperty().get());
        f.prompt().serviceTierProperty().set(ServiceTier.BATCH);
        assertEquals(ServiceTier.STANDARD, c.tierProperty().get(), "a call sent now cannot wait for the batch API");
        assertFalse(c.tiers().contains(ServiceTier.BATCH));
    }

    @Test
    void aModelWithoutTheTierIsRefusedBeforeSending() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        SendControls c = f.run().controls();
        c.tierProperty().set(ServiceTier.FLEX);
        assertEquals(
                "GPT-4o mini has no Flex tier in the catalog: choose Standard or a tier it lists. Nothing was sent.",
                c.problemProperty().get());
        f.run().send();
        assertTrue(sent.isEmpty());
        c.tierProperty().set(ServiceTier.FAST);
        f.prompt().selectedModelProperty().set(model("gpt-5"));
        assertTrue(
                c.problemProperty().get().startsWith("GPT-5 has no Fast mode tier"),
                c.problemProperty().get());
        c.tierProperty().set(ServiceTier.STANDARD);
        assertNull(c.problemProperty().get());
    }

    @Test
    void theTierIsAskedForAndTheHistoryRowShowsAskedAndServed() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(model("gpt-5"));
        f.run().controls().tierProperty().set(ServiceTier.PRIORITY);
        fake.served("default");
        f.run().send();
        assertEquals("priority", sent.get(0).serviceTier());
        SendHistory.Entry e = f.run().history().entries().get(0);
        assertEquals("Priority · served default (priced at Standard)", e.tier());
        assertEquals(ServiceTier.PRIORITY, store.rows.get(0).call().requestedTier());
        assertEquals("default", store.rows.get(0).call().servedTier());
        f.run().controls().tierProperty().set(ServiceTier.STANDARD);
        f.run().useSettings(e);
        assertEquals(ServiceTier.PRIORITY, f.run().controls().tierProperty().get());
        fake.served(null);
        f.run().controls().tierProperty().set(ServiceTier.STANDARD);
        f.run().send();
        assertEquals(null, sent.get(1).serviceTier(), "Standard asks for no tier");
        assertEquals("Standard", f.run().history().entries().get(0).tier());
    }

    @Test
    void theToolsBoxsToolsAreSentAndTheirTokensJoinTheEstimate() throws Exception {
        PromptFeature f = feature();
        RunViewModel run = f.run();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        run.send();
        String without = RunViewModelTest.figure(run, "Estimate");
        assertTrue(sent.get(0).tools().isEmpty(), "no tools in the box: none sent");

        f.prompt().toolsJsonProperty().set(Files.readString(TOOLS));
        run.send();
        assertEquals(
                2,
                sent.size(),
                f.tools().errorProperty().get() + " / "
                        + f.run().errorProperty().get());
        assertEquals(20, sent.get(1).tools().size(), "the Tools box's 20 function tools go with the call");
        String with = RunViewModelTest.figure(run, "Estimate");
        long before = inputTokens(without);
        long after = inputTokens(with);
        long tools = ToolTokenCounter.count(
                        model("gpt-4o-mini"), f.prompt().toolsProperty().get(), ToolChoice.AUTO)
                .tokens();
        assertEquals(before + tools, after, without + " → " + with);
        assertFalse(with.startsWith("≈"), "OpenAI tools are counted exactly: " + with);

        f.prompt().selectedModelProperty().set(model("claude-sonnet-4-5"));
        run.countExactly();
        assertEquals(20, fake.counted.get(0).tools().size(), "Count exactly counts the prompt as sent, tools too");
    }

    @Test
    void aBuiltInToolIsRefusedWithTheReasonBeforeAnythingIsSent() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(model("gpt-4o-mini"));
        f.prompt().toolsJsonProperty().set("[{\"type\": \"web_search\"}]");
        f.run().send();
        assertTrue(sent.isEmpty(), "nothing sent");
        assertTrue(
                f.run().errorProperty().get().contains("runs only on its own provider"),
                f.run().errorProperty().get());
    }

    /** The input tokens of an "Estimate" figure ("≈1234 input tokens, up to …" or "1234 input tokens, …"). */
    private static long inputTokens(String estimate) {
        return Long.parseLong(
                estimate.replace("≈", "").substring(0, estimate.replace("≈", "").indexOf(' ')));
    }
}

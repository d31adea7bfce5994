// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The A/B lab's service tier option, the flags of a tier served other than asked, and re-pricing at a date. */
class LabServiceTierViewModelTest {

    private Path dir;
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("costbench-lab-tiers");
        store = H2LabStore.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Answers as {@link LabFixtures#fake}, the first {@code downgraded} calls served "default", the rest as asked. */
    private ClientSource serving(int downgraded) {
        AtomicInteger calls = new AtomicInteger();
        return id -> {
            ProviderClient inner = LabFixtures.fake(id, sent);
            return new ProviderClient() {
                @Override
                public ProviderId id() {
                    return id;
                }

                @Override
                public ChatResult complete(ChatRequest r, Consumer<String> onDelta, CancelToken cancel)
                        throws ProviderException {
                    ChatResult a = inner.complete(r, onDelta, cancel);
                    String served = calls.getAndIncrement() < downgraded ? "default" : r.serviceTier();
                    return new ChatResult(
                            a.text(),
                            a.usage(),
                            a.inputByModality(),
                            a.finishReason(),
                            a.model(),
                            a.responseId(),
                            a.latency(),
                            a.timeToFirstToken(),
                            a.rawUsageJson(),
                            served);
                }

                @Override
                public TokenCountResult countTokens(ChatRequest r) throws ProviderException {
                    return inner.countTokens(r);
                }

                @Override
                public List<String> listModels() throws ProviderException {
                    return inner.listModels();
                }
            };
        };
    }

    private LabViewModel lab(ClientSource clients) {
        return new LabViewModel(
                LabFixtures.direct(dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                clients,
                () -> new String[] {"", ""},
                null);
    }

    @Test
    void aRunAsksForTheTierPricesWhatWasServedAndFlagsTheDowngrade() {
        LabViewModel lab = lab(serving(3));
        lab.showSetup();
        assertEquals(
                ServiceTier.STANDARD, lab.setup().params().serviceTierProperty().get(), "Standard by default");
        lab.setup().checkedModels().setAll("gpt-5");
        lab.setup().params().serviceTierProperty().set(ServiceTier.PRIORITY);
        lab.setup().run();
        assertNotNull(
                lab.setup().runModel().finishedProperty().get(),
                lab.setup().errorProperty().get());
        assertEquals(18, sent.size());
        assertTrue(sent.stream().allMatch(r -> "priority".equals(r.serviceTier())), "every call asks for priority");

        long id = lab.setup().runModel().finishedProperty().get().experimentId();
        ModelEntry gpt5 = LabFixtures.CATALOG.find("gpt-5").orElseThrow();
        for (Trial t : store.trials(id)) {
            ServiceTier served = "default".equals(t.servedTier()) ? ServiceTier.STANDARD : ServiceTier.PRIORITY;
            assertEquals(ServiceTier.PRIORITY, t.requestedTier());
            assertEquals(
                    0,
                    CostEngine.price(gpt5, t.usage(), BillingOptions.INTERACTIVE.withTier(served))
                            .total()
                            .compareTo(t.costUsd()),
                    "trial " + t.id() + " priced at the tier served, " + t.servedTier());
        }
        assertEquals(
                "GPT-5 · OpenAI: asked for Priority, served default on 3 of 18 trials — priced at Standard",
                lab.results().tiersProperty().get());
        String line = HistoryViewModel.summary(store.overviews().get(0));
        assertTrue(line.contains("3 trials served at another service tier than asked"), line);
    }

    @Test
    void aRunServedAsAskedShowsNoFlag() {
        LabViewModel lab = lab(serving(0));
        lab.showSetup();
        lab.setup().checkedModels().setAll("gpt-5");
        lab.setup().params().serviceTierProperty().set(ServiceTier.FLEX);
        lab.setup().run();
        assertEquals(18, sent.size());
        assertEquals("", lab.results().tiersProperty().get());
        assertTrue(
                !HistoryViewModel.summary(store.overviews().get(0)).contains("service tier"),
                HistoryViewModel.summary(store.overviews().get(0)));
    }

    @Test
    void aTierAProviderCannotBeAskedForIsRefusedBeforeAnythingIsCreated() {
        LabViewModel lab = lab(serving(0));
        lab.showSetup();
        lab.setup().checkedModels().setAll("gpt-4o-mini", "claude-haiku-4-5");
        lab.setup().params().serviceTierProperty().set(ServiceTier.FLEX);
        lab.setup().run();
        String error = lab.setup().errorProperty().get();
        assertTrue(
                error.contains("claude-haiku-4-5: The Anthropic API cannot be asked for the Flex service tier"), error);
        assertTrue(error.contains("Choose Standard"), error);
        assertTrue(sent.isEmpty());
        assertTrue(store.overviews().isEmpty(), "nothing stored");
    }

    @Test
    void reRepricingFollowsThePricesAsOfDate() {
        long id = LabFixtures.finished(store, 2, "Your order ships today.", "Ships today.");
        LabViewModel lab = lab(serving(0));
        lab.history().refresh();
        lab.select(id);
        lab.repriceSelected();
        RepriceView.Shown shown = lab.repricingProperty().get();
        assertNotNull(shown);
        RepriceViewModel vm = lab.repriceModel(shown);
        assertEquals(shown.repricing().pricedAt(), vm.atProperty().get(), "today at first");
        LocalDate later = LocalDate.of(2027, 6, 1);
        vm.atProperty().set(later);
        Repricing r = vm.repricingProperty().get();
        assertEquals(later, r.pricedAt());
        assertTrue(RepriceView.totalText(r).contains("at the prices of 2027-06-01"), RepriceView.totalText(r));
        vm.atProperty().set(null);
        assertTrue(
                vm.errorProperty().get().startsWith("Pick the day"),
                vm.errorProperty().get());
        assertEquals(later, vm.repricingProperty().get().pricedAt(), "the last figures stay");
        new ArrayList<>(dialogs.shown()).forEach(s -> assertTrue(!s.kind().equals("error"), s.toString()));
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tuning.CacheTtl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache planner and the breakpoints without a display: break-even, warnings, settings, the request. */
class CacheViewModelTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private static final String SYSTEM = "You are the support assistant of ACME. Today is {{date}}.\n"
            + "Policy: refunds within 30 days; exchanges within 60 days; shipping is free above $50. ".repeat(90);
    private final PromptFeature f = PromptFixtures.direct(null);
    private final CacheViewModel vm = f.cache();

    /** The break-even of {@code modelId}'s plan ("cheaper from the 2nd call within 5 minutes"), or null. */
    private String breakEven(String modelId) {
        return vm.plans().stream()
                .filter(p -> p.model().id().equals(modelId))
                .map(p -> p.plan().plan().breakEven())
                .findFirst()
                .orElse(null);
    }

    @Test
    void aBreakpointAfterTheSystemPromptShowsTheBreakEvenPerProvider() {
        f.prompt().systemTextProperty().set(SYSTEM);
        f.prompt().userTextProperty().set("Where is my order?");
        f.prompt().selectedModelProperty().set(CATALOG.find("claude-sonnet-4-5").orElseThrow());
        vm.refresh();
        assertTrue(vm.pointsProperty().get().startsWith("No cache breakpoint marked."));
        f.marks().toggle("system", SYSTEM.length());
        vm.refresh();
        assertEquals(
                "1 breakpoint: "
                        + f.marks()
                                .place(PromptSnapshot.of(f.prompt()))
                                .labels()
                                .get(0) + ".",
                vm.pointsProperty().get());
        // Anthropic 5-minute write 1.25×, read 0.1×: (1.25 − 0.1) / (1 − 0.1) = 1.28 → from the 2nd call
        assertEquals("cheaper from the 2nd call within 5 minutes", breakEven("claude-sonnet-4-5"));
        assertEquals("claude-sonnet-4-5", vm.plans().get(0).model().id(), "the selected model first");
        assertEquals(3, vm.plans().size(), "and one model of each other provider");
        assertTrue(
                vm.warnings().stream().anyMatch(w -> w.contains("{{date}}")),
                vm.warnings().toString());
        assertEquals(Part.CacheTtl.FIVE_MINUTES, f.request().systemCache());
    }

    @Test
    void theTtlGoesWithTheRequestAndBadNumbersSayWhatIsExpected() {
        f.prompt().systemTextProperty().set(SYSTEM);
        f.marks().toggle("system", SYSTEM.length());
        vm.ttlProperty().set(CacheTtl.ONE_HOUR);
        assertEquals(Part.CacheTtl.ONE_HOUR, f.request().systemCache());
        vm.rateProperty().set("lots");
        vm.refresh();
        assertEquals(
                "Requests per minute and the storage price must be numbers ≥ 0, e.g. 2 or 0.5.",
                vm.errorProperty().get());
        assertTrue(vm.plans().isEmpty());
        vm.rateProperty().set("0,5");
        vm.storageProperty().set("-1");
        vm.refresh();
        assertTrue(vm.errorProperty().get().startsWith("Requests per minute and the storage price"));
        vm.storageProperty().set("1.00");
        vm.refresh();
        assertEquals("", vm.errorProperty().get());
        assertEquals(3, vm.plans().size(), "no model selected: one per provider");
    }

    @Test
    void breakpointsSplitTheMessagesTheyAreIn() {
        f.prompt().systemTextProperty().set("Be brief.");
        f.prompt().userTextProperty().set("Where is my order?");
        f.marks().toggle("user", 6);
        ChatRequest r = f.request();
        List<Part> parts = r.messages().get(r.messages().size() - 1).parts();
        assertEquals(
                List.of(new Part.Text("Where ", Part.CacheTtl.FIVE_MINUTES), new Part.Text("is my order?")), parts);
        f.prompt().userTextProperty().set("Hi! Where is my order?");
        assertEquals(List.of(10), f.marks().offsets("user"), "typing before a breakpoint moves it");
        Turn q = f.prompt().addTurn(Role.USER, "Example question");
        Turn a = f.prompt().addTurn(Role.ASSISTANT, "Example answer");
        f.marks().toggle(a.key(), "Example answer".length());
        r = f.request();
        assertEquals(
                List.of(new Part.Text("Example question")), r.messages().get(0).parts());
        assertEquals(
                List.of(new Part.Text("Example answer", Part.CacheTtl.FIVE_MINUTES)),
                r.messages().get(1).parts());
        f.marks().marks().clear();
        assertNull(f.request().systemCache());
        assertEquals(q.key(), f.prompt().turns().get(0).key());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Multi-turn test cases: a conversation script's turns each sent with the history so far (the model's earlier
 * replies included), one trial for the whole conversation with the sums of its calls; the script, tools and effort
 * kept by the store.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnerConversationTest extends StoreWithFakes {

    private static final ToolSpec LOOKUP = ToolSpec.of(
            "lookup_order",
            "Find an order by its number",
            "{\"type\":\"object\",\"properties\":{\"order\":{\"type\":\"string\"}},\"required\":[\"order\"]}");

    private static final String SPEC = """
            {"name": "support chat", "models": ["gpt-4o-mini"], "stream": false,
             "parameters": {"maxOutputTokens": 200},
             "tools": [{"name": "lookup_order", "description": "Find an order by its number", "parameters":
                        {"type":"object","properties":{"order":{"type":"string"}},"required":["order"]}}],
             "variants": [{"name": "short", "system": "Answer in one line.", "user": "{{q}}"}],
             "inputs": [{"label": "chat-1", "variables": {"q": "Where is order 42?"},
                         "turns": ["And when does it arrive?", "Thanks!"]}]}""";

    private static ExperimentSpec spec() {
        return spec(SPEC);
    }

    private static ExperimentSpec spec(String json) {
        try {
            return SpecJson.parse(json, "chat.json", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Runner runner(FakeClient.Script script) {
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, script));
        return new Runner(store, this::client, FakeClient.CATALOG::find, 1, 1);
    }

    private static String text(ChatMessage m) {
        return ((Part.Text) m.parts().get(0)).text();
    }

    @Test
    void eachTurnCarriesTheConversationSoFarAndTheTrialIsTheirSum() throws Exception {
        Runner r = runner((req, n) -> new FakeClient.Reply(0, 100L + 50L * n, 20L, false));
        assertEquals(3, spec().plannedCalls(), "three calls: the first message and 2 turns");
        RunPlan plan = r.create(spec());
        RunResult res = r.run(plan.experimentId(), null, null);
        assertEquals(RunResult.Outcome.COMPLETED, res.outcome(), res.message());

        List<ChatRequest> sent = fakes.get(ProviderId.OPENAI).requests;
        assertEquals(3, sent.size());
        List<ChatMessage> second = sent.get(1).messages();
        assertEquals(3, second.size());
        assertEquals("Where is order 42?", text(second.get(0)));
        assertEquals(Role.ASSISTANT, second.get(1).role());
        assertEquals("answer 0 to gpt-4o-mini", text(second.get(1)), "the second request carries the first answer");
        assertEquals("And when does it arrive?", text(second.get(2)));
        assertEquals("answer 1 to gpt-4o-mini", text(sent.get(2).messages().get(3)));
        assertEquals("Thanks!", text(sent.get(2).messages().get(4)));
        assertTrue(sent.stream().allMatch(q -> q.tools().equals(List.of(LOOKUP))), "tools go with every turn");

        List<Trial> trials = store.trials(plan.experimentId());
        assertEquals(1, trials.size(), "one trial is the whole conversation");
        Trial t = trials.get(0);
        assertTrue(t.succeeded());
        assertEquals(new CanonicalUsage(100 + 150 + 200, 0, 0, 0, 60, 0), t.usage());
        assertEquals("answer 0 to gpt-4o-mini\n\nanswer 1 to gpt-4o-mini\n\nanswer 2 to gpt-4o-mini", t.outputText());
        assertEquals(0, t.costUsd().compareTo(store.spentOnExperiment(plan.experimentId())));
    }

    @Test
    void aConversationCutShortIsAFailedTrialThatKeepsWhatItsAnsweredCallsCost() throws Exception {
        Runner r = runner((req, n) -> {
            if (n == 1) {
                throw FakeClient.error(ProviderId.OPENAI, ProviderException.Kind.BAD_REQUEST, 400);
            }
            return new FakeClient.Reply(0, 100L, 20L, false);
        });
        RunPlan plan = r.create(spec());
        r.run(plan.experimentId(), null, null);

        Trial t = store.trials(plan.experimentId()).get(0);
        assertFalse(t.succeeded());
        assertTrue(t.errorText().startsWith("turn 2 of 3: "), t.errorText());
        assertEquals(new CanonicalUsage(100, 0, 0, 0, 20, 0), t.usage());
        assertNotNull(t.costUsd());
        assertTrue(t.costUsd().signum() > 0);
        assertEquals(0, t.costUsd().compareTo(store.spentOnExperiment(plan.experimentId())), "the money is kept");
        assertEquals(1, store.missingTrials(plan.experimentId()).size(), "it runs again on resume");
    }

    @Test
    void theStoreKeepsScriptsToolsAndEffortAndOldExperimentsReadWithout() {
        Runner r = runner((req, n) -> FakeClient.Reply.ok());
        ExperimentSpec s = spec();
        ExperimentSpec withEffort = spec(SPEC.replace("gpt-4o-mini", "gpt-5-mini")
                .replace("\"user\": \"{{q}}\"}", "\"user\": \"{{q}}\", \"effortSweep\": [\"low\", \"high\"]}"));
        RunPlan created = r.create(withEffort);
        RunPlan loaded = RunPlan.load(store, created.experimentId());

        assertEquals(
                List.of("And when does it arrive?", "Thanks!"),
                loaded.inputs().get(0).turns());
        assertEquals(s.inputs(), loaded.spec().inputs());
        assertEquals(
                List.of("short · effort low", "short · effort high"),
                loaded.variants().stream().map(RunPlan.PlannedVariant::name).toList());
        assertEquals(
                ReasoningEffort.HIGH,
                loaded.variants().get(1).spec().parameters().effort());
        assertEquals(List.of(LOOKUP), loaded.variants().get(1).spec().tools());

        RunPlan plain = r.create(RunnerTest.spec(1, null, false));
        assertTrue(RunPlan.load(store, plain.experimentId()).inputs().stream()
                .allMatch(i -> i.turns().isEmpty()));
        assertNull(RunPlan.load(store, plain.experimentId())
                .variants()
                .get(0)
                .spec()
                .parameters()
                .effort());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.SpecJson;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptfooImportTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(
                PromptfooImportTest.class.getResource("/promptfoo/" + name).toURI());
    }

    private static boolean reported(Imported i, String path, String why) {
        return i.unmapped().stream()
                .anyMatch(u -> u.path().equals(path) && u.why().contains(why));
    }

    @Test
    void promptfoosGettingStartedExampleImports() throws Exception {
        Imported i = PromptfooImport.read(fixture("getting-started/promptfooconfig.yaml"));
        ExperimentSpec s = i.spec();
        assertEquals("Getting started", s.name());
        assertEquals(
                List.of("prompt 1", "prompt 2"),
                s.variants().stream().map(ExperimentSpec.VariantSpec::name).toList());
        assertTrue(s.variants().get(0).baseline());
        assertEquals(
                "Convert this English to {{language}}: {{input}}",
                s.variants().get(0).messages().get(0).content());
        assertEquals(
                List.of("gpt-4.1", "o4-mini"),
                s.models().stream().map(ExperimentSpec.ModelSpec::id).toList());
        assertTrue(s.models().stream().allMatch(m -> m.provider() == ProviderId.OPENAI));
        assertEquals(2, s.inputs().size());
        assertEquals(
                Map.of("language", "French", "input", "Hello world"),
                s.inputs().get(0).variables());
        // each test has its own assertion: CostBench's checks apply to every input
        assertTrue(s.quality().checks().isEmpty());
        assertTrue(
                reported(i, "tests[0].assert[0]", "contains applies to this test only"),
                i.unmapped().toString());
        assertTrue(reported(i, "tests[1].assert[0]", "icontains applies to this test only"));
        assertEquals(2, i.unmapped().size(), i.unmapped().toString());
        // the experiment file round-trips through CostBench's own format
        ExperimentSpec back = SpecJson.parse(SpecJson.write(s), "imported.json", null);
        assertEquals(s.variants(), back.variants());
        assertEquals(s.inputs(), back.inputs());
    }

    @Test
    void aRealShapedConfigMapsPromptsProvidersTestsAndAssertionsAndReportsTheRest() throws Exception {
        Imported i = PromptfooImport.read(fixture("support/promptfooconfig.yaml"));
        ExperimentSpec s = i.spec();
        assertEquals("Support ticket triage", s.name());
        // two prompts from the text file (split at ---), the chat JSON file with its system message, one inline
        assertEquals(4, s.variants().size());
        assertTrue(s.variants().get(0).messages().get(0).content().startsWith("Classify this {{product}} ticket."));
        assertTrue(s.variants().get(1).messages().get(0).content().startsWith("Ticket for {{product}}"));
        ExperimentSpec.VariantSpec chat = s.variants().get(2);
        assertEquals("chat with a system message", chat.name());
        assertEquals("You triage support tickets for {{product}}. Answer in JSON.", chat.system());
        assertEquals(List.of(new ExperimentSpec.MessageSpec(Role.USER, "{{ticket}}")), chat.messages());
        assertEquals("Ticket: {{ticket}}", s.variants().get(3).messages().get(0).content());

        assertEquals(
                List.of("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash", "llama3.1"),
                s.models().stream().map(ExperimentSpec.ModelSpec::id).toList());
        assertEquals(ProviderId.COMPATIBLE, s.models().get(3).provider());
        assertEquals(0.2, s.parameters().temperature());
        assertEquals(300, s.parameters().maxOutputTokens());
        assertEquals(ChatRequest.OpenAiApi.CHAT_COMPLETIONS, s.openAiApi());
        assertEquals(2, s.repetitions());
        assertTrue(reported(i, "providers[4]", "bedrock:anthropic.claude-3-haiku"));
        assertTrue(i.notes().stream().anyMatch(n -> n.contains("--base-url http://localhost:11434/v1")));

        // inputs: two inline tests (one variable read from a file) and two CSV rows, each with defaultTest's vars
        assertEquals(
                List.of("double charge", "login", "feature request", "export"),
                s.inputs().stream().map(ExperimentSpec.InputSpec::label).toList());
        assertEquals("CostBench", s.inputs().get(3).variables().get("product"));
        assertTrue(s.inputs().get(1).variables().get("ticket").startsWith("After the password reset"));
        assertFalse(s.inputs().get(2).variables().containsKey("__expected"));

        // checks: defaultTest's, and "contains severity", which every test has
        assertEquals(
                List.of(Check.validJson(), Check.notContains("as an AI").ignoringCase(), Check.contains("severity")),
                s.quality().checks());
        assertTrue(s.quality().judge().rubric().contains("Names the severity as low, medium or high"));
        assertEquals("gpt-4o-mini", s.quality().judge().model(), "the first model judges by default");
        assertTrue(reported(i, "defaultTest.assert[3]", "javascript assertions are refused"));
        assertTrue(reported(i, "defaultTest.assert[4]", "no pass/fail check on a call's latency"));
        assertTrue(reported(i, "tests[0].assert[1]", "regex applies to this test only"));
        assertTrue(reported(i, "env", "never from an imported file"));
        assertTrue(reported(i, "evaluateOptions.maxConcurrency", "no matching CostBench setting"));
        assertFalse(i.unmapped().toString().contains("example.invalid"), "env values are not echoed");
    }

    @Test
    void malformedYamlSaysWhereAndThatNothingWasCreated() {
        SpecException e = assertThrows(
                SpecException.class,
                () -> PromptfooImport.parse(
                        "prompts:\n  - 'unterminated\nproviders: [openai:gpt-5\n", "bad.yaml", null, "bad"));
        assertTrue(e.getMessage().startsWith("bad.yaml is not valid YAML (line "), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was created."), e.getMessage());
    }

    @Test
    void aConfigWithoutAProviderCostBenchCanCallIsRefused() {
        SpecException e = assertThrows(
                SpecException.class,
                () -> PromptfooImport.parse(
                        "prompts: ['Hi {{name}}']\nproviders: [bedrock:foo]\n", "c.yaml", null, "c"));
        assertTrue(e.getMessage().contains("no provider CostBench can use"), e.getMessage());
        assertTrue(e.getMessage().contains("bedrock:foo"), e.getMessage());
    }

    @Test
    void assertionTypesMapToChecks() throws Exception {
        Imported i = PromptfooImport.parse("""
                prompts: ['Say {{x}}']
                providers: [anthropic:messages:claude-haiku-4-5]
                defaultTest:
                  options:
                    provider: openai:gpt-4o-mini
                  assert:
                    - type: equals
                      value: 'a.b'
                    - type: starts-with
                      value: 'Yes'
                    - type: icontains-any
                      value: [cat, dog]
                    - type: contains-all
                      value: [x, y]
                    - type: not-contains
                      value: sorry
                    - type: contains-json
                    - type: python
                      value: file://check.py
                    - type: llm-rubric
                      value: Is polite
                tests:
                  - vars: {x: hello}
                """, "inline.yaml", null, "inline");
        List<Check> c = i.spec().quality().checks();
        assertEquals(Check.regex("\\A\\Qa.b\\E\\z"), c.get(0));
        assertTrue(c.get(0).evaluate("a.b").passed()
                && !c.get(0).evaluate("aXb").passed()
                && !c.get(0).evaluate("a.b!").passed());
        assertTrue(c.get(1).evaluate("Yes, sure").passed()
                && !c.get(1).evaluate("Oh Yes").passed());
        assertTrue(c.get(2).evaluate("A DOG barks").passed()
                && !c.get(2).evaluate("a bird").passed());
        assertEquals(List.of(Check.contains("x"), Check.contains("y"), Check.notContains("sorry")), c.subList(3, 6));
        assertTrue(reported(i, "defaultTest.assert[5]", "contains-json: no matching CostBench check"));
        assertTrue(reported(i, "defaultTest.assert[6]", "python assertions are refused"));
        assertEquals("gpt-4o-mini", i.spec().quality().judge().model(), "defaultTest.options.provider grades");
        assertTrue(i.spec().description().contains("inline.yaml"), "the description names the source");
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.anthropic.AnthropicBatch;
import dev.costbench.providers.gemini.GeminiBatch;
import dev.costbench.providers.openai.OpenAiBatch;
import dev.costbench.providers.testkit.AnthropicBatchStandIn;
import dev.costbench.providers.testkit.MemoryCredentialStore;
import dev.costbench.providers.testkit.MockedProviderTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch source: the live clients' keys and base URLs, no batch API for compatible servers, NO_KEY explained. */
class ProviderBatchesTest extends MockedProviderTest {

    @TempDir
    Path dir;

    private ProviderBatches source(Map<String, String> env) {
        return new ProviderBatches(new ProviderConfig(env, new MemoryCredentialStore(), dir.resolve("p.json")), null);
    }

    @Test
    void eachProviderWithABatchApiGetsItsOwn() throws ProviderException {
        ProviderBatches s =
                source(Map.of("OPENAI_API_KEY", "sk-a", "ANTHROPIC_API_KEY", "sk-b", "GEMINI_API_KEY", "g-c"));
        assertTrue(s.batch(ProviderId.OPENAI).orElseThrow() instanceof OpenAiBatch);
        assertTrue(s.batch(ProviderId.ANTHROPIC).orElseThrow() instanceof AnthropicBatch);
        assertTrue(s.batch(ProviderId.GEMINI).orElseThrow() instanceof GeminiBatch);
        assertFalse(s.batch(ProviderId.COMPATIBLE).isPresent(), "compatible servers have no batch API");
        assertEquals(
                OpenAiBatch.LIMITS, s.batch(ProviderId.OPENAI).orElseThrow().limits());
        assertEquals(50_000, OpenAiBatch.LIMITS.maxRequests());
        assertEquals(100_000, AnthropicBatch.LIMITS.maxRequests());
    }

    @Test
    void withoutAKeyTheUserIsToldWhatToSet() {
        ProviderException e =
                assertThrows(ProviderException.class, () -> source(Map.of()).batch(ProviderId.ANTHROPIC));
        assertEquals(Kind.NO_KEY, e.kind());
        assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY"), e.getMessage());
    }

    @Test
    void theBaseUrlOfTheLiveClientIsTheBatchApisToo() throws ProviderException {
        mock.server.setDispatcher(new AnthropicBatchStandIn("sk-env-key"));
        ProviderBatches s = source(Map.of(
                "ANTHROPIC_API_KEY",
                "sk-env-key",
                "ANTHROPIC_BASE_URL",
                mock.server.url("/").toString()));
        BatchApi api = s.batch(ProviderId.ANTHROPIC).orElseThrow();
        var status = api.submit(BatchFixture.all().get(1).items(1), null);
        assertEquals(BatchState.RUNNING, status.state());
        assertEquals(1, mock.server.getRequestCount());
    }
}

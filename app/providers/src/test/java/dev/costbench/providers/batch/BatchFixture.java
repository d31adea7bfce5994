// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.batch;

import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.providers.anthropic.AnthropicBatch;
import dev.costbench.providers.gemini.GeminiBatch;
import dev.costbench.providers.openai.OpenAiBatch;
import dev.costbench.providers.testkit.AnthropicBatchStandIn;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.GeminiBatchStandIn;
import dev.costbench.providers.testkit.OpenAiBatchStandIn;
import dev.costbench.providers.testkit.ProviderMock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One provider's batch client against its stand-in on a {@link ProviderMock}. */
record BatchFixture(ProviderId id, String prefix, String model, String createPath) {

    static List<BatchFixture> all() {
        return List.of(
                new BatchFixture(ProviderId.OPENAI, "/v1", "gpt-4o-mini", "/batches"),
                new BatchFixture(ProviderId.ANTHROPIC, "/", "claude-sonnet-4-5", "/v1/messages/batches"),
                new BatchFixture(ProviderId.GEMINI, "/v1beta", "gemini-2.5-flash", ":batchGenerateContent"));
    }

    @Override
    public String toString() {
        return id.displayName();
    }

    BatchStandIn standIn() {
        switch (id) {
            case OPENAI:
                return new OpenAiBatchStandIn(ProviderMock.FAKE_KEY);
            case ANTHROPIC:
                return new AnthropicBatchStandIn(ProviderMock.FAKE_KEY);
            default:
                return new GeminiBatchStandIn(ProviderMock.FAKE_KEY);
        }
    }

    /** A fresh client, as after a restart: it knows nothing but the settings. */
    BatchApi api(ProviderMock mock) {
        var engine = mock.engine(mock.settings(id, prefix));
        switch (id) {
            case OPENAI:
                return new OpenAiBatch(engine);
            case ANTHROPIC:
                return new AnthropicBatch(engine);
            default:
                return new GeminiBatch(engine);
        }
    }

    /** {@code n} items "t-0" … with one user turn each, to {@link #model}. */
    List<BatchItem> items(int n) {
        List<BatchItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BatchItem(
                    "t-" + i,
                    ChatRequest.of(model, "Be brief.", "Question " + i).withMaxOutputTokens(50)));
        }
        return out;
    }

    static Map<String, BatchOutcome> collect(BatchApi api, String batchId) throws ProviderException {
        Map<String, BatchOutcome> out = new LinkedHashMap<>();
        api.results(batchId, o -> out.put(o.customId(), o));
        return out;
    }
}

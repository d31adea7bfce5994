// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.SendOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The "Send to the API" history: a round trip of every field, newest first, one list per workspace, delete. */
class SendHistoryStoreTest {

    private static final Instant T = Instant.parse("2026-12-07T10:15:30.123456789Z");
    private static final String WS = "/home/ana/prompts/support.json";

    @TempDir
    Path dir;

    @StoreTest
    void everyFieldComesBackAsKept(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        var options = new SendOptions(0.7, 1234, ReasoningEffort.MEDIUM, false);
        var usage = new CanonicalUsage(100, 20, 5, 1, 40, 12);
        try (JdbcLabStore store = stores.open()) {
            SentRequest kept = store.addSent(new NewSentRequest(
                    WS,
                    T,
                    "anthropic",
                    "claude-haiku-4-5",
                    options,
                    "Your parcel ships today. ✓ 包裹",
                    usage,
                    new BigDecimal("0.000123456789"),
                    null,
                    null,
                    null));
            assertTrue(kept.id() > 0);
            assertEquals(
                    0, new BigDecimal("0.0001234568").compareTo(kept.call().costUsd()), "the money columns' scale");
        }
        try (JdbcLabStore store = stores.open()) {
            SentRequest back = store.sentHistory(WS).get(0);
            assertEquals(WS, back.call().workspace());
            assertEquals(kind.kept(T), back.call().time(), "to the database's precision");
            assertEquals("anthropic", back.call().provider());
            assertEquals("claude-haiku-4-5", back.call().modelId());
            assertEquals(options, back.call().options());
            assertEquals("Your parcel ships today. ✓ 包裹", back.call().answer());
            assertEquals(usage, back.call().usage());
            assertEquals(0, new BigDecimal("0.0001234568").compareTo(back.call().costUsd()));
            assertNull(back.call().error());
            assertFalse(back.failed());
        }
    }

    @StoreTest
    void aFailureKeepsItsReasonWithoutUsageOrCostAndNoDefaults(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        try (JdbcLabStore store = stores.open()) {
            store.addSent(new NewSentRequest(
                    SendHistoryRepository.UNTITLED,
                    T,
                    "openai",
                    "gpt-5-mini",
                    new SendOptions(null, 500, null, true),
                    "",
                    null,
                    null,
                    "OpenAI refused the key sk-proj-TESTONLY0123456789abcdefghijklmnop: check it under Providers",
                    null,
                    null));
            SentRequest back = store.sentHistory(SendHistoryRepository.UNTITLED).get(0);
            assertTrue(back.failed());
            assertNull(back.call().usage());
            assertNull(back.call().costUsd());
            assertNull(back.call().options().temperature());
            assertNull(back.call().options().effort());
            assertFalse(
                    back.call().error().contains("sk-proj"),
                    "never a key: " + back.call().error());
            assertTrue(back.call().error().contains("[redacted]"), back.call().error());
        }
    }

    @StoreTest
    void newestFirstAndOneHistoryPerWorkspace(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        Instant t = kind.kept(T); // the time as the database keeps it, so what is returned equals what is read
        try (JdbcLabStore store = stores.open()) {
            SentRequest first = store.addSent(call(WS, t, "first"));
            SentRequest third = store.addSent(call(WS, t.plusSeconds(120), "third"));
            SentRequest second = store.addSent(call(WS, t.plusSeconds(60), "second"));
            SentRequest other = store.addSent(call(SendHistoryRepository.UNTITLED, t.plusSeconds(30), "other"));
            assertEquals(List.of(third, second, first), store.sentHistory(WS));
            assertEquals(List.of(other), store.sentHistory(SendHistoryRepository.UNTITLED));
            assertEquals(List.of(), store.sentHistory("/somewhere/else.json"));

            assertTrue(store.deleteSent(second.id()));
            assertFalse(store.deleteSent(second.id()), "gone already");
            assertEquals(List.of(third, first), store.sentHistory(WS));
            assertEquals(List.of(other), store.sentHistory(SendHistoryRepository.UNTITLED));
        }
    }

    private static NewSentRequest call(String workspace, Instant at, String answer) {
        return new NewSentRequest(
                workspace,
                at,
                "openai",
                "gpt-4o-mini",
                new SendOptions(0.0, 50, null, true),
                answer,
                new CanonicalUsage(10, 0, 0, 0, 2, 0),
                new BigDecimal("0.0000027"),
                null,
                null,
                null);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.BatchRepository;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.PricesInForce;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects a finished batch's outcomes as trials of its experiment: answers priced at the batch tier ({@link
 * BillingOptions#BATCH}: the catalog's batch prices, with caching as the catalog stacks it for the provider),
 * per-request errors as failed trials with the provider's message, requests that expired or were cancelled as failed
 * trials saying so. Outcomes are recorded {@value #GROUP} to a transaction with {@link BatchRepository#collectAll},
 * which writes nothing for an outcome recorded before: collecting again after a crash midway never counts a trial
 * twice, and a group is recorded whole or not at all.
 */
final class BatchCollector {

    /** The start of a failed trial's text when its batch expired before the request ran. */
    static final String EXPIRED = "batch expired";
    /** The start of a failed trial's text when its batch was cancelled before the request ran. */
    static final String CANCELLED = "batch cancelled";
    /** How many outcomes are recorded in one transaction. */
    static final int GROUP = 250;

    private final BatchRepository batches;
    private final Function<String, Optional<ModelEntry>> catalog;
    private final Estimator estimator;
    private final Clock clock;

    BatchCollector(
            BatchRepository batches, Function<String, Optional<ModelEntry>> catalog, Estimator estimator, Clock clock) {
        this.batches = batches;
        this.catalog = catalog;
        this.estimator = estimator;
        this.clock = clock;
    }

    /** Records every outcome of {@code batch} (in a terminal state) not recorded yet; returns how many it recorded. */
    int collect(RunPlan plan, StoredBatch batch, BatchApi api, ProviderId provider) throws ProviderException {
        String id = batch.batchId();
        Map<String, TrialCell> items = batches.batchItems(id);
        Set<String> seen = new HashSet<>(batches.collectedItems(id));
        Group group = new Group(id);
        if (batch.status().state() != BatchState.FAILED) {
            try {
                api.results(id, o -> {
                    TrialCell cell = items.get(o.customId());
                    if (cell != null && seen.add(o.customId())) {
                        group.add(outcome(plan, batch, provider, cell, o));
                    }
                });
            } catch (ProviderException | RuntimeException e) {
                // the outcomes received before the results broke off are whole: keep them
                try {
                    group.flush();
                } catch (RuntimeException f) {
                    e.addSuppressed(f);
                }
                throw e;
            }
        }
        for (Map.Entry<String, TrialCell> e : items.entrySet()) {
            if (seen.add(e.getKey())) {
                String why = batch.status().state() == BatchState.FAILED
                        ? provider.displayName() + " rejected the whole batch: "
                                + Optional.ofNullable(batch.status().errorMessage())
                                        .orElse("no reason given")
                        : unanswered(batch.status().state());
                BatchOutcome missing = BatchOutcome.error(e.getKey(), null, why);
                group.add(outcome(plan, batch, provider, e.getValue(), missing));
            }
        }
        group.flush();
        batches.markIngested(id);
        return group.recorded;
    }

    /**
     * Outcomes waiting to be recorded, {@link #GROUP} to a transaction ({@link BatchRepository#collectAll}): one
     * commit per group instead of per outcome. A group is recorded whole or not at all, so a crash while one is
     * written loses nothing (collecting again records it) and repeats nothing.
     */
    private final class Group {
        private final String batchId;
        private final List<BatchRepository.Outcome> pending = new ArrayList<>();
        private int recorded;

        Group(String batchId) {
            this.batchId = batchId;
        }

        void add(BatchRepository.Outcome o) {
            pending.add(o);
            if (pending.size() >= GROUP) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<BatchRepository.Outcome> group = List.copyOf(pending);
            pending.clear();
            recorded += batches.collectAll(batchId, group);
        }
    }

    private static String unanswered(BatchState state) {
        return switch (state) {
            case EXPIRED ->
                EXPIRED + ": the 24 h window ended before this request ran; resume the experiment to run " + "it again";
            case CANCELLED ->
                CANCELLED + ": the batch was cancelled before this request ran; resume the experiment "
                        + "to run it again";
            default -> "the batch's results had no answer for this request; resume the experiment to run it again";
        };
    }

    /** The trial and ledger entry {@code o} becomes. */
    private BatchRepository.Outcome outcome(
            RunPlan plan, StoredBatch batch, ProviderId provider, TrialCell cell, BatchOutcome o) {
        Instant now = clock.instant();
        Instant started = batch.submittedAt().isAfter(now) ? now : batch.submittedAt();
        Optional<ModelEntry> entry = catalog.apply(cell.modelId());
        String ledgerProvider =
                entry.map(ModelEntry::provider).orElse(provider.name().toLowerCase(Locale.ROOT));
        String hash = plan.requestHash(cell, provider);
        NewTrial trial;
        BigDecimal billed;
        if (o.succeeded()) {
            ChatResult r = o.result();
            CanonicalUsage usage = r.usage() == null ? new CanonicalUsage(0, 0, 0, 0, 0, 0) : r.usage();
            CostBreakdown cost = entry.map(m -> CostEngine.price(m, usage, BillingOptions.BATCH))
                    .orElse(null);
            billed = cost == null ? null : cost.total();
            trial = new NewTrial(
                    plan.experimentId(),
                    cell,
                    hash,
                    usage,
                    billed,
                    cost != null && cost.complete(),
                    cost == null ? null : PricesInForce.toJson(cost),
                    estimator.cell(plan, cell, null, ServiceTier.BATCH).lowUsd(),
                    null,
                    null,
                    r.finishReason(),
                    r.text(),
                    null,
                    false,
                    started,
                    now,
                    ServiceTier.BATCH,
                    ServiceTier.BATCH.id());
        } else {
            billed = BigDecimal.ZERO;
            trial = NewTrial.failure(plan.experimentId(), cell, hash, failure(provider, o), started, now);
        }
        NewLedgerEntry charge = new NewLedgerEntry(
                now, ledgerProvider, cell.modelId(), billed, plan.experimentId(), null, LedgerPurpose.TRIAL);
        return new BatchRepository.Outcome(o.customId(), trial, charge);
    }

    /** The text of a failed trial: expired and cancelled requests marked so, the provider's message otherwise. */
    private static String failure(ProviderId provider, BatchOutcome o) {
        String code = o.errorCode() == null ? "" : o.errorCode().toLowerCase(Locale.ROOT);
        String message = o.errorMessage() == null ? "no message" : o.errorMessage();
        if (code.equals("expired")) {
            return unanswered(BatchState.EXPIRED);
        }
        if (code.equals("canceled") || code.equals("cancelled")) {
            return unanswered(BatchState.CANCELLED);
        }
        if (code.isEmpty()) {
            return message;
        }
        return provider.displayName() + " refused this request in the batch (" + o.errorCode() + "): " + message;
    }
}

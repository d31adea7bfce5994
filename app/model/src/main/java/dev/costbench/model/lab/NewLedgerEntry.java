// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One real API call to record in the ledger. Every call that can cost money is recorded, whatever it was for.
 *
 * @param provider     the API family or catalog provider ("openai", "anthropic", …)
 * @param model        the model id called
 * @param costUsd      the billed cost, exact; null when the model has no price (sums count it as nothing)
 * @param experimentId the experiment it was made for, or null
 * @param trialId      the trial it produced or judged, or null (set by the store in
 *                     {@link LabStore#addTrial(NewTrial, NewLedgerEntry)})
 */
public record NewLedgerEntry(
        Instant time,
        String provider,
        String model,
        BigDecimal costUsd,
        Long experimentId,
        Long trialId,
        LedgerPurpose purpose) {

    public NewLedgerEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** A call not tied to an experiment (token counting, a connection test). */
    public static NewLedgerEntry call(
            Instant time, String provider, String model, BigDecimal costUsd, LedgerPurpose purpose) {
        return new NewLedgerEntry(time, provider, model, costUsd, null, null, purpose);
    }

    public NewLedgerEntry withTrial(long experiment, long trial) {
        return new NewLedgerEntry(time, provider, model, costUsd, experiment, trial, purpose);
    }
}

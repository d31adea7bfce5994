// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored ledger entry (see {@link NewLedgerEntry}). Deleting a trial or an experiment keeps its ledger entries —
 * the money was spent — with {@code trialId} / {@code experimentId} set to null.
 */
public record LedgerEntry(
        long id,
        Instant time,
        String provider,
        String model,
        BigDecimal costUsd,
        Long experimentId,
        Long trialId,
        LedgerPurpose purpose) {}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The ledger of real API calls and the money they cost.
 * Every method is its own transaction and is durable when it returns (see {@link LabStore}).
 */
public interface LedgerRepository {

    // ---- ledger ----

    LedgerEntry appendLedger(NewLedgerEntry entry);

    /** Entries with {@code from <= time < to}, oldest first. */
    List<LedgerEntry> ledger(Instant from, Instant to);

    /** All that was spent for this experiment (trials, judge calls, …), exact; zero when nothing was. */
    BigDecimal spentOnExperiment(long experimentId);

    /** What was spent for this experiment for one purpose (e.g. the judge, counted apart from the trials). */
    BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose);

    /**
     * What was spent for this experiment for one purpose, per trial (e.g. each output's judge calls), exact; trials
     * without spending are left out.
     */
    Map<Long, BigDecimal> spentPerTrial(long experimentId, LedgerPurpose purpose);

    /** All that was spent on {@code day} in {@code zone}, whatever for. */
    BigDecimal spentOnDay(LocalDate day, ZoneId zone);

    /** What was spent per day from {@code from} to {@code to} inclusive; days without spending are left out. */
    SortedMap<LocalDate, BigDecimal> spentPerDay(LocalDate from, LocalDate to, ZoneId zone);
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import dev.costbench.model.lab.calibration.CalibrationRepository;

/**
 * Everything the A/B lab keeps: experiments and their variants, test inputs and trials, ratings and judge scores,
 * saved scenarios, the ledger of real API calls, media by content hash, and the "Send to the API" history of
 * each prompt workspace.
 *
 * <p>Every method is its own transaction and is durable when it returns: a crash or a kill afterwards loses nothing
 * it wrote. Methods may be called from any thread. Failures of the database itself are {@link LabStoreException}s;
 * invalid arguments (an unknown experiment, a trial whose variant belongs to another experiment) are
 * {@link IllegalArgumentException}s or {@link java.util.NoSuchElementException}s. No API key is ever stored: the JSON
 * the store keeps is checked with {@link SecretGuard}.
 *
 * <p>The methods are declared by area in {@link ExperimentRepository}, {@link JudgingRepository},
 * {@link ScenarioRepository}, {@link LedgerRepository}, {@link MediaRepository} and
 * {@link SendHistoryRepository} and {@link CalibrationRepository}; code that needs one area can
 * depend on that interface alone.
 */
public interface LabStore
        extends ExperimentRepository,
                JudgingRepository,
                ScenarioRepository,
                LedgerRepository,
                MediaRepository,
                SendHistoryRepository,
                CalibrationRepository,
                AutoCloseable {

    /** Closes the database; further calls fail. */
    @Override
    void close();
}

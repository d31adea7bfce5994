// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import java.util.List;

/**
 * The exact counts kept for calibration. Every method is its own transaction and is durable when it returns.
 */
public interface CalibrationRepository {

    /** Keeps one sample. */
    void addCalibrationSample(CalibrationSample sample);

    /** Every sample, oldest first. */
    List<CalibrationSample> calibrationSamples();

    /** Forgets the samples of one tokenizer family (all its content kinds); returns how many were forgotten. */
    int resetCalibration(String family);
}

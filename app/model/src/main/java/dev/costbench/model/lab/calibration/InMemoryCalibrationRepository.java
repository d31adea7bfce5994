// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import java.util.ArrayList;
import java.util.List;

/** Calibration samples kept in memory only (when no store is open, and in tests). */
public final class InMemoryCalibrationRepository implements CalibrationRepository {

    private final List<CalibrationSample> samples = new ArrayList<>();

    @Override
    public synchronized void addCalibrationSample(CalibrationSample sample) {
        samples.add(sample);
    }

    @Override
    public synchronized List<CalibrationSample> calibrationSamples() {
        return List.copyOf(samples);
    }

    @Override
    public synchronized int resetCalibration(String family) {
        int before = samples.size();
        samples.removeIf(s -> s.family().equals(family));
        return before - samples.size();
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole experiment to store at once with {@link LabStore#importExperiment}: its settings, variants, inputs and
 * trials, as an export holds them. The trials refer to variants and inputs by their <em>position</em> in these
 * lists ({@code cell().variantId()} and {@code cell().inputId()} are list indexes) and their {@code experimentId} is
 * ignored: the store gives everything new ids.
 *
 * @param experiment the settings and models
 * @param created    when the experiment was first created (kept, so history stays in time order)
 * @param status     its status; {@link ExperimentStatus#RUNNING} is stored as {@link ExperimentStatus#INTERRUPTED}
 * @param variants   in order
 * @param inputs     in order
 * @param trials     in the order they were recorded
 */
public record ExperimentSnapshot(
        NewExperiment experiment,
        Instant created,
        ExperimentStatus status,
        List<NewVariant> variants,
        List<Input> inputs,
        List<NewTrial> trials) {

    public ExperimentSnapshot {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(created, "created");
        status = status == null || status == ExperimentStatus.RUNNING ? ExperimentStatus.INTERRUPTED : status;
        variants = List.copyOf(variants);
        inputs = List.copyOf(inputs);
        trials = List.copyOf(trials);
        for (NewTrial t : trials) {
            TrialCell c = t.cell();
            if (c.variantId() < 0 || c.variantId() >= variants.size()) {
                throw new IllegalArgumentException(
                        "a trial refers to variant #" + c.variantId() + " but there are " + variants.size());
            }
            if (c.inputId() < 0 || c.inputId() >= inputs.size()) {
                throw new IllegalArgumentException(
                        "a trial refers to input #" + c.inputId() + " but there are " + inputs.size());
            }
            if (!experiment.models().contains(c.modelId())) {
                throw new IllegalArgumentException(
                        "a trial uses model " + c.modelId() + ", which the experiment does not list");
            }
            if (c.repetition() > experiment.repetitions()) {
                throw new IllegalArgumentException(
                        "a trial is repetition " + c.repetition() + " of " + experiment.repetitions());
            }
        }
    }

    /** A test input: a label and the placeholder values. */
    public record Input(String label, Map<String, String> variables) {

        public Input {
            label = label == null ? "" : label;
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
    }
}

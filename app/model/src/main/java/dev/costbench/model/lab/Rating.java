// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.time.Instant;

/** The user's rating of one trial's output (one per trial; rating again replaces it). */
public record Rating(long id, long trialId, RatingScale scale, int value, String comment, Instant created) {}

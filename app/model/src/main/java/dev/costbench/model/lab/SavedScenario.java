// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.time.Instant;

/** A named scenario saved by the user (its content is the scenario feature's JSON; never API keys). */
public record SavedScenario(long id, String name, String json, Instant created, Instant updated) {}

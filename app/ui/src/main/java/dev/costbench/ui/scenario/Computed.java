// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.scenario.FieldError;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioEngine;
import dev.costbench.model.scenario.Tornado;
import dev.costbench.model.scenario.Waterfall;
import java.time.Clock;
import java.util.List;

/**
 * One recomputation of the open scenario, made off the FX thread: its validation errors, or its waterfall and
 * tornado; and the scenario it is compared with, if any.
 *
 * @param waterfall null when there are errors
 */
record Computed(FieldErrors errors, Waterfall waterfall, Tornado.Result tornado, Comparison comparison) {

    /** The scenario compared with: its name and its waterfall, or why there is none ({@code problem}). */
    record Comparison(String name, Waterfall waterfall, String problem) {}

    /**
     * Validates and computes {@code s}; {@code other} is the scenario to compare with (null: none).
     *
     * @param card     the rate card every bill and the tornado get ({@link RateCard#NONE}: list prices)
     * @param selected the request type shown in the form (its fields are marked when wrong)
     */
    static Computed of(Scenario s, Catalog c, RateCard card, int selected, String otherName, ScenarioLibrary library) {
        Comparison comparison = otherName == null || otherName.isBlank() ? null : compare(otherName, c, card, library);
        List<FieldError> errors = ScenarioEngine.validate(s, c);
        if (!errors.isEmpty()) {
            return new Computed(FieldErrors.of(errors, selected), null, null, comparison);
        }
        Clock clock = Clock.systemUTC();
        Waterfall w = ScenarioEngine.compute(s, c, clock, card);
        return new Computed(FieldErrors.NONE, w, Tornado.compute(s, c, Tornado.defaults(), clock, card), comparison);
    }

    private static Comparison compare(String name, Catalog c, RateCard card, ScenarioLibrary library) {
        try {
            return new Comparison(name, ScenarioEngine.compute(library.find(name), c, Clock.systemUTC(), card), null);
        } catch (Exception e) {
            return new Comparison(
                    name, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}

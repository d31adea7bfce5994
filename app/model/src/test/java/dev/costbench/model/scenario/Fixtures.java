// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import java.math.BigDecimal;
import java.util.List;

/** Shared helpers for the scenario tests. */
final class Fixtures {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    private Fixtures() {}

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Exact equality of amounts regardless of scale. */
    static void usd(String expected, BigDecimal actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                () -> "expected " + expected + " but was " + actual.toPlainString());
    }

    static Waterfall compute(Scenario s) {
        return ScenarioEngine.compute(s, CATALOG);
    }

    static Waterfall sample(String name) {
        return compute(ScenarioFiles.sample(name));
    }

    /** A one-type scenario with the given levers. */
    static Scenario scenario(RequestType t, LeverEntry... levers) {
        return Scenario.of("test", Workload.of(t), List.of(), levers);
    }

    static Scenario scenario(RequestType t, List<CustomModel> custom, LeverEntry... levers) {
        return Scenario.of("test", Workload.of(t), custom, levers);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Budget;
import dev.costbench.model.scenario.HeavyTail;
import dev.costbench.model.scenario.HeavyTailFigures;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.Workload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Heavy-tail users and the budget of the open scenario, as text the user types: units per user a month at p50 / p90
 * / p99, the users, the plan prices (separated by commas) and the monthly budget. All heavy-tail fields blank: none;
 * the budget blank: none. The figures come back with the waterfall ({@link #summaryProperty()}).
 */
public final class OutlookModel {

    /** The fields in the order they are shown: key and label. */
    static final Map<String, String> FIELDS = fields(
            List.of("p50", "p90", "p99", "users", "plans", "budget"),
            List.of("p50 per user a month", "p90", "p99", "Users (optional)", "Plan prices $", "Budget $ a month"));

    private final ScenarioViewModel vm;
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private boolean filling;
    private HeavyTail shownTail;
    private Budget shownBudget;

    OutlookModel(ScenarioViewModel vm) {
        this.vm = vm;
        FIELDS.keySet().forEach(k -> {
            StringProperty p = new SimpleStringProperty(this, k, "");
            p.addListener((o, a, b) -> edited());
            text.put(k, p);
        });
        vm.scenarioProperty().addListener((o, a, s) -> {
            if (s != null
                    && (!Objects.equals(s.workload().heavyTail(), shownTail)
                            || !Objects.equals(s.workload().budget(), shownBudget))) {
                fill(s);
            }
        });
        vm.results().waterfallProperty().addListener((o, a, w) -> summary.set(summary(w)));
    }

    private static Map<String, String> fields(List<String> keys, List<String> labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), labels.get(i));
        }
        return m;
    }

    /** The text of field {@code key} (one of {@link #FIELDS}). */
    public StringProperty field(String key) {
        return Objects.requireNonNull(text.get(key), key);
    }

    /** What is wrong with the typed fields and what to do; "" when they read. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The heavy-tail lines and the budget line of the latest figures; "" when neither is asked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void fill(Scenario s) {
        filling = true;
        try {
            HeavyTail h = s.workload().heavyTail();
            Budget b = s.workload().budget();
            set("p50", h == null ? "" : plain(h.p50()));
            set("p90", h == null ? "" : plain(h.p90()));
            set("p99", h == null ? "" : plain(h.p99()));
            set("users", h == null || h.users() == null ? "" : h.users().toString());
            set(
                    "plans",
                    h == null
                            ? ""
                            : String.join(
                                    ", ",
                                    h.planPrices().stream()
                                            .map(OutlookModel::plain)
                                            .toList()));
            set("budget", b == null ? "" : plain(b.monthlyUsd()));
            shownTail = h;
            shownBudget = b;
            problem.set("");
        } finally {
            filling = false;
        }
    }

    private void set(String key, String value) {
        text.get(key).set(value);
    }

    private void edited() {
        if (filling || vm.scenario() == null) {
            return;
        }
        List<String> bad = new ArrayList<>();
        HeavyTail tail = tail(bad);
        BigDecimal budget = number("budget", bad);
        if (!bad.isEmpty()) {
            problem.set("Not a number: " + String.join(", ", bad) + ". Type digits with an optional point (commas "
                    + "separate plan prices).");
            return;
        }
        problem.set("");
        Budget old = vm.scenario().workload().budget();
        shownTail = tail;
        shownBudget = budget == null ? null : new Budget(budget, old == null ? null : old.months());
        vm.edit(s -> {
            Workload w = s.workload().withHeavyTail(shownTail).withBudget(shownBudget);
            return s.withWorkload(w);
        });
    }

    private HeavyTail tail(List<String> bad) {
        BigDecimal p50 = number("p50", bad);
        BigDecimal p90 = number("p90", bad);
        BigDecimal p99 = number("p99", bad);
        BigDecimal users = number("users", bad);
        List<BigDecimal> plans = new ArrayList<>();
        for (String p : text.get("plans").get().split(",")) {
            if (!p.isBlank()) {
                try {
                    plans.add(new BigDecimal(p.trim().replace("$", "")));
                } catch (NumberFormatException e) {
                    bad.add(FIELDS.get("plans"));
                }
            }
        }
        if (p50 == null && p90 == null && p99 == null && plans.isEmpty()) {
            return null;
        }
        HeavyTail old = vm.scenario().workload().heavyTail();
        return new HeavyTail(
                old == null ? null : old.requestType(), p50, p90, p99, users == null ? null : users.longValue(), plans);
    }

    private BigDecimal number(String key, List<String> bad) {
        String s = text.get(key).get().trim().replace(",", "").replace("$", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            bad.add(FIELDS.get(key));
            return null;
        }
    }

    private static String summary(Waterfall w) {
        if (w == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        HeavyTailFigures h = w.heavyTail();
        if (h != null) {
            lines.addAll(h.lines());
        }
        if (w.budget() != null) {
            lines.add(w.budget().line());
        }
        return String.join("\n", lines);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}

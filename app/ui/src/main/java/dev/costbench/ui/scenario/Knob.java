// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Lever;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * The one number of a lever a slider moves: its name, range, whether it is a share (shown as a percentage), its
 * current value and how to make the lever with another value.
 */
record Knob(String name, double min, double max, boolean percent, double value, DoubleFunction<Lever> set) {

    /** The value kept inside the range. */
    double clamped() {
        return Math.max(min, Math.min(max, value));
    }

    /** "60 %", "1,024" or "0.20". */
    String format(double v) {
        return percent
                ? String.format(Locale.ROOT, "%.0f %%", v * 100)
                : max > 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The knob of {@code l}, or null when the lever has no single number to move. */
    static Knob of(Lever l) {
        if (l instanceof Lever.Summarize p) {
            return count("every N turns", 30, p.everyTurns(), n -> new Lever.Summarize(n, p.summaryTokens()));
        }
        if (l instanceof Lever.HistoryWindow p) {
            return count("turns kept", 30, p.turns(), Lever.HistoryWindow::new);
        }
        if (l instanceof Lever.Rerank p && p.chunks() != null) {
            return count("chunks kept", 20, p.chunks(), n -> new Lever.Rerank(n, p.chunkTokens()));
        }
        if (l instanceof Lever.PruneTools p && p.cut() != null) {
            return share("tool tokens cut", p.cut(), v -> new Lever.PruneTools(bd(v), p.tokens()));
        }
        if (l instanceof Lever.PromptCaching p && p.hitRate() != null) {
            return share("hit rate", p.hitRate(), v -> p.withHitRate(bd(v)));
        }
        if (l instanceof Lever.ResponseCache p && p.hitRate() != null) {
            return share("hit rate", p.hitRate(), v -> new Lever.ResponseCache(p.match(), bd(v)));
        }
        if (l instanceof Lever.Batch p && p.share() != null) {
            return share("share", p.share(), v -> new Lever.Batch(bd(v)));
        }
        if (l instanceof Lever.Flex p && p.share() != null) {
            return share("share at flex", p.share(), v -> new Lever.Flex(bd(v), p.retryShare()));
        }
        if (l instanceof Lever.Priority p && p.share() != null) {
            return share("share at priority", p.share(), v -> new Lever.Priority(bd(v)));
        }
        if (l instanceof Lever.EventGating p && p.passRate() != null) {
            return share("pass rate", p.passRate(), v -> new Lever.EventGating(bd(v)));
        }
        if (l instanceof Lever.Precompute p && p.reuseShare() != null) {
            return share("reuse", p.reuseShare(), v -> new Lever.Precompute(bd(v)));
        }
        if (l instanceof Lever.Cascade p && p.escalationRate() != null) {
            return share(
                    "escalation",
                    p.escalationRate(),
                    v -> new Lever.Cascade(p.cheapModel(), p.expensiveModel(), bd(v)));
        }
        if (l instanceof Lever.PromptTrimming p && p.cut() != null) {
            return new Knob(
                    "cut",
                    0,
                    0.9,
                    true,
                    p.cut().doubleValue(),
                    v -> new Lever.PromptTrimming(p.part(), bd(v), p.tokens()));
        }
        if (l instanceof Lever.FewShotTrimming p && p.cut() != null) {
            return share("cut", p.cut(), v -> new Lever.FewShotTrimming(bd(v), p.tokens()));
        }
        if (l instanceof Lever.Crop p && p.keepArea() != null) {
            return new Knob(
                    "area kept",
                    0.05,
                    1,
                    true,
                    p.keepArea().doubleValue(),
                    v -> new Lever.Crop(bd(v), p.tokensPerImage(), p.tokensPerFrame()));
        }
        if (l instanceof Lever.FrameSampling p && p.fps() != null) {
            return new Knob(
                    "fps",
                    0.01,
                    2,
                    false,
                    p.fps().doubleValue(),
                    v -> new Lever.FrameSampling(p.strategy(), BigDecimal.valueOf(Math.round(v * 1000) / 1000.0)));
        }
        if (l instanceof Lever.OutputCap p) {
            return new Knob(
                    "max tokens",
                    16,
                    Math.max(4096, p.maxTokens() * 2),
                    false,
                    p.maxTokens(),
                    v -> new Lever.OutputCap(Math.round(v)));
        }
        if (l instanceof Lever.ReasoningCap p) {
            return new Knob(
                    "max tokens",
                    0,
                    Math.max(32768, p.maxTokens() * 2),
                    false,
                    p.maxTokens(),
                    v -> new Lever.ReasoningCap(Math.round(v)));
        }
        if (l instanceof Lever.StepCap p) {
            return count("max steps", Math.max(200, p.maxSteps() * 2), p.maxSteps(), Lever.StepCap::new);
        }
        if (l instanceof Lever.BetterPlanner p && p.failureRate() != null) {
            return new Knob(
                    "failure with the planner",
                    0,
                    0.99,
                    true,
                    p.failureRate().doubleValue(),
                    v -> new Lever.BetterPlanner(p.model(), bd(v)));
        }
        if (l instanceof Lever.Routing p
                && p.routes().size() == 2
                && p.routes().get(0).share() != null) {
            String cheap = p.routes().get(0).model();
            String other = p.routes().get(1).model();
            return share(
                    "share to " + cheap,
                    p.routes().get(0).share(),
                    v -> new Lever.Routing(List.of(
                            new Lever.Routing.Route(cheap, bd(v)),
                            new Lever.Routing.Route(other, BigDecimal.ONE.subtract(bd(v))))));
        }
        return null;
    }

    /** A whole number from 1 to {@code max} (a count of turns, chunks or steps). */
    private static Knob count(String name, int max, int value, IntFunction<Lever> set) {
        return new Knob(name, 1, Math.max(max, value), false, value, v -> set.apply((int) Math.max(1, Math.round(v))));
    }

    private static Knob share(String name, BigDecimal value, DoubleFunction<Lever> set) {
        return new Knob(name, 0, 1, true, value.doubleValue(), set);
    }

    /** A slider's position as a share with two decimals (exact from here on). */
    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(Math.round(v * 100)).movePointLeft(2);
    }
}

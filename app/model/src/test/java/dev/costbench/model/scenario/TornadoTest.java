// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.CATALOG;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TornadoTest {

    @Test
    void seed004AdvancedStack() {
        Scenario s = ScenarioFiles.sample("seed004-chatbot-advanced");
        Tornado.Result r = Tornado.compute(s, CATALOG, Tornado.defaults());
        usd("781.2", r.monthly());
        List<Tornado.Input> inputs = r.bars().stream().map(Tornado.Bar::input).toList();
        assertEquals(4, inputs.size(), inputs.toString()); // no cascade in this stack
        assertTrue(!inputs.contains(Tornado.Input.ESCALATION_RATE));
        Tornado.Bar volume = r.bars().stream()
                .filter(b -> b.input() == Tornado.Input.VOLUME)
                .findFirst()
                .orElseThrow();
        usd("624.96", volume.monthlyAtLow()); // the bill is linear in volume
        usd("937.44", volume.monthlyAtHigh());
        assertEquals("volume −20 %".replace('−', '-'), volume.lowLabel());
        Tornado.Bar hit = r.bars().stream()
                .filter(b -> b.input() == Tornado.Input.HIT_RATE)
                .findFirst()
                .orElseThrow();
        usd("976.5", hit.monthlyAtLow()); // 50 % instead of 60 %
        usd("781.2", hit.monthlyAtHigh()); // +10 points is clamped at the 60 % repeat rate
        for (int i = 1; i < r.bars().size(); i++) {
            assertTrue(r.bars().get(i - 1).swing().compareTo(r.bars().get(i).swing()) >= 0, "widest first");
        }
        for (Tornado.Bar b : r.bars()) {
            assertTrue(r.rangeLow().compareTo(b.monthlyAtLow().min(b.monthlyAtHigh())) <= 0);
            assertTrue(r.rangeHigh().compareTo(b.monthlyAtLow().max(b.monthlyAtHigh())) >= 0);
        }
    }

    @Test
    void escalationRateBar() {
        Scenario s = Fixtures.scenario(
                LeversTest.chat(), LeverEntry.of("c", null, new Lever.Cascade("gpt-4o-mini", null, d("0.3"))));
        Tornado.Result r = Tornado.compute(
                s, CATALOG, List.of(new Tornado.Range(Tornado.Input.ESCALATION_RATE, d("-0.1"), d("0.1"))));
        assertEquals(1, r.bars().size());
        usd("390", r.bars().get(0).monthlyAtLow()); // $90 on mini + 20 % × $1,500
        usd("690", r.bars().get(0).monthlyAtHigh());
        usd("390", r.rangeLow());
        usd("690", r.rangeHigh());
        assertEquals("escalation rate +10 pts", r.bars().get(0).highLabel());
    }

    @Test
    void varyLeavesTheOriginalUntouched() {
        Scenario s = ScenarioFiles.sample("seed003-video-moderation");
        Scenario more = Tornado.vary(s, Tornado.Input.VOLUME, new BigDecimal("1.2"));
        usd("50000", s.workload().requestTypes().get(0).volume().amount());
        usd("60000", more.workload().requestTypes().get(0).volume().amount());
    }
}

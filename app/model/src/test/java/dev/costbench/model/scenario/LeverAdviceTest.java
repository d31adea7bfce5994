// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeverAdviceTest {

    private static List<String> on(List<LeverAdvice.Advice> a) {
        return a.stream()
                .filter(LeverAdvice.Advice::suggested)
                .map(LeverAdvice.Advice::type)
                .distinct()
                .collect(Collectors.toList());
    }

    @Test
    void realTimeRuleOutBatchRepeatsBringCaches() {
        List<LeverAdvice.Advice> a = LeverAdvice.advise(true, true, false, false);
        assertTrue(!on(a).contains("batch"));
        assertTrue(on(a).containsAll(List.of("routing", "frameSampling", "promptCaching", "responseCache")));
        List<LeverAdvice.Advice> offline = LeverAdvice.advise(false, false, true, false);
        assertTrue(on(offline).containsAll(List.of("batch", "selfHosting")));
        assertTrue(!on(offline).contains("responseCache"));
    }

    @Test
    void everyAdvisedTypeIsALeverType() throws Exception {
        List<String> types = new ArrayList<>();
        for (JsonSubTypes.Type t : Lever.class.getAnnotation(JsonSubTypes.class).value()) {
            types.add(t.name());
        }
        for (LeverAdvice.Advice a : LeverAdvice.advise(false, true, true, true)) {
            assertTrue(types.contains(a.type()), a.type());
        }
        // flex and priority joined batch; step cap and better planner (agent tasks); summarize, history window,
        // rerank and prune tools (conversations and retrieval)
        assertEquals(26, types.size());
    }
}

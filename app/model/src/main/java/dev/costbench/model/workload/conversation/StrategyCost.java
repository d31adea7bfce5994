// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import dev.costbench.model.catalog.ModelEntry;
import java.math.BigDecimal;
import java.util.List;

/**
 * A conversation priced turn by turn under one strategy on one model.
 *
 * @param totalUsd      the whole conversation, summarizer calls included
 * @param complete      false when a price the requests need is missing (the figures cover only the priced lines)
 * @param savingUsd     full history's total minus this total (negative: this strategy costs more)
 * @param payoffTurn    the first turn from which this strategy's cumulative cost stays below full history's to the
 *                      end; null when it never does (and for full history itself)
 * @param notes         what the figures rest on (cache rules, a missing price)
 */
public record StrategyCost(
        Strategy strategy,
        ModelEntry model,
        List<TurnCost> turns,
        BigDecimal totalUsd,
        boolean complete,
        BigDecimal savingUsd,
        Integer payoffTurn,
        List<String> notes) {

    public StrategyCost {
        turns = List.copyOf(turns);
        notes = List.copyOf(notes);
    }

    /** The history after the last turn (the conversation as it stands at its end). */
    public long finalHistoryTokens() {
        return turns.get(turns.size() - 1).historyTokens();
    }
}

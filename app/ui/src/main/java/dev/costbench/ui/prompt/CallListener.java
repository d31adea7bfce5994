// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.provider.ChatResult;
import java.math.BigDecimal;

/** Receives every real provider call's outcome (the ledger): what for ("send", "rewrite") and its cost or null. */
@FunctionalInterface
public interface CallListener {

    CallListener NONE = (m, p, r, c) -> {};

    void called(ModelEntry model, String purpose, ChatResult result, BigDecimal costUsd);
}

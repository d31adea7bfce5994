// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.math.BigDecimal;

/** What a change saves: tokens per request and exact USD per request and per month (null when unpriced). */
public record Saving(long tokens, BigDecimal perRequest, BigDecimal perMonth) {}

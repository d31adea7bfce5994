// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/**
 * Content before a cache breakpoint that looks different on every request, so the cached prefix would never match.
 *
 * @param range      where it is in the prompt
 * @param kind       "placeholder", "date", "time", "id", "timestamp" or "phrase"
 * @param breakpoint index (0-based) of the first breakpoint it breaks
 */
public record CacheWarning(TextRange range, String kind, int breakpoint, String message) {}

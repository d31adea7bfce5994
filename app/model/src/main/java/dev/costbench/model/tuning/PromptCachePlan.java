// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.List;

/**
 * A cache plan for a prompt with breakpoints: the prefix up to each breakpoint, the economics of the longest one,
 * and warnings about variable content that would break a prefix.
 */
public record PromptCachePlan(List<Breakpoint> breakpoints, CachePlan plan, List<CacheWarning> warnings) {

    /**
     * @param offset         UTF-16 offset in the prompt the cached prefix ends at
     * @param prefixTokens   tokens before it on the model
     * @param reachesMinimum the prefix reaches the model's minimum cacheable length
     */
    public record Breakpoint(int offset, long prefixTokens, boolean reachesMinimum) {}

    public PromptCachePlan {
        breakpoints = List.copyOf(breakpoints);
        warnings = List.copyOf(warnings);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

/**
 * One active filter of the cost table, shown as a removable chip above it.
 *
 * @param label  what the filter keeps, in the user's words ("Provider: OpenAI", "Search: mini", "Only my models")
 * @param remove turns this filter off
 */
public record FilterChip(String label, Runnable remove) {}

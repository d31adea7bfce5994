// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

/**
 * The tokens one image costs on one model.
 *
 * @param tokens       billed image tokens
 * @param width        width the provider bills for, after its own resizing
 * @param height       height the provider bills for
 * @param method       how the number was computed (rule and steps), shown to the user
 * @param unconfirmed  true when a step of the rule is UNCONFIRMED or in CONFLICT in the reference
 */
public record ImageTokens(long tokens, double width, double height, String method, boolean unconfirmed) {}

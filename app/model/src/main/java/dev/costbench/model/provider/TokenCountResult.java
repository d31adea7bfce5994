// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

/**
 * An exact input-token count from a provider's counting endpoint ({@code POST /v1/responses/input_tokens},
 * {@code POST /v1/messages/count_tokens}, {@code :countTokens}).
 *
 * @param inputTokens the count the provider will bill for this input
 * @param rawJson     the response as received
 */
public record TokenCountResult(long inputTokens, String rawJson) {}

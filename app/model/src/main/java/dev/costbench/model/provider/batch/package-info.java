// SPDX-License-Identifier: Apache-2.0
/**
 * The port to the providers' batch APIs (OpenAI Batch, Anthropic Message Batches, Gemini batch mode): submit many
 * requests at once at the batch price, poll the batch, collect the answers. Implementations live in
 * {@code app/providers}; the lab's batch runs ({@code model/lab/batch}) drive them and keep the batch ids in the store
 * so that a restart loses nothing.
 */
package dev.costbench.model.provider.batch;

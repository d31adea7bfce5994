// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

import java.time.Duration;

/**
 * What one batch may hold, as the provider documents it; a run larger than this is split into several batches.
 *
 * @param maxRequests    requests per batch (OpenAI 50,000; Anthropic 100,000)
 * @param maxBytes       bytes per batch (OpenAI: 200 MB input file; Anthropic: 256 MB)
 * @param completionWindow how long the provider may take before the batch expires (24 h)
 * @param singleModel    true when every request in one batch must name the same model (OpenAI, Gemini)
 */
public record BatchLimits(int maxRequests, long maxBytes, Duration completionWindow, boolean singleModel) {}

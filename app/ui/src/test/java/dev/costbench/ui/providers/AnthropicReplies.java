// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import mockwebserver3.MockResponse;

/** Anthropic's answers for the Providers view's tests, shaped as Anthropic documents them. */
public final class AnthropicReplies {

    private AnthropicReplies() {}

    /** {@code GET /v1/models}: one model, Claude Sonnet 4.5, and no further page. */
    public static MockResponse models() {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":"
                        + "\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,"
                        + "\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-sonnet-4-5-20250929\"}")
                .build();
    }
}

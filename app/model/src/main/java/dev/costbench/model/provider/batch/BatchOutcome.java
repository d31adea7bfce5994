// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

import dev.costbench.model.provider.ChatResult;

/**
 * One request's answer from a finished batch: either a result or an error.
 *
 * @param customId     the id given in {@link BatchItem}
 * @param result       the answer, its usage in canonical form (batch-priced by the caller), or null on error
 * @param errorCode    the provider's error type or code ("invalid_request_error", "expired", "canceled", …), or null
 * @param errorMessage what went wrong, for the user, or null
 */
public record BatchOutcome(String customId, ChatResult result, String errorCode, String errorMessage) {

    public static BatchOutcome ok(String customId, ChatResult result) {
        return new BatchOutcome(customId, result, null, null);
    }

    public static BatchOutcome error(String customId, String code, String message) {
        return new BatchOutcome(customId, null, code, message);
    }

    public boolean succeeded() {
        return result != null;
    }
}

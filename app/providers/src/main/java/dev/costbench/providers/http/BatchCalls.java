// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** What the three batch clients share: checking a batch before it is sent, reading times, wording failures. */
public final class BatchCalls {

    private BatchCalls() {}

    /**
     * Checks what the caller promised ({@link dev.costbench.model.provider.batch.BatchApi#submit}): at least one
     * item, no more than the limit, unique custom ids, one model when the provider needs it.
     *
     * @throws ProviderException (BAD_REQUEST) saying what to change
     */
    public static void check(ProviderId provider, List<BatchItem> items, BatchLimits limits) throws ProviderException {
        String name = provider.displayName();
        if (items.isEmpty()) {
            throw bad(provider, "A batch for " + name + " needs at least one request");
        }
        if (items.size() > limits.maxRequests()) {
            throw bad(
                    provider,
                    name + " takes at most " + limits.maxRequests() + " requests per batch, not " + items.size()
                            + "; split the run into several batches");
        }
        Set<String> ids = new HashSet<>();
        String model = items.get(0).request().model();
        for (BatchItem i : items) {
            if (!ids.add(i.customId())) {
                throw bad(
                        provider,
                        "Two requests in one batch have the custom id " + i.customId()
                                + "; each request needs its own");
            }
            if (limits.singleModel() && !model.equals(i.request().model())) {
                throw bad(
                        provider,
                        name + " runs one model per batch, and this one mixes " + model + " and "
                                + i.request().model() + "; split the run by model");
            }
        }
    }

    /** A 5xx or network failure of a call that creates a batch: it was not repeated, and the message says why. */
    public static ProviderException notRepeated(ProviderException e) {
        if (e.kind() != Kind.SERVER && e.kind() != Kind.NETWORK && e.kind() != Kind.TIMEOUT) {
            return e;
        }
        return new ProviderException(
                e.provider(),
                e.kind(),
                e.httpStatus(),
                e.getMessage() + ". CostBench did not send it again, since a second attempt could create (and bill)"
                        + " the batch twice: look in the " + e.provider().displayName()
                        + " console for a new batch before you submit again",
                e.retryAfter(),
                e.body(),
                e);
    }

    /** Asked for the results of a batch that has not finished. */
    public static ProviderException notFinished(BatchStatus s) {
        return new ProviderException(
                s.provider(),
                Kind.BAD_REQUEST,
                0,
                "The " + s.provider().displayName() + " batch " + s.batchId() + " is "
                        + s.state().words() + "; its results can be collected when it has finished",
                null,
                null,
                null);
    }

    /** The outcome for a request whose answer could not be read: the error in the user's words. */
    public static BatchOutcome unreadable(String customId, ProviderException e) {
        return BatchOutcome.error(customId, "unreadable_answer", e.getMessage());
    }

    /** Unix seconds, or null when absent. */
    public static Instant epochSeconds(JsonNode n) {
        return n.canConvertToLong() && n.asLong() > 0 ? Instant.ofEpochSecond(n.asLong()) : null;
    }

    /** An RFC 3339 time, or null when absent or unreadable. */
    public static Instant iso(JsonNode n) {
        if (!n.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A count the provider may send as a number or (Google) as a string; 0 when absent. */
    public static int count(JsonNode n) {
        if (n.isNumber()) {
            return n.asInt();
        }
        try {
            return n.isTextual() ? Integer.parseInt(n.asText().trim()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The {@code custom_id} (or key) of a result line; a line without one is a malformed answer. */
    public static String id(HttpEngine http, JsonNode line, String field, String raw) throws ProviderException {
        JsonNode id = line.path(field);
        if (!id.isTextual() || id.asText().isEmpty()) {
            throw http.malformed("a batch result without " + field, raw, 200, null);
        }
        return id.asText();
    }

    /** Sends each outcome once per custom id (a provider may list a request in the output and the error file). */
    public static Consumer<BatchOutcome> once(Consumer<BatchOutcome> sink) {
        Set<String> seen = new HashSet<>();
        return o -> {
            if (seen.add(o.customId())) {
                sink.accept(o);
            }
        };
    }

    private static ProviderException bad(ProviderId provider, String msg) {
        return new ProviderException(provider, Kind.BAD_REQUEST, 0, msg, null, null, null);
    }
}

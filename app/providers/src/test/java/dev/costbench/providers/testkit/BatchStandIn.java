// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.http.HttpEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An in-memory stand-in for one provider's batch API, as a MockWebServer {@link Dispatcher}: a submitted batch runs
 * for {@link #pollsUntilDone} polls and then ends; requests named in {@link #erroring} end with a per-request error;
 * {@link #expiring()} makes batches expire with only {@link #answeredBeforeEnd} requests answered; a cancel makes
 * the next poll report the batch cancelled with the same partial answers. {@link #fault} serves one prepared answer
 * (a 401, a 429 with Retry-After, a 500, a body that is not JSON) before anything else. State lives in the
 * dispatcher, so a client built afresh (an app restarted midway) polls and collects the same batch.
 *
 * <p>Use: {@code server.setDispatcher(new AnthropicBatchStandIn(ProviderMock.FAKE_KEY))} and point the provider's
 * base URL at {@code server.url(prefix)}. Answers are small and deterministic: text "Answer to {custom id}", 20 input
 * tokens of which 8 were read from the cache, 5 output tokens (providers with cache writes report 4 written).
 */
public abstract class BatchStandIn extends Dispatcher {

    /** How a batch ends. */
    public enum Ending {
        /** Every request answered (the ones in {@link #erroring} with an error). */
        ENDED,
        /** The completion window passed: only the first {@link #answeredBeforeEnd} requests answered. */
        EXPIRED,
        /** The whole batch is refused (OpenAI: input validation; Gemini: BATCH_STATE_FAILED). */
        FAILED
    }

    /** One submitted batch. */
    protected static final class Job {
        public final String id;
        public final String model;
        /** Custom id → the request body as received, in submission order. */
        public final Map<String, JsonNode> requests;

        public int polls;
        public boolean cancelAsked;
        public int pollsAtCancel;
        public final Map<String, Object> extra = new ConcurrentHashMap<>();

        Job(String id, String model, Map<String, JsonNode> requests) {
            this.id = id;
            this.model = model;
            this.requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        }
    }

    protected final String key;
    protected final Map<String, Job> jobs = new ConcurrentHashMap<>();
    protected final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger(1);
    private volatile int pollsUntilDone = 1;
    private volatile int answeredBeforeEnd = -1;
    private volatile Ending ending = Ending.ENDED;
    private volatile String failure = "The requests are not valid";
    private final Set<String> erroring = ConcurrentHashMap.newKeySet();

    /** @param key the API key the stand-in accepts; other keys (or none) get the provider's 401 */
    protected BatchStandIn(String key) {
        this.key = key;
    }

    /** Batches report running for {@code n - 1} polls and end on the n-th (default 1: the first poll). */
    public BatchStandIn pollsUntilDone(int n) {
        this.pollsUntilDone = n;
        return this;
    }

    /** These requests end with a per-request error instead of an answer. */
    public BatchStandIn erroring(String... customIds) {
        erroring.addAll(List.of(customIds));
        return this;
    }

    /** Batches expire: only the first {@link #answeredBeforeEnd} requests are answered, the rest expired. */
    public BatchStandIn expiring() {
        this.ending = Ending.EXPIRED;
        return this;
    }

    /** Batches are refused as a whole, with {@code message} as the provider's reason. */
    public BatchStandIn failing(String message) {
        this.ending = Ending.FAILED;
        this.failure = message;
        return this;
    }

    /** How many requests (in submission order) an expired or cancelled batch answered; default half. */
    public BatchStandIn answeredBeforeEnd(int n) {
        this.answeredBeforeEnd = n;
        return this;
    }

    private record Fault(String method, String pathPart, MockResponse response) {
        boolean matches(RecordedRequest r) {
            return (method == null || method.equals(r.getMethod()))
                    && (pathPart == null || r.getUrl().encodedPath().contains(pathPart));
        }
    }

    /** Serves {@code r} to the next request, before the state machine (faults queue up in order). */
    public BatchStandIn fault(MockResponse r) {
        faults.add(new Fault(null, null, r));
        return this;
    }

    /**
     * Serves {@code r} to the next request with this method whose path contains {@code pathPart} (e.g. "POST",
     * "/batches"), before the state machine.
     */
    public BatchStandIn fault(String method, String pathPart, MockResponse r) {
        faults.add(new Fault(method, pathPart, r));
        return this;
    }

    /** Every request received, faults included. */
    public List<RecordedRequest> recorded() {
        return List.copyOf(recorded);
    }

    /** The ids of the batches submitted so far, oldest first. */
    public List<String> batchIds() {
        List<String> ids = new ArrayList<>(jobs.keySet());
        ids.sort((a, b) -> Integer.compare(number(a), number(b)));
        return ids;
    }

    /** The request bodies of batch {@code id} as received, by custom id. */
    public Map<String, JsonNode> requests(String id) {
        Job j = jobs.get(id);
        return j == null ? Map.of() : j.requests;
    }

    @Override
    public final MockResponse dispatch(RecordedRequest r) {
        recorded.add(r);
        for (Fault f : faults) {
            if (f.matches(r) && faults.remove(f)) {
                return f.response();
            }
        }
        if (!authorized(r)) {
            return unauthorized();
        }
        try {
            return handle(r);
        } catch (RuntimeException e) {
            return json(
                    500,
                    "{\"error\":{\"message\":\"stand-in failure: "
                            + e.getClass().getSimpleName() + "\"}}");
        }
    }

    /** Serves one authorized request. */
    protected abstract MockResponse handle(RecordedRequest r);

    /** True when the request carries {@link #key} where the provider expects it. */
    protected abstract boolean authorized(RecordedRequest r);

    /** The provider's documented answer to a wrong key. */
    protected abstract MockResponse unauthorized();

    /** A new batch id with the provider's prefix. */
    protected final String newId(String prefix) {
        return prefix + next.getAndIncrement();
    }

    protected final Job register(String id, String model, Map<String, JsonNode> requests) {
        Job j = new Job(id, model, requests);
        jobs.put(id, j);
        return j;
    }

    /** Where a batch is, in words common to the providers. */
    protected enum Phase {
        RUNNING,
        CANCELLING,
        ENDED,
        EXPIRED,
        CANCELLED,
        FAILED
    }

    /** Where {@code j} is now (no side effect: a poll counts itself with {@code j.polls++} first). */
    protected final Phase phase(Job j) {
        if (j.cancelAsked) {
            return j.polls > j.pollsAtCancel ? Phase.CANCELLED : Phase.CANCELLING;
        }
        if (j.polls < pollsUntilDone) {
            return Phase.RUNNING;
        }
        switch (ending) {
            case EXPIRED:
                return Phase.EXPIRED;
            case FAILED:
                return Phase.FAILED;
            default:
                return Phase.ENDED;
        }
    }

    /** Asks to cancel {@code j}: a running batch is cancelling now and cancelled at the next poll. */
    protected final void cancel(Job j) {
        if (phase(j) == Phase.RUNNING) {
            j.cancelAsked = true;
            j.pollsAtCancel = j.polls;
        }
    }

    /** True when the phase is one the provider reports as final. */
    protected static boolean terminal(Phase p) {
        return p != Phase.RUNNING && p != Phase.CANCELLING;
    }

    /** Whether {@code customId} was answered (with its answer or its error) before the batch ended. */
    protected final boolean answered(Job j, String customId) {
        Phase p = phase(j);
        if (p == Phase.ENDED) {
            return true;
        }
        if (p != Phase.EXPIRED && p != Phase.CANCELLED) {
            return false;
        }
        int n = answeredBeforeEnd >= 0 ? answeredBeforeEnd : j.requests.size() / 2;
        int at = new ArrayList<>(j.requests.keySet()).indexOf(customId);
        return at >= 0 && at < n;
    }

    protected final boolean errs(String customId) {
        return erroring.contains(customId);
    }

    /** How batches end, as configured. */
    protected final Ending configured() {
        return ending;
    }

    protected final String failureMessage() {
        return failure;
    }

    /** Counts of a batch that has ended: answered, errored (of the answered), unanswered. */
    protected final int[] counts(Job j) {
        int ok = 0;
        int err = 0;
        int none = 0;
        for (String id : j.requests.keySet()) {
            if (!answered(j, id)) {
                none++;
            } else if (errs(id)) {
                err++;
            } else {
                ok++;
            }
        }
        return new int[] {ok, err, none};
    }

    protected static MockResponse json(int code, String body) {
        return MockApi.json(code, body);
    }

    protected static MockResponse json(JsonNode body) {
        return json(200, body.toString());
    }

    protected static MockResponse jsonl(List<? extends JsonNode> lines) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode l : lines) {
            sb.append(l).append('\n');
        }
        return download(sb.toString());
    }

    /** A file download: the bytes as they are. */
    protected static MockResponse download(String content) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/octet-stream")
                .body(content)
                .build();
    }

    /**
     * The provider's word for where {@code j} is: {@code first} while it runs and has not been polled yet, else
     * {@code words.get(phase)}.
     */
    protected final String word(Job j, Map<Phase, String> words, String first) {
        Phase p = phase(j);
        return p == Phase.RUNNING && j.polls == 0 ? first : words.get(p);
    }

    /** {@link #sample} parsed. */
    public static JsonNode sampleJson(String name) {
        return parse(sample(name));
    }

    /** A sample body from this module's test resources ({@code batch/NAME}; see batch/SOURCES.md). */
    public static String sample(String name) {
        try (InputStream in = BatchStandIn.class.getResourceAsStream("/batch/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource batch/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static ObjectNode object() {
        return HttpEngine.mapper().createObjectNode();
    }

    protected static JsonNode parse(String s) {
        return ProviderMock.tree(s);
    }

    protected static String text(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    /** The answer text for a request. */
    public static String answerText(String customId) {
        return "Answer to " + customId;
    }

    private static int number(String id) {
        String digits = id.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 9)));
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import com.sun.net.httpserver.HttpServer;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunListener;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.Providers;
import dev.costbench.store.H2LabStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The A/B runner's own cost per trial, against a local mock server answering as the OpenAI Responses API does.
 * Anchor: the same requests sent with the same client, without the runner, in the same run. The runner's work per
 * trial — filling the templates, the estimate and the worst case, the request hash, pricing the usage, committing the
 * trial with its ledger entry to H2 (written to the file on each commit), the progress event — is the difference
 * divided by the trials. Target ≤ 5 ms. {@code java dev.costbench.bench.RunnerOverheadBench [trials] [rounds]}
 */
public final class RunnerOverheadBench {

    private static final String BODY = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1741476542,"
            + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"{\\\"issue\\\": \\\"refund\\\", \\\"severity\\\": "
            + "\\\"high\\\", \\\"resolution\\\": \\\"refund the duplicate charge\\\"}\",\"annotations\":[]}]}],"
            + "\"usage\":{\"input_tokens\":180,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":40,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":220}}";

    private RunnerOverheadBench() {}

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Without TCP_NODELAY the JDK server's small responses wait for delayed ACKs: ~40 ms a call on Linux.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/responses", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        });
        server.start();
        Path dir = Files.createTempDirectory("costbench-runner-bench");
        Catalog catalog = CatalogBuilder.builtIn();
        ProviderSettings settings = ProviderSettings.defaults(
                        ProviderId.OPENAI, new Secret("sk-bench-0000000000000000000000000000", "bench"))
                .withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        ProviderClient client = Providers.client(settings);
        Map<String, Object> result = new LinkedHashMap<>();
        try (H2LabStore store = H2LabStore.open(dir)) {
            // warm-up: JIT, the tokenizer's vocabulary, the connection pool, the database
            measure(store, catalog, client, Math.min(200, trials), 1);
            measure(store, catalog, client, Math.min(200, trials), 4);
            for (int c : new int[] {1, 4}) {
                double[] overhead = new double[rounds];
                double[] runnerPerTrial = new double[rounds];
                double[] barePerTrial = new double[rounds];
                double[] storePerTrial = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double[] m = measure(store, catalog, client, trials, c);
                    runnerPerTrial[r] = m[0];
                    barePerTrial[r] = m[1];
                    overhead[r] = m[0] - m[1];
                    storePerTrial[r] = m[2];
                }
                String k = c == 1 ? "sequential" : "concurrent4";
                result.put(k + "_runner_ms_per_trial", median(runnerPerTrial));
                result.put(k + "_bare_ms_per_trial", median(barePerTrial));
                result.put(k + "_overhead_ms_per_trial", median(overhead));
                result.put(
                        k + "_overhead_max_ms_per_trial",
                        Arrays.stream(overhead).max().orElse(0));
                result.put(k + "_store_commit_ms_per_trial", median(storePerTrial));
            }
        } finally {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
            deleteTree(dir);
        }
        result.put("trials", trials);
        result.put("rounds", rounds);
        result.put("served", served.get());
        StringBuilder json = new StringBuilder("{\"mode\":\"runner-overhead\"");
        result.forEach((k, v) -> json.append(",\"")
                .append(k)
                .append("\":")
                .append(v instanceof Double ? String.format(Locale.ROOT, "%.4f", (Double) v) : v));
        System.out.println(json.append('}'));
    }

    /**
     * {runner ms per trial, bare client ms per trial, store commit ms per trial} for {@code n} trials at
     * {@code concurrency}.
     */
    private static double[] measure(H2LabStore store, Catalog catalog, ProviderClient client, int n, int concurrency)
            throws Exception {
        ExperimentSpec spec = ticketSpec("bench", Math.max(1, n / 4));
        Runner runner = new Runner(store, p -> client, catalog::find, concurrency, Runner.DEFAULT_ATTEMPTS);
        RunPlan plan = runner.create(spec);
        List<ChatRequest> requests = new ArrayList<>();
        for (TrialCell c : plan.cells()) {
            requests.add(plan.request(c));
        }
        int total = requests.size();

        long t0 = System.nanoTime();
        RunResult r = runner.run(plan.experimentId(), null, RunListener.NONE);
        double runnerMs = (System.nanoTime() - t0) / 1e6;
        if (r.outcome() != RunResult.Outcome.COMPLETED) {
            throw new IllegalStateException("the run did not complete: " + r.message());
        }

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long t1 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            fs.add(pool.submit(() -> {
                int k;
                while ((k = next.getAndIncrement()) < total) {
                    client.complete(requests.get(k), null, CancelToken.none());
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double bareMs = (System.nanoTime() - t1) / 1e6;
        pool.shutdown();

        // what part of the overhead is the store: the same trials committed again, each with its ledger entry
        RunPlan copy = runner.create(spec);
        List<Trial> done = store.trials(plan.experimentId());
        Map<String, TrialCell> cellByKey = new LinkedHashMap<>();
        List<TrialCell> copyCells = copy.cells();
        List<TrialCell> origCells = plan.cells();
        for (int i = 0; i < origCells.size(); i++) {
            cellByKey.put(origCells.get(i).toString(), copyCells.get(i));
        }
        long t2 = System.nanoTime();
        for (Trial t : done) {
            NewTrial nt = new NewTrial(
                    copy.experimentId(),
                    cellByKey.get(t.cell().toString()),
                    t.requestHash(),
                    t.usage(),
                    t.costUsd(),
                    t.costComplete(),
                    t.pricesJson(),
                    t.estimatedCostUsd(),
                    t.latencyMs(),
                    t.ttftMs(),
                    t.finishReason(),
                    t.outputText(),
                    null,
                    false,
                    t.started(),
                    t.finished(),
                    null,
                    null);
            store.addTrial(
                    nt,
                    new NewLedgerEntry(
                            t.finished(),
                            "openai",
                            "gpt-4o-mini",
                            t.costUsd(),
                            copy.experimentId(),
                            null,
                            LedgerPurpose.TRIAL));
        }
        double storeMs = (System.nanoTime() - t2) / 1e6;
        return new double[] {runnerMs / total, bareMs / total, storeMs / done.size()};
    }

    /**
     * The support-ticket experiment the runner benchmarks use: {@code inputs} tickets × 4 repetitions on
     * gpt-4o-mini, one variant (also BatchScaleBench's).
     */
    static ExperimentSpec ticketSpec(String name, int inputs) {
        List<ExperimentSpec.InputSpec> in = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            in.add(new ExperimentSpec.InputSpec(
                    "T-" + i,
                    Map.of(
                            "subject",
                            "Charged twice (" + i + ")",
                            "body",
                            "My card shows two charges of $49.00 on March 3 for invoice INV-" + (20000 + i)
                                    + ". Please refund the duplicate.")));
        }
        ExperimentSpec spec = new ExperimentSpec(
                name,
                null,
                List.of(new ExperimentSpec.VariantSpec(
                        "optimized",
                        true,
                        "Analyze this ticket. Return JSON:\n{\"issue\": \"\", \"severity\": \"low|med|high\", "
                                + "\"resolution\": \"\"}",
                        List.of(new ExperimentSpec.MessageSpec(Role.USER, "{{subject}}\n{{body}}")),
                        ExperimentSpec.Params.NONE)),
                in,
                List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini")),
                4,
                null,
                false,
                new ExperimentSpec.Params(null, 300, null, null, null),
                false,
                null);
        return spec;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Stores, experiments and fake providers for the lab's view-model tests (no display, no network). */
public final class LabFixtures {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    private LabFixtures() {}

    static UiContext direct(RecordingDialogService dialogs) {
        return new UiContext(new DirectTaskExecutor(), dialogs);
    }

    /** The lab over {@code store} with the built-in catalog and {@code clients}: no prompt to start from, no media. */
    static LabViewModel lab(LabStore store, UiContext ui, ClientSource clients) {
        return new LabViewModel(ui, () -> store, () -> CATALOG, clients, () -> new String[] {"", ""}, null);
    }

    /**
     * Runs every job at once except those named in {@code held} (a lane's jobs are named after the lane), which wait
     * for {@link DirectTaskExecutor#runPending()} of the returned {@code later}.
     */
    static TaskExecutor holding(DirectTaskExecutor later, Set<String> held) {
        DirectTaskExecutor now = new DirectTaskExecutor();
        return new TaskExecutor() {
            @Override
            public <T> Job<T> task(String name, Work<T> work) {
                return (held.contains(name) ? later : now).task(name, work);
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }

            @Override
            public Lane lane(String name) {
                return (held.contains(name) ? later : now).lane(name);
            }
        };
    }

    /** Answers every request: longer prompts bill more; judge requests get 5 for warm answers, 4 for the others. */
    static ProviderClient fake(ProviderId id, List<ChatRequest> sent) {
        return fake(id, sent, ChatRequest::serviceTier);
    }

    /** {@link #fake(ProviderId, List)}, each answer reporting the service tier {@code served} says. */
    static ProviderClient fake(ProviderId id, List<ChatRequest> sent, Function<ChatRequest, String> served) {
        return new ProviderClient() {
            @Override
            public ProviderId id() {
                return id;
            }

            @Override
            public ChatResult complete(ChatRequest req, Consumer<String> onDelta, CancelToken cancel) {
                sent.add(req);
                String user = req.messages().get(0).parts().stream()
                        .filter(p -> p instanceof Part.Text)
                        .map(p -> ((Part.Text) p).text())
                        .findFirst()
                        .orElse("");
                if (req.system() != null && req.system().contains("impartial judge")) {
                    String a = user.contains("We are very sorry")
                            ? "{\"score\": 5, \"rationale\": \"Warm.\"}"
                            : "{\"score\": 4, \"rationale\": \"Correct but terse.\"}";
                    return new ChatResult(
                            a,
                            new CanonicalUsage(300, 0, 0, 0, 30, 0),
                            Map.of(),
                            "stop",
                            req.model(),
                            "j",
                            Duration.ofMillis(50),
                            null,
                            "{}",
                            served.apply(req));
                }
                long chars = (req.system() == null ? 0 : req.system().length()) + user.length();
                String answer = chars > 200
                        ? "We are very sorry for the trouble; your order ships tomorrow."
                        : "Your order ships tomorrow.";
                return new ChatResult(
                        answer,
                        new CanonicalUsage(chars / 4, 0, 0, 0, chars > 200 ? 120 : 40, 0),
                        Map.of(),
                        "stop",
                        req.model(),
                        "r",
                        Duration.ofMillis(300),
                        Duration.ofMillis(90),
                        "{}",
                        served.apply(req));
            }

            @Override
            public TokenCountResult countTokens(ChatRequest r) {
                return new TokenCountResult(1, "{}");
            }

            @Override
            public List<String> listModels() {
                return List.of();
            }
        };
    }

    /** Every provider answers (see {@link #fake}). */
    static ClientSource answering(List<ChatRequest> sent) {
        return id -> fake(id, sent);
    }

    /** No provider has a key: the message the real clients give. */
    public static ClientSource noKeys() {
        return id -> {
            throw new ProviderException(
                    id,
                    ProviderException.Kind.NO_KEY,
                    0,
                    "No " + id.displayName() + " API key: set " + id.keyVariable() + " or paste one under Providers",
                    null,
                    null,
                    null);
        };
    }

    static Path image(Path dir, String name) throws IOException {
        try (InputStream in = LabFixtures.class.getResourceAsStream("/experiments/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    /**
     * A successful trial: {@code in} and {@code out} tokens billed {@code cost} (what the estimate said), answered in
     * {@code latencyMs} with the first token after 200 ms and a normal stop, started and finished at {@code at}.
     */
    public static NewTrial trial(
            long experiment,
            TrialCell cell,
            String hash,
            long in,
            long out,
            BigDecimal cost,
            long latencyMs,
            String output,
            Instant at) {
        return new NewTrial(
                experiment,
                cell,
                hash,
                new CanonicalUsage(in, 0, 0, 0, out, 0),
                cost,
                true,
                null,
                cost,
                latencyMs,
                200L,
                "stop",
                output,
                null,
                false,
                at,
                at,
                null,
                null);
    }

    /** A finished experiment: {@code reps} repetitions, the short variant ~40 % cheaper, outputs as given. */
    static long finished(LabStore store, int reps, String baseOut, String optOut) {
        Experiment e = store.createExperiment(new NewExperiment(
                "Verbose vs short",
                new BigDecimal("5"),
                reps,
                new ExperimentSettings(null, 300, null, null, false, "{\"run\":{\"keep\":true}}"),
                List.of("gpt-4o-mini")));
        long base = store.addVariant(e.id(), new NewVariant("verbose", true, "{}", List.of()))
                .id();
        long opt = store.addVariant(e.id(), new NewVariant("short", false, "{}", List.of()))
                .id();
        long input = store.addInput(e.id(), "ticket 1", Map.of("ticket", "Where is my order?"))
                .id();
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        for (int rep = 1; rep <= reps; rep++) {
            for (long v : new long[] {base, opt}) {
                long in = v == base ? 1200 : 700;
                BigDecimal cost = new BigDecimal(in * 15 + (100 + rep) * 60).movePointLeft(8);
                store.addTrial(trial(
                        e.id(),
                        new TrialCell(v, input, "gpt-4o-mini", rep),
                        "h" + v + rep,
                        in,
                        100 + rep,
                        cost,
                        800L + rep,
                        v == base ? baseOut : optOut,
                        t0));
            }
        }
        store.setStatus(e.id(), ExperimentStatus.DONE);
        return e.id();
    }

    /** Verbose vs short on gpt-4o-mini and a model no longer listed, 2 inputs × 5 repetitions. */
    public static ExperimentSnapshot snapshot(String name, long baseIn, long latency, String when) {
        List<String> models = List.of("gpt-4o-mini", "gpt-4-0314-retired");
        List<NewVariant> variants = List.of(
                new NewVariant("verbose", true, "{\"system\":\"long\"}"),
                new NewVariant("short", false, "{\"system\":\"short\"}"));
        List<ExperimentSnapshot.Input> inputs = List.of(
                new ExperimentSnapshot.Input("ticket 1", Map.of()), new ExperimentSnapshot.Input("ticket 2", Map.of()));
        List<NewTrial> trials = new ArrayList<>();
        Instant t0 = Instant.parse(when);
        for (int rep = 1; rep <= 5; rep++) {
            for (int in = 0; in < 2; in++) {
                for (String m : models) {
                    for (int v = 0; v < 2; v++) {
                        long input = (baseIn + 13L * rep + 7L * in) / (v + 1);
                        long output = 100 + 3L * rep;
                        BigDecimal cost = new BigDecimal(input * 30 + output * 120).movePointLeft(8);
                        trials.add(trial(
                                0,
                                new TrialCell(v, in, m, rep),
                                "h" + trials.size(),
                                input,
                                output,
                                cost,
                                latency + 17L * rep + 40L * v,
                                v == 0
                                        ? "We are sorry. Your order ships tomorrow and arrives in two days."
                                        : "Your order ships tomorrow, arriving in two days.",
                                t0));
                    }
                }
            }
        }
        return new ExperimentSnapshot(
                new NewExperiment(name, new BigDecimal("2"), 5, ExperimentSettings.defaults(), models),
                t0,
                ExperimentStatus.DONE,
                variants,
                inputs,
                trials);
    }
}

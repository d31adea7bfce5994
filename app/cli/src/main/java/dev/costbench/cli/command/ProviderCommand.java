// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Fmt;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.media.ImageInfo;
import dev.costbench.media.Images;
import dev.costbench.media.MediaException;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.RequestEstimate;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.Providers;
import dev.costbench.providers.keys.CredentialStores;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code costbench ping} and {@code costbench complete}: real calls to a provider with the user's key, the
 * estimate made before sending and the cost actually billed.
 */
public final class ProviderCommand {

    public static final Args.Options PING = Args.Options.of("ping", Set.of("provider", "base-url"), Set.of("json"));
    public static final Args.Options COMPLETE = Args.Options.of(
            "complete",
            Set.of("model", "prompt", "system", "image", "max-tokens", "base-url", "provider", "api", "temperature"),
            Set.of("json", "no-stream"));

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<ProviderConfig> config;

    public ProviderCommand(Context ctx) {
        this.in = ctx.in();
        this.out = ctx.out();
        this.err = ctx.err();
        this.config = ctx.providers();
    }

    /** The real configuration: environment, the OS credential store (or the encrypted file), providers.json. */
    public static ProviderConfig systemConfig() {
        return ProviderConfig.fromSystem(CredentialStores.best(AppDirs.dataDir(), ProviderCommand::passphrase));
    }

    /** The passphrase of the encrypted key file: COSTBENCH_KEYS_PASSPHRASE, or asked on the terminal. */
    private static char[] passphrase() {
        String env = System.getenv("COSTBENCH_KEYS_PASSPHRASE");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console c = System.console();
        return c == null ? null : c.readPassword("CostBench key file passphrase: ");
    }

    public int ping(List<String> argv) throws IOException {
        Args a = Args.parse(argv, PING);
        if (a.get("provider") == null) {
            throw new UsageException("ping needs --provider openai|anthropic|gemini|compatible");
        }
        ProviderId id = provider(a.get("provider"));
        ProviderSettings s = settings(id, a.url("base-url"));
        requireKey(s);
        ProviderClient client = client(s);
        long t0 = System.nanoTime();
        try {
            List<String> models = client.listModels();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (a.flag("json")) {
                ObjectNode o = Json.object();
                o.put("provider", id.name().toLowerCase(Locale.ROOT));
                o.put("baseUrl", s.baseUrl());
                o.put("ok", true);
                o.put("latencyMs", ms);
                o.put("keySource", s.key() == null ? null : s.key().source());
                models.forEach(o.putArray("models")::add);
                out.println(Json.pretty(o));
            } else {
                out.printf(
                        Locale.ROOT,
                        "%s at %s: OK in %d ms, %d models%s%n",
                        id.displayName(),
                        s.baseUrl(),
                        ms,
                        models.size(),
                        s.key() == null
                                ? ""
                                : " (key " + s.key().masked() + " from "
                                        + s.key().source() + ")");
                models.stream().limit(20).forEach(m -> out.println("  " + m));
                if (models.size() > 20) {
                    out.println("  … " + (models.size() - 20) + " more (--json lists all)");
                }
            }
            return 0;
        } catch (ProviderException e) {
            return fail(e);
        }
    }

    public int complete(List<String> argv, Catalog catalog) throws IOException {
        Args a = Args.parse(argv, COMPLETE);
        String model = a.get("model");
        if (model == null || a.get("prompt") == null) {
            throw new UsageException("complete needs --model M and --prompt FILE (- for stdin)");
        }
        ModelEntry entry = catalog.find(model).orElse(null);
        ProviderId id =
                a.get("provider") != null ? provider(a.get("provider")) : entry == null ? null : fromCatalog(entry);
        if (id == null) {
            throw new UsageException("'" + model + "' is not in the catalog: say which API serves it with --provider "
                    + "openai|anthropic|gemini|compatible");
        }
        int maxTokens = a.wholeNumber("max-tokens", 1024, 1, Integer.MAX_VALUE);
        Double temperature = a.number("temperature", 0, 2);
        String baseUrl = a.url("base-url");
        String apiName =
                a.get("api") == null ? "responses" : a.get("api").trim().toLowerCase(Locale.ROOT);
        if (!List.of("responses", "chat", "chat-completions").contains(apiName)) {
            throw new UsageException("--api must be responses or chat, got '" + a.get("api") + "'");
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Part.Text(read(a.get("prompt"))));
        int[] imageSize = null;
        if (a.get("image") != null) {
            Path img = Input.regularFile(a.get("image"));
            ImageInfo info;
            try {
                info = Images.probe(img);
            } catch (MediaException | RuntimeException e) {
                throw new UsageException(
                        "--image " + a.get("image") + ": not an image CostBench can read (" + e.getMessage() + ")");
            }
            imageSize = new int[] {info.width(), info.height()};
            parts.add(new Part.Image(
                    Files.readAllBytes(img),
                    "image/" + info.format().toLowerCase(Locale.ROOT).replace("jpg", "jpeg"),
                    null));
        }
        ChatRequest.OpenAiApi api =
                apiName.startsWith("chat") ? ChatRequest.OpenAiApi.CHAT_COMPLETIONS : ChatRequest.OpenAiApi.RESPONSES;
        ChatRequest req = new ChatRequest(
                model,
                a.get("system") == null ? null : read(a.get("system")),
                null,
                List.of(new ChatMessage(Role.USER, parts)),
                maxTokens,
                temperature,
                null,
                null,
                null,
                null,
                !a.flag("no-stream"),
                api,
                null,
                null);

        ProviderSettings s = settings(id, baseUrl);
        requireKey(s);
        final int[] size = imageSize;
        RequestEstimate estimate = entry == null
                ? null
                : RequestEstimate.of(
                        entry,
                        req,
                        null,
                        new RequestEstimate.MediaSizer() {
                            @Override
                            public int[] imageSize(Part.Image image) {
                                return size;
                            }

                            @Override
                            public double seconds(Part media) {
                                return 0;
                            }
                        },
                        BillingOptions.INTERACTIVE);
        boolean json = a.flag("json");
        ProviderClient client = client(s);
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "costbench cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        ChatResult r;
        try {
            r = client.complete(
                    req,
                    json
                            ? null
                            : d -> {
                                out.print(d);
                                out.flush();
                            },
                    cancel);
        } catch (ProviderException e) {
            return fail(e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
        }
        if (!req.stream() && !json) {
            out.print(r.text());
        }
        boolean noUsage = r.usage() == null; // some OpenAI-compatible servers report none
        var rec = estimate == null || noUsage ? null : estimate.reconcile(entry, r.usage(), BillingOptions.INTERACTIVE);
        if (json) {
            ObjectNode o = Json.object();
            o.put("text", r.text());
            o.put("model", r.model());
            o.put("provider", id.name().toLowerCase(Locale.ROOT));
            o.put("finishReason", r.finishReason());
            o.put("latencyMs", r.latency().toMillis());
            if (r.timeToFirstToken() == null) {
                o.putNull("timeToFirstTokenMs");
            } else {
                o.put("timeToFirstTokenMs", r.timeToFirstToken().toMillis());
            }
            if (noUsage) {
                o.putNull("usage");
            } else {
                usageJson(o.putObject("usage"), r.usage(), r.inputByModality());
            }
            o.set("rawUsage", r.rawUsageJson() == null ? null : Json.read(r.rawUsageJson()));
            if (rec == null) {
                boolean local = entry == null && id == ProviderId.COMPATIBLE;
                o.put(
                        "estimateUsd",
                        estimate == null
                                ? null
                                : Money.exact(estimate.breakdown().total()));
                if (local && !noUsage) {
                    o.put("costUsd", "0");
                } else {
                    o.putNull("costUsd");
                }
                o.put(
                        "note",
                        noUsage
                                ? "the server reported no usage, so the billed cost is unknown"
                                : local
                                        ? model
                                                + " is not in the catalog: priced at $0 as a self-hosted model (add it to the "
                                                + "user catalog to give it a price)"
                                        : model
                                                + " is not in the catalog: no price (add it to the user catalog to price it)");
            } else {
                o.put("estimateUsd", Money.exact(rec.estimateUsd()));
                o.put("estimateInputTokens", estimate.inputTokens());
                o.put("estimateExact", estimate.exact());
                o.put("costUsd", Money.exact(rec.billed().total()));
                o.put("differenceUsd", Money.exact(rec.differenceUsd()));
                EstimateCommand.breakdownJson(o.putArray("breakdown"), rec.billed());
                ArrayNode notes = o.putArray("estimateNotes");
                estimate.notes().forEach(notes::add);
            }
            out.println(Json.pretty(o));
            return 0;
        }
        out.println();
        out.println();
        CanonicalUsage u = r.usage();
        out.printf(
                Locale.ROOT,
                "%s · %s · finish: %s · %d ms%s%n",
                id.displayName(),
                r.model(),
                r.finishReason(),
                r.latency().toMillis(),
                r.timeToFirstToken() == null
                        ? ""
                        : " (first token " + r.timeToFirstToken().toMillis() + " ms)");
        if (noUsage) {
            out.println("usage: the server reported none, so the billed cost is unknown"
                    + (estimate == null
                            ? ""
                            : "; estimate before sending: "
                                    + Money.format(estimate.breakdown().total())));
            return 0;
        }
        out.printf(
                Locale.ROOT,
                "usage: input %d (uncached %d, cache read %d, cache write 5m %d, 1h %d), output %d, "
                        + "reasoning %d%n",
                u.totalInput(),
                u.uncachedInput(),
                u.cacheRead(),
                u.cacheWrite5m(),
                u.cacheWrite1h(),
                u.output(),
                u.reasoning());
        if (rec == null) {
            out.println(
                    id == ProviderId.COMPATIBLE
                            ? "cost: $0 — " + model
                                    + " is not in the catalog, so it is treated as self-hosted (add it to the "
                                    + "user catalog to give it a price)"
                            : "cost: " + model + " is not in the catalog, so it has no price");
        } else {
            out.printf(
                    Locale.ROOT,
                    "estimate before sending: %s (%s input tokens%s, output at the %d cap)%n",
                    Money.format(rec.estimateUsd()),
                    estimate.exact() ? "" : "≈",
                    estimate.inputTokens() + "",
                    estimate.outputTokens());
            out.printf(
                    Locale.ROOT,
                    "billed: %s (difference %s)%n",
                    Money.format(rec.billed().total()),
                    Money.format(rec.differenceUsd()));
            rec.billed()
                    .lines()
                    .forEach(l -> out.printf(
                            Locale.ROOT, "  %-28s %8d tokens  %s%n", l.item(), l.tokens(), Fmt.usd(l.usd())));
        }
        return 0;
    }

    static void usageJson(ObjectNode o, CanonicalUsage u, Map<String, Long> byModality) {
        o.put("uncachedInput", u.uncachedInput());
        o.put("cacheRead", u.cacheRead());
        o.put("cacheWrite5m", u.cacheWrite5m());
        o.put("cacheWrite1h", u.cacheWrite1h());
        o.put("output", u.output());
        o.put("reasoning", u.reasoning());
        o.put("totalInput", u.totalInput());
        ObjectNode m = o.putObject("inputByModality");
        byModality.forEach(m::put);
    }

    private int fail(ProviderException e) {
        err.println("costbench: " + e.getMessage());
        if (e.body() != null && !e.body().isBlank()) {
            String b = e.body().strip();
            err.println("  response body: " + (b.length() > 500 ? b.substring(0, 500) + "…" : b));
        }
        return e.kind() == ProviderException.Kind.AUTH || e.kind() == ProviderException.Kind.BAD_REQUEST ? 3 : 1;
    }

    private static void requireKey(ProviderSettings s) {
        if (s.id() != ProviderId.COMPATIBLE && (s.key() == null || s.key().isEmpty())) {
            throw new UsageException("no " + s.id().displayName() + " API key: set " + s.id().keyVariable()
                    + (s.id() == ProviderId.GEMINI ? " (or GOOGLE_API_KEY)" : "") + " or add it in the workbench's "
                    + "Providers tab");
        }
    }

    private static ProviderId provider(String name) {
        try {
            return ProviderId.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The native API of a catalog model (OpenAI, Anthropic, Gemini); null for the others, which need --provider. */
    private static ProviderId fromCatalog(ModelEntry entry) {
        ProviderId id = RunPlan.providerOf(entry);
        return id == ProviderId.COMPATIBLE ? null : id;
    }

    private String read(String file) throws IOException {
        return new Input(in).text(file);
    }

    /** The provider's settings with {@code baseUrl} (validated) in place of the configured address. */
    private ProviderSettings settings(ProviderId id, String baseUrl) throws IOException {
        ProviderConfig c = config.get();
        try {
            return c.resolve(id, baseUrl, null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ProviderClient client(ProviderSettings s) {
        try {
            return Providers.client(s);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

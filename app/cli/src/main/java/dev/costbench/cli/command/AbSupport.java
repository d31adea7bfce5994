// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.Runner;
import dev.costbench.model.lab.run.SpecJson;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.Providers;
import dev.costbench.store.JdbcLabStore;
import dev.costbench.store.LabStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** What the {@code ab} subcommands share: their option values, the store, the clients, the question before spending. */
final class AbSupport {

    private AbSupport() {}

    /** 0 completed, {@link #EXIT_BUDGET} stopped at the budget cap, 1 anything else. */
    static int exitCode(RunResult.Outcome outcome) {
        switch (outcome) {
            case COMPLETED:
                return 0;
            case BUDGET_REACHED:
                return AbCommand.EXIT_BUDGET;
            default:
                return 1;
        }
    }

    /**
     * Waits for background work; Ctrl+C (the JVM shutting down) cancels it and gives the calls in flight 20 s to end.
     * Null when this thread is interrupted (the work is cancelled).
     */
    static <T> T awaitOrCancel(CompletableFuture<T> done, Runnable cancel, String name) {
        Thread hook = new Thread(
                () -> {
                    cancel.run();
                    try {
                        done.get(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        // the JVM exits anyway
                    }
                },
                name);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.run();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the work failed", e.getCause());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook cancels the work
            }
        }
    }

    /** The clients of an estimate, which makes no calls: asking for one is a bug. */
    static final ClientSource NO_CALLS = p -> {
        throw new IllegalStateException("no calls while estimating");
    };

    /** The clients of the providers a run needs; a missing key is bad input (nothing has run yet). */
    static ClientSource clients(Supplier<ProviderConfig> config, Collection<ProviderId> needed, String baseUrl)
            throws IOException {
        Map<ProviderId, ProviderClient> clients = new EnumMap<>(ProviderId.class);
        for (ProviderId id : needed) {
            ProviderSettings s;
            try {
                s = config.get().resolve(id, id == ProviderId.COMPATIBLE ? baseUrl : null, null);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (id != ProviderId.COMPATIBLE && (s.key() == null || s.key().isEmpty())) {
                throw new UsageException("no " + id.displayName() + " API key: set " + id.keyVariable()
                        + (id == ProviderId.GEMINI ? " (or GOOGLE_API_KEY)" : "") + " or add it in the workbench's "
                        + "Providers tab");
            }
            try {
                clients.put(id, Providers.client(s));
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return id -> {
            ProviderClient c = clients.get(id);
            if (c == null) {
                throw new ProviderException(
                        id, ProviderException.Kind.NO_KEY, 0, "no client for " + id.displayName(), null, null, null);
            }
            return c;
        };
    }

    static boolean confirm(InputStream in, PrintStream err, RunEstimate e) throws IOException {
        return ask(
                in,
                err,
                "Run " + e.calls() + " calls for about " + Money.format(e.lowUsd()) + " – "
                        + Money.format(e.highUsd())
                        + (e.budgetUsd() == null ? "" : " (cap " + Money.format(e.budgetUsd()) + ")") + "?");
    }

    /** Asks a yes/no question on stderr; true for y or yes on stdin. */
    static boolean ask(InputStream in, PrintStream err, String question) throws IOException {
        err.print(question + " [y/N] ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return answer != null
                && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /** An experiment file, or the name of one shipped in {@code resources/experiments}. */
    static ExperimentSpec loadSpec(String arg) throws IOException {
        Path p = Path.of(arg);
        if (Files.isRegularFile(p)) {
            return SpecJson.read(p);
        }
        String name = arg.endsWith(".json") ? arg : arg + ".json";
        if (!name.contains("/") && !name.contains("\\")) {
            Optional<ExperimentSpec> builtIn = SpecJson.readBuiltIn(name);
            if (builtIn.isPresent()) {
                return builtIn.get();
            }
        }
        throw new UsageException(
                "no such experiment file: " + arg + " (built in: seed000-support-ticket, image-receipt)");
    }

    /** The lab store in use: the team store when one is chosen (COSTBENCH_STORE_URL or Settings), else the file. */
    static JdbcLabStore openStore() {
        return LabStores.open(AppDirs.dataDir(), StorePasswords::lookup);
    }

    static void requireExperiment(LabStore store, long id, PrintStream err) {
        try {
            store.loadExperiment(id);
        } catch (NoSuchElementException e) {
            throw new UsageException("no experiment " + id + " (costbench ab list shows them)");
        }
        if (store.interruptedOnOpen().contains(id)) {
            err.println("experiment " + id + " was interrupted (CostBench stopped while it ran); "
                    + "costbench ab resume " + id + " runs the trials it is missing");
        }
    }

    static long id(Args a, String what) {
        if (a.positional.size() != 1) {
            throw new UsageException(what + " needs an experiment id (costbench ab list shows them)");
        }
        try {
            long id = Long.parseLong(a.positional.get(0));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("not an experiment id: '" + a.positional.get(0) + "'");
    }

    static BigDecimal budget(Args a) {
        String v = a.get("budget");
        if (v == null) {
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(v.trim().replace("$", ""));
            if (b.signum() >= 0) {
                return b;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--budget must be an amount in USD, e.g. 0.50; got '" + v + "'");
    }

    static int concurrency(Args a) {
        long n = a.nonNegative("concurrency", Runner.DEFAULT_CONCURRENCY);
        if (n < 1 || n > 64) {
            throw new UsageException("--concurrency must be between 1 and 64");
        }
        return (int) n;
    }

    static ProviderId provider(String name) {
        try {
            return ProviderId.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

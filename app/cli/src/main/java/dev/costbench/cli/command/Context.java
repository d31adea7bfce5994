// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.batch.ProviderBatches;
import dev.costbench.store.JdbcLabStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every command works with: the standard streams, the provider configuration, the catalog (with the user's
 * overrides) and the models an option such as {@code --models id,id} picks from it.
 */
public final class Context {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<ProviderConfig> providers;
    private final Clock clock;
    private final Function<ProviderConfig, BatchSource> batches;
    private final Supplier<JdbcLabStore> teamStore;
    private CatalogOverrides overrides;

    public Context(InputStream in, PrintStream out, PrintStream err, Supplier<ProviderConfig> providers) {
        this(in, out, err, providers, Clock.systemUTC());
    }

    /** With the batch APIs built from the provider configuration by {@code batches} (tests wire stand-ins). */
    public Context(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Supplier<ProviderConfig> providers,
            Function<ProviderConfig, BatchSource> batches) {
        this(in, out, err, providers, Clock.systemUTC(), batches, CliTeamCatalog::openTeamStore);
    }

    /** A context whose "today" (the date prices are taken at unless {@code --at} says otherwise) is {@code clock}'s. */
    public Context(InputStream in, PrintStream out, PrintStream err, Supplier<ProviderConfig> providers, Clock clock) {
        this(
                in,
                out,
                err,
                providers,
                clock,
                config -> new ProviderBatches(config, null),
                CliTeamCatalog::openTeamStore);
    }

    /**
     * With the team store opened by {@code teamStore} (null from it: this computer's own file is in use), for the
     * team catalog; tests wire a stand-in.
     */
    public Context(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Supplier<ProviderConfig> providers,
            Supplier<JdbcLabStore> teamStore) {
        this(in, out, err, providers, Clock.systemUTC(), config -> new ProviderBatches(config, null), teamStore);
    }

    private Context(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Supplier<ProviderConfig> providers,
            Clock clock,
            Function<ProviderConfig, BatchSource> batches,
            Supplier<JdbcLabStore> teamStore) {
        this.batches = batches;
        this.teamStore = teamStore;
        this.in = in;
        this.out = out;
        this.err = err;
        this.providers = providers;
        this.clock = clock;
    }

    private boolean catalogWarned;

    /** The clock that says what day it is. */
    public Clock clock() {
        return clock;
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Supplier<ProviderConfig> providers() {
        return providers;
    }

    /** The providers' batch APIs, with the keys of the provider configuration. */
    public BatchSource batches() {
        return batches.apply(providers.get());
    }

    /** Text input: files, or standard input for {@code -}. */
    public Input input() {
        return new Input(in);
    }

    /**
     * The built-in catalog with the additions and overrides of the user catalog in use ({@link #overrides()}). When
     * that catalog has problems (its entries left out), the command says so once on standard error.
     */
    public Catalog catalog() {
        Catalog c = catalogAsIs();
        warnOnce(c);
        return c;
    }

    /** As {@link #catalog()}, without the warning (for the commands that list the problems themselves). */
    public Catalog catalogAsIs() {
        return CatalogBuilder.withUserCatalog(overrides().file());
    }

    private synchronized void warnOnce(Catalog c) {
        if (catalogWarned || c.problems().isEmpty()) {
            return;
        }
        catalogWarned = true;
        int n = c.problems().size();
        err.println("costbench: warning: " + overrides().describe() + " has " + n + (n == 1 ? " problem" : " problems")
                + ", left out of the prices: " + c.problems().get(0) + (n > 1 ? " (and more)" : "")
                + "; `costbench catalog list` lists them");
    }

    /**
     * The user catalog overrides in use, which every catalog write goes through: the team catalog on a team store
     * that has one (fetched once per command), else this computer's {@code catalog.json}.
     */
    public synchronized CatalogOverrides overrides() {
        if (overrides == null) {
            overrides = CliTeamCatalog.resolve(teamStore, err);
        }
        return overrides;
    }

    /** The team store in use, opened (the caller closes it); null when this computer's own file is in use. */
    public JdbcLabStore teamStore() {
        return teamStore.get();
    }

    /** The catalog's models named in {@code ids} ({@code id,id}); every model when null or blank. */
    public List<ModelEntry> models(String ids) {
        return select(catalog(), ids);
    }

    static List<ModelEntry> select(Catalog catalog, String ids) {
        if (ids == null || ids.isBlank()) {
            return catalog.models();
        }
        List<ModelEntry> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            String k = id.trim();
            if (k.isEmpty()) {
                continue;
            }
            out.add(catalog.find(k)
                    .orElseThrow(() ->
                            new UsageException("unknown model '" + k + "' (costbench catalog list shows the ids)")));
        }
        return out;
    }
}

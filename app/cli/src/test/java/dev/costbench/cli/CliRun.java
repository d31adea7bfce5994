// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import dev.costbench.cli.command.Context;
import dev.costbench.cli.command.ProviderCommand;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.store.JdbcLabStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One command-line call in a test: the exit code and what it printed on stdout and stderr.
 *
 * @param code the exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} with {@code stdin} as standard input and the default provider configuration. */
    static CliRun of(String stdin, String... args) {
        return of(stdin, null, args);
    }

    /** Runs {@code args} with {@code stdin} and {@code config} (null: the default) as the provider configuration. */
    static CliRun of(String stdin, Supplier<ProviderConfig> config, String... args) {
        return of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), config, args);
    }

    /** Runs {@code args} with {@code config} and the batch APIs of {@code batches}; "y" on standard input. */
    static CliRun withBatches(
            Supplier<ProviderConfig> config, Function<ProviderConfig, BatchSource> batches, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8));
        int code = new Cli(in, out, err, config, batches).run(args);
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code args} with the team store {@code teamStore} opens (null from it: this computer's own file), for
     * the team catalog.
     */
    static CliRun withTeamStore(Supplier<JdbcLabStore> teamStore, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(new byte[0]);
        int code = new Cli(new Context(in, out, err, ProviderCommand::systemConfig, teamStore)).run(args);
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} with {@code in} as standard input (any bytes). */
    static CliRun of(InputStream in, Supplier<ProviderConfig> config, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        Cli cli = config == null ? new Cli(in, out, err) : new Cli(in, out, err, config);
        int code = cli.run(args);
        return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.cli.Cli;
import dev.costbench.cli.term.Output;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;

/**
 * Entry point. With no arguments it starts the workbench; with a subcommand it runs the command line without
 * touching JavaFX (so scripts need no display). A plain class, not an {@code Application}, so that JavaFX on the
 * class path starts. {@code --self-test} checks an installation ({@link SelfTest});
 * {@code --create-cds-archive} makes an installed build's start-up archive ({@link AppCds}).
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--self-test")) {
            System.setProperty("java.awt.headless", "true");
            System.exit(SelfTest.run(stdout()));
        }
        if (args.length == 1 && args[0].equals(AppCds.CREATE)) {
            System.exit(AppCds.create(System.err));
        }
        // Checked only with arguments: the command line's classes (Jackson among them) are not loaded at start-up.
        if (args.length > 0 && Cli.isCommand(args)) {
            System.setProperty("java.awt.headless", "true"); // image work in the CLI needs no display
            PrintStream out = Output.stdout(); // remembers a failed write: a full disk is a non-zero exit
            int code = new Cli(System.in, out, System.err).run(args);
            out.flush();
            System.exit(code);
        }
        StartupProbe.startIfRequested();
        StartupProbe.mark("main()");
        AppCds.refreshInBackgroundIfStale();
        Application.launch(CostBenchApp.class, args);
    }

    private static PrintStream stdout() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.cli.Cli;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point. With no arguments it starts the workbench; with a subcommand it runs the command line without
 * touching JavaFX (so scripts need no display). A plain class, not an {@code Application}, so that JavaFX on the
 * class path starts (STYLE.md R10).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.setProperty("java.awt.headless", "true"); // image work in the CLI needs no display
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            int code = new Cli(System.in, out, System.err).run(args);
            out.flush();
            System.exit(code);
        }
        javafx.application.Application.launch(CostBenchApp.class, args);
    }
}

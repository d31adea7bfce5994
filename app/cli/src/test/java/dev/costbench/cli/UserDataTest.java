// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line test with its own user data: {@code costbench.dataDir} points at {@link #data} (in {@link #tmp})
 * for the length of each test, and {@link #keep} holds what the last call printed in {@link #out} and {@link #err}.
 */
abstract class UserDataTest {

    @TempDir
    Path tmp;

    /** This test's data folder ({@code tmp/data}). */
    Path data;

    /** Standard output of the last call given to {@link #keep}. */
    String out;

    /** Standard error of the last call given to {@link #keep}. */
    String err;

    @BeforeEach
    final void useOwnUserData() {
        data = tmp.resolve("data");
        System.setProperty("costbench.dataDir", data.toString());
    }

    @AfterEach
    final void forgetOwnUserData() {
        System.clearProperty("costbench.dataDir");
    }

    /** Keeps what {@code r} printed in {@link #out} and {@link #err}; returns its exit code. */
    final int keep(CliRun r) {
        out = r.out();
        err = r.err();
        return r.code();
    }
}

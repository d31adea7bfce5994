// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a {@code main} of the test class path in a separate JVM (a second CostBench, a process to kill). */
final class ChildJvm implements AutoCloseable {

    final Process process;
    final BufferedReader out;
    final Path errorLog;

    private ChildJvm(Process process, Path errorLog) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.errorLog = errorLog;
    }

    static ChildJvm start(Class<?> main, Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Xmx128m");
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, main.getSimpleName(), ".err");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        return new ChildJvm(p, log);
    }

    /** The next line the child printed; fails with the child's stderr when it ended first. */
    String readLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IllegalStateException("the child JVM ended (exit " + waitExit() + "): " + stderr());
        }
        return line;
    }

    String stderr() throws IOException {
        return Files.readString(errorLog);
    }

    private int waitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        waitExit();
        out.close();
    }
}

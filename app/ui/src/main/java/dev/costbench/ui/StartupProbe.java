// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Window;

/**
 * {@code -Dcostbench.startupProbe=report|exit}: prints to stderr how long after the process started the main window
 * was shown (and answers: the check runs on the FX thread) and the cost table was filled (the example prompt counted
 * and priced), and the CPU time spent until the window was shown; with {@code exit} it quits a moment later. The
 * installers use it for the class-list training run behind the AppCDS archive and for the startup
 * measurement ({@code installers/}); it does nothing unless the property is set.
 */
final class StartupProbe {

    static final String PROPERTY = "costbench.startupProbe";

    private static final boolean ENABLED = System.getProperty(PROPERTY) != null
            && !System.getProperty(PROPERTY).isBlank();
    private static final Queue<String> MARKS = new ConcurrentLinkedQueue<>();

    private StartupProbe() {}

    /** Notes that start-up reached {@code phase} (only when the probe is on); the report lists the phases. */
    static void mark(String phase) {
        if (ENABLED) {
            MARKS.add(phase + " " + (System.currentTimeMillis() - processStart()) + " ms");
        }
    }

    private static volatile long processStart;

    /**
     * When the process started, epoch ms. On Linux from the process's age (its start in clock ticks since boot in
     * /proc/self/stat against /proc/uptime): {@code ProcessHandle.info().startInstant()} adds the boot time, which
     * the kernel keeps in whole seconds, and on some virtual machines it was 0.85 s off, so every figure measured
     * from it was too. Elsewhere from ProcessHandle.
     */
    static long processStart() {
        long known = processStart;
        if (known != 0) {
            return known;
        }
        long start;
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22 of the whole line: starttime
            String up = Files.readString(Path.of("/proc/uptime")).split(" ")[0];
            long now = System.currentTimeMillis();
            long uptimeMs = new BigDecimal(up).movePointRight(3).longValue();
            start = now - (uptimeMs - startTicks * 10); // USER_HZ is 100 on every Linux ABI the JDK runs on
        } catch (Exception notLinux) {
            start = ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(Instant::toEpochMilli)
                    .orElse(ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        processStart = start;
        return start;
    }

    static void startIfRequested() {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank()) {
            return;
        }
        Thread t = new Thread(() -> probe("exit".equals(mode)), "CostBench startup probe");
        t.setDaemon(true);
        t.start();
    }

    private static void probe(boolean exit) {
        long start = processStart();
        long shown = waitUntil(() -> Window.getWindows().stream().anyMatch(Window::isShowing), 60_000) - start;
        long cpu = cpuMillis();
        long ready = waitUntil(StartupProbe::tableReady, 60_000) - start;
        System.err.println("costbench-startup: window shown " + shown + " ms, cost table ready " + ready
                + " ms after the process started; " + cpu + " ms of CPU time until the window was shown; phases: "
                + String.join(", ", MARKS));
        if (exit) {
            sleep(1500);
            Platform.runLater(Platform::exit);
        }
    }

    /** The Prompt view's status line reads "… tokens (o200k_base) · N models …" once the first count is done. */
    private static boolean tableReady() {
        return Window.getWindows().stream()
                .filter(Window::isShowing)
                .map(w -> w.getScene().lookup("#status"))
                .anyMatch(n -> n instanceof Labeled l
                        && l.getText() != null
                        && l.getText().contains("models"));
    }

    /** Polls {@code condition} on the FX thread every 10 ms; the time it first held (or the timeout), epoch ms. */
    private static long waitUntil(BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            FutureTask<Boolean> check = new FutureTask<>(condition::getAsBoolean);
            try {
                Platform.runLater(check);
                if (check.get()) {
                    return System.currentTimeMillis();
                }
            } catch (IllegalStateException notStartedYet) {
                // the toolkit is not running yet
            } catch (Exception e) {
                return System.currentTimeMillis();
            }
            sleep(10);
        }
        return System.currentTimeMillis();
    }

    private static long cpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(-1L);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

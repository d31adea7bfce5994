// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The AppCDS archive of an installed CostBench: the classes loaded at start-up, pre-parsed and mapped from one file,
 * which takes a large part of the start-up time away (see the README's Installers section).
 *
 * <p>The installers' launcher configuration passes {@code -XX:SharedArchiveFile=$APPDIR/costbench.jsa} and
 * {@code -Dcostbench.cds.archive=} the same path; the class list next to it ({@code costbench.classlist}) is recorded
 * at build time by a training run. Java 17 records the absolute class path in an archive, so the archive can only be
 * made where the app is installed: the Linux packages' post-install script runs {@code costbench
 * --create-cds-archive}; elsewhere (the portable .tar.gz, macOS, a per-user Windows install) the app makes it in a
 * background process on its first start, when it may write there. A missing or stale archive costs only speed: the
 * JVM then starts without it, silently. A stamp file next to the archive tells whether it matches the installed jars.
 */
final class AppCds {

    static final String PROPERTY = "costbench.cds.archive";
    static final String CREATE = "--create-cds-archive";

    private AppCds() {}

    /** The archive this launcher was configured with, if any (only installed builds have one). */
    static Optional<Path> archive() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(Path.of(p));
    }

    static Path classList(Path archive) {
        return archive.resolveSibling("costbench.classlist");
    }

    private static Path stamp(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".stamp");
    }

    /** What the archive depends on: the JVM, and every class path entry with its size and modification time. */
    static String fingerprint(Path archive) {
        StringBuilder sb = new StringBuilder();
        sb.append(System.getProperty("java.home"))
                .append('\n')
                .append(System.getProperty("java.vm.version"))
                .append('\n');
        List<String> entries =
                new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        entries.add(classList(archive).toString());
        for (String e : entries) {
            Path p = Path.of(e);
            try {
                sb.append(e)
                        .append(' ')
                        .append(Files.size(p))
                        .append(' ')
                        .append(Files.getLastModifiedTime(p).toMillis())
                        .append('\n');
            } catch (IOException missing) {
                sb.append(e).append(" missing\n");
            }
        }
        return sb.toString();
    }

    static boolean isCurrent(Path archive) {
        try {
            return Files.isRegularFile(archive)
                    && Files.readString(stamp(archive), StandardCharsets.UTF_8).equals(fingerprint(archive));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code costbench --create-cds-archive}: (re)creates the archive now. Returns the exit status. */
    static int create(PrintStream log) {
        Optional<Path> configured = archive();
        if (configured.isEmpty()) {
            log.println("costbench: no class-data archive is configured (only installed builds have one)");
            return 2;
        }
        Path archive = configured.get();
        Path list = classList(archive);
        if (!Files.isRegularFile(list)) {
            log.println("costbench: no class list at " + list + "; the archive is not made");
            return 1;
        }
        long t0 = System.nanoTime();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(archive.getParent(), "costbench-", ".jsa.tmp");
            List<String> cmd = new ArrayList<>(
                    List.of(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + tmp));
            cmd.addAll(heapOptions());
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
            Path out = archive.resolveSibling(archive.getFileName() + ".log");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            int code = p.waitFor();
            if (code != 0 || Files.size(tmp) == 0) {
                log.println("costbench: making the class-data archive failed (" + code + "); see " + out);
                return 1;
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(stamp(archive), fingerprint(archive), StandardCharsets.UTF_8);
            log.printf(
                    "costbench: class-data archive %s written (%d MB) in %.1f s%n",
                    archive, Files.size(archive) >> 20, (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (IOException e) {
            log.println("costbench: cannot write the class-data archive " + archive + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left for the next run to overwrite
                }
            }
        }
    }

    /**
     * On the workbench's start: when the archive is missing or stale and its folder is writable, makes it in a
     * separate, detached process (so that quitting the app does not cut it short). The next start uses it.
     */
    static void refreshInBackgroundIfStale() {
        Optional<Path> configured = archive();
        if (configured.isEmpty()) {
            return;
        }
        Path archive = configured.get();
        if (isCurrent(archive) || !Files.isRegularFile(classList(archive)) || !Files.isWritable(archive.getParent())) {
            return;
        }
        List<String> cmd = new ArrayList<>(
                List.of(java(), "-Xshare:off", "-Djava.awt.headless=true", "-D" + PROPERTY + "=" + archive));
        cmd.addAll(heapOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(), CREATE));
        try {
            new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            System.err.println("costbench: could not start making the class-data archive: " + e.getMessage());
        }
    }

    /** The options an archive must share with the JVM that maps it (heap size decides compressed oops; the GC). */
    private static List<String> heapOptions() {
        List<String> opts = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx")
                    || a.startsWith("-XX:MaxRAM")
                    || a.matches("-XX:[+-]Use\\w*GC")
                    || a.matches("-XX:[+-]UseCompressed\\w+")) {
                opts.add(a);
            }
        }
        return opts;
    }

    /** The runtime's own launcher; on Windows {@code javaw}, which opens no console window. */
    private static String java() {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "javaw.exe" : "java")
                .toString();
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import dev.costbench.cli.command.StorePasswords;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.store.BackupPolicy;
import dev.costbench.store.H2LabStore;
import dev.costbench.store.StoreBackup;
import dev.costbench.store.StoreCheck;
import dev.costbench.store.StoreMaintenance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code costbench store check | backup | backups | restore [BACKUP] | new [--force] | info | copy}: the lab
 * database's health, its backups, the ways out when it is damaged, and the team store ({@link TeamStoreCommand}).
 * Exit codes: 0 done, 1 failed or problems found, 2 bad input.
 */
final class StoreCommand {

    static final String SUBCOMMANDS = "check, backup, backups, restore [BACKUP], new, info, copy";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final PrintStream out;
    private final PrintStream err;
    private final Path dataDir;

    StoreCommand(PrintStream out, PrintStream err, Path dataDir) {
        this.out = out;
        this.err = err;
        this.dataDir = dataDir;
    }

    int run(List<String> argv) {
        if (argv.isEmpty()) {
            throw new UsageException("store needs a subcommand: " + SUBCOMMANDS);
        }
        List<String> rest = argv.subList(1, argv.size());
        try {
            switch (argv.get(0)) {
                case "check":
                    return check(rest);
                case "backup":
                    return backup(rest);
                case "backups":
                    return backups(rest);
                case "restore":
                    return restore(rest);
                case "new":
                    return startNew(rest);
                case "info":
                    return new TeamStoreCommand(out, dataDir, StorePasswords::lookup).info(rest);
                case "copy":
                    return new TeamStoreCommand(out, dataDir, StorePasswords::lookup).copy(rest);
                default:
                    throw new UsageException("unknown store subcommand '" + argv.get(0) + "' (" + SUBCOMMANDS + ")");
            }
        } catch (LabStoreException e) {
            err.println("costbench: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("costbench: could not write the output: " + e.getMessage());
            return 1;
        }
    }

    private int check(List<String> argv) {
        none(argv, "check");
        StoreCheck c = StoreMaintenance.check(dataDir);
        c.findings().forEach(out::println);
        if (c.ok()) {
            out.println("No problem found.");
            return 0;
        }
        c.problems().forEach(p -> out.println("PROBLEM: " + p));
        out.println(c.problems().size() + (c.problems().size() == 1 ? " problem" : " problems") + " found. "
                + "'costbench store backups' lists the backups; 'costbench store restore [BACKUP]' puts one back "
                + "(the current file is kept aside).");
        return 1;
    }

    private int backup(List<String> argv) {
        none(argv, "backup");
        Path file = StoreMaintenance.databaseFile(dataDir);
        if (!Files.exists(file)) {
            out.println("No lab database at " + file + " yet: nothing to back up.");
            return 0;
        }
        StoreBackup b;
        BackupPolicy settings = BackupPolicy.fromSettings();
        // no backup "at start" as well: this one is made by hand
        BackupPolicy policy = new BackupPolicy(settings.keep(), Duration.ofDays(36_500), settings.dailyEvery());
        try (H2LabStore store = H2LabStore.open(dataDir, policy)) {
            b = store.backupNow();
        }
        out.println("Backed up to " + b.file() + " (" + size(b.sizeBytes()) + ").");
        return 0;
    }

    private int backups(List<String> argv) {
        none(argv, "backups");
        List<StoreBackup> all = StoreMaintenance.backups(dataDir);
        Path folder = StoreMaintenance.backupFolder(dataDir);
        if (all.isEmpty()) {
            out.println("No backups yet in " + folder + ".");
            return 0;
        }
        out.println("Backups in " + folder + ", newest first:");
        out.printf(Locale.ROOT, "%-19s  %9s  %-22s  %s%n", "MADE", "SIZE", "WHY", "BACKUP");
        for (StoreBackup b : all) {
            out.printf(
                    Locale.ROOT,
                    "%-19s  %9s  %-22s  %s%n",
                    WHEN.format(b.created().atZone(ZoneId.systemDefault())),
                    size(b.sizeBytes()),
                    b.kind().label(),
                    b.name());
        }
        return 0;
    }

    private int restore(List<String> argv) {
        Args a = Args.parse(argv, Set.of(), Set.of());
        if (a.positional.size() > 1) {
            throw new UsageException("store restore takes one backup (costbench store backups lists them)");
        }
        StoreBackup b;
        if (a.positional.isEmpty()) {
            List<StoreBackup> all = StoreMaintenance.backups(dataDir);
            if (all.isEmpty()) {
                err.println("costbench: no backups in " + StoreMaintenance.backupFolder(dataDir) + "; 'costbench "
                        + "store new' keeps the current file aside and starts an empty lab");
                return 1;
            }
            b = all.get(0);
        } else {
            try {
                b = StoreMaintenance.findBackup(dataDir, a.positional.get(0));
            } catch (NoSuchElementException e) {
                throw new UsageException(e.getMessage() + " (costbench store backups lists them)");
            }
        }
        StoreMaintenance.Restored r = StoreMaintenance.restore(dataDir, b);
        out.println("Restored " + b.name() + " (made " + WHEN.format(b.created().atZone(ZoneId.systemDefault()))
                + ") to " + r.database()
                + r.keptAside().map(p -> "; the previous file is kept as " + p).orElse("")
                + ".");
        return 0;
    }

    private int startNew(List<String> argv) {
        Args a = Args.parse(argv, Set.of(), Set.of("force"));
        if (!a.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional.get(0) + "'");
        }
        Path file = StoreMaintenance.databaseFile(dataDir);
        if (!Files.exists(file)) {
            out.println("No lab database at " + file + ": CostBench starts an empty lab when it next opens.");
            return 0;
        }
        if (!a.flag("force") && !StoreMaintenance.isDamaged(dataDir)) {
            throw new UsageException("the lab database " + file + " is not damaged, so it was left in place (add "
                    + "--force to keep it aside and start an empty lab anyway)");
        }
        Optional<Path> aside = StoreMaintenance.keepAsideAndStartNew(dataDir);
        out.println("Kept " + file + " aside as " + aside.orElseThrow() + "; CostBench starts an empty lab when it "
                + "next opens.");
        return 0;
    }

    private static void none(List<String> argv, String sub) {
        if (!argv.isEmpty()) {
            throw new UsageException("store " + sub + " takes no arguments");
        }
    }

    /** Bytes as the user reads them: 812 B, 12.3 KB, 4.1 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

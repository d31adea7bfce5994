// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.nio.file.Path;

/**
 * The lab database exists but cannot be read: it is truncated, has damaged bytes, or holds no CostBench lab. The
 * store never rewrites such a file: it refuses to open it and leaves it exactly as it is. The caller chooses a way
 * out: restore a backup, keep the damaged file aside and start an empty lab, or quit.
 *
 * <p>{@link #getMessage()} is one line for the command line (it names the {@code costbench store} commands);
 * {@link #userMessage()} says the same for a window, without commands.
 */
public class DamagedStoreException extends LabStoreException {

    private final Path database;
    private final String reason;

    public DamagedStoreException(Path database, String reason, Throwable cause) {
        super(
                "The lab database " + database + " is damaged (" + reason + ") and was left untouched. "
                        + "'costbench store backups' lists its backups; 'costbench store restore [BACKUP]' puts one back "
                        + "(the newest by default) and 'costbench store new' starts an empty lab; both keep the damaged "
                        + "file aside.",
                cause);
        this.database = database;
        this.reason = reason;
    }

    /** The damaged database file (unchanged). */
    public Path database() {
        return database;
    }

    /** What is wrong with it, in the user's words (e.g. "the file is empty"). */
    public String reason() {
        return reason;
    }

    /** What went wrong and what the user can do, for a dialog. */
    public String userMessage() {
        return "The lab database " + database + " cannot be read: " + reason + ". CostBench has not changed it.\n\n"
                + "You can restore a backup (the damaged file is kept aside next to it), or keep the damaged file "
                + "aside and start with an empty lab. Or quit now and copy the file somewhere safe first.";
    }
}

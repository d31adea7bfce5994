// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.ratecard.RateCardException;
import dev.costbench.model.ratecard.RateCardFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --rate-card on|off} option of {@code estimate} and {@code scenario report}. */
final class RateCardOption {

    /** The option's name. */
    static final String NAME = "rate-card";

    private RateCardOption() {}

    /** {@code --rate-card on|off} (default off): the user's rate card from the data directory, or none. */
    static RateCard read(Args a) {
        String v = a.get(NAME);
        if (v == null || v.equalsIgnoreCase("off")) {
            return RateCard.NONE;
        }
        if (!v.equalsIgnoreCase("on")) {
            throw new UsageException("--rate-card must be on or off, got '" + v + "'");
        }
        Path file = AppDirs.rateCard();
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    "--rate-card on: there is no rate card at " + file
                            + "; create one in the workbench (Rates tab) or write the file (see docs/guide/pricing-catalog.md)");
        }
        try {
            return RateCardFile.read(file);
        } catch (RateCardException e) {
            throw new UsageException(e.getMessage() + " Fix the file or use --rate-card off.");
        }
    }
}

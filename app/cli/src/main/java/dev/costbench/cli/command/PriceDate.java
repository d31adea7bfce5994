// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.UsageException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code --at YYYY-MM-DD} option of the commands that price at a date. */
final class PriceDate {

    private PriceDate() {}

    /** {@code at} as a date, or today by {@code clock} when it is null. */
    static LocalDate parse(String at, Clock clock) {
        if (at == null) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(at);
        } catch (DateTimeParseException e) {
            throw new UsageException("--at must be a date YYYY-MM-DD (e.g. 2027-01-15), got '" + at + "'");
        }
    }
}

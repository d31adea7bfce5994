// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.run.RunListener;
import dev.costbench.model.lab.run.RunProgress;
import java.io.PrintStream;
import java.util.Locale;

/** Trials done of total, money spent, the last error. */
public final class RunProgressLine extends StatusLine implements RunListener {

    public RunProgressLine(PrintStream err) {
        super(err);
    }

    @Override
    public synchronized void progress(RunProgress p) {
        if (!due(p.state() == RunProgress.State.FINISHED)) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d/%d trials", p.done(), p.total()));
        b.append(" · ").append(Money.format(p.spentUsd())).append(" spent");
        if (p.budgetUsd() != null) {
            b.append(" of ").append(Money.format(p.budgetUsd()));
        }
        if (p.inFlight() > 0) {
            b.append(" · ").append(p.inFlight()).append(" in flight");
        }
        if (p.failedAttempts() > 0) {
            b.append(" · ").append(p.failedAttempts()).append(" failed");
        }
        if (p.state() == RunProgress.State.PAUSED || p.state() == RunProgress.State.STOPPING) {
            b.append(" · ").append(p.state().name().toLowerCase(Locale.ROOT));
        }
        if (p.lastError() != null) {
            String e = p.lastError();
            b.append(" · last error: ").append(e.length() > 80 ? e.substring(0, 80) + "…" : e);
        }
        show(b.toString());
    }
}

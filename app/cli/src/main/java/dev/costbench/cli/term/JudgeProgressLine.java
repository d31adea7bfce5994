// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.judge.JudgeListener;
import dev.costbench.model.lab.judge.JudgeProgress;
import java.io.PrintStream;
import java.util.Locale;

/** Outputs judged of total, failures, the judge's spending. */
public final class JudgeProgressLine extends StatusLine implements JudgeListener {

    public JudgeProgressLine(PrintStream err) {
        super(err);
    }

    @Override
    public synchronized void progress(JudgeProgress p) {
        if (due(p.finished())) {
            show(String.format(Locale.ROOT, "judged %d/%d", p.scored(), p.total())
                    + (p.failed() > 0 ? " · " + p.failed() + " without a score" : "")
                    + " · judge spent " + Money.format(p.spentUsd())
                    + (p.budgetUsd() == null ? "" : " of " + Money.format(p.budgetUsd())));
        }
    }
}

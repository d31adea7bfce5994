// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.batch.BatchException;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.SummaryStatistics;
import dev.costbench.model.lab.stats.StatsSummary;
import java.io.IOException;
import java.util.List;

/**
 * {@code costbench ab run|resume|judge|list|show|export|compare|reprice|import|import-promptfoo|batches|
 * cancel-batch}: the A/B lab headless. Exit codes: 0 every trial succeeded (and, with a judge, every output has a
 * score), 1 the run failed or left trials that failed (or was cancelled, or not confirmed), 2 bad input, 4 stopped at
 * the budget cap (the run's or the judge's).
 */
public final class AbCommand {

    public static final Args.Options RUN = AbRunCommand.RUN;
    public static final Args.Options RESUME = AbRunCommand.RESUME;
    public static final Args.Options JUDGE = AbJudgeCommand.JUDGE;
    public static final Args.Options LIST = AbBrowseCommand.LIST;
    public static final Args.Options SHOW = AbBrowseCommand.SHOW;
    public static final Args.Options EXPORT = AbBrowseCommand.EXPORT;
    public static final Args.Options COMPARE = AbHistoryCommand.COMPARE;
    public static final Args.Options REPRICE = AbHistoryCommand.REPRICE;
    public static final Args.Options IMPORT = AbHistoryCommand.IMPORT;
    public static final Args.Options BATCHES = AbBatchCommand.BATCHES;
    public static final Args.Options CANCEL_BATCH = AbBatchCommand.CANCEL;
    public static final Args.Options IMPORT_PROMPTFOO = AbPromptfooCommand.IMPORT_PROMPTFOO;

    public static final int EXIT_BUDGET = 4;

    private final Context ctx;
    private final AbReport report;

    public AbCommand(Context ctx) {
        this(ctx, StatsSummary.INSTANCE);
    }

    /** With the statistics that compute the summary (the plain figures by default). */
    AbCommand(Context ctx, SummaryStatistics stats) {
        this.ctx = ctx;
        this.report = new AbReport(ctx.out(), stats);
    }

    public int run(List<String> argv) throws IOException {
        if (argv.isEmpty()) {
            throw new UsageException(
                    "ab needs a subcommand: run, resume, judge, list, show, export, compare, reprice, import, import-promptfoo, "
                            + "batches, cancel-batch");
        }
        String sub = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            switch (sub) {
                case "run":
                    return new AbRunCommand(ctx, report).run(rest);
                case "resume":
                    return new AbRunCommand(ctx, report).resume(rest);
                case "list":
                    return new AbBrowseCommand(ctx, report).list(rest);
                case "show":
                    return new AbBrowseCommand(ctx, report).show(rest);
                case "export":
                    return new AbBrowseCommand(ctx, report).export(rest);
                case "judge":
                    return new AbJudgeCommand(ctx, report).run(rest);
                case "compare":
                    return history().compare(rest);
                case "reprice":
                    return history().reprice(rest);
                case "import":
                    return history().importFile(rest);
                case "batches":
                    return new AbBatchCommand(ctx, report).list(rest);
                case "cancel-batch":
                    return new AbBatchCommand(ctx, report).cancel(rest);
                case "import-promptfoo":
                    return new AbPromptfooCommand(ctx).importConfig(rest);
                default:
                    throw new UsageException("unknown ab subcommand '" + sub + "' (run, resume, judge, list, show, "
                            + "export, compare, reprice, import, import-promptfoo, batches, cancel-batch)");
            }
        } catch (SpecException e) {
            throw new UsageException(e.getMessage());
        } catch (BatchException e) {
            return AbBatchCommand.failure(e, ctx.err());
        } catch (LabStoreException e) {
            ctx.err().println("costbench: " + e.getMessage());
            return 1;
        }
    }

    private AbHistoryCommand history() {
        return new AbHistoryCommand(ctx.out(), ctx.err(), ctx::catalog, AbSupport::openStore);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Run;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.ui.common.UiContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Why trials could not run, in the user's words, for the place the user is looking at: the results view's status
 * line and, when a run could run nothing at all, an error dialog that says which keys to set and where (issue 16).
 */
final class RunProblems {

    static final String HEADLINE = "No trial could run";
    private static final int MAX_REASONS = 5;

    private RunProblems() {}

    /** What each provider of the run says when asked for its client: no key, say (none when all are at hand). */
    static List<String> keyProblems(Run started, Catalog catalog, ClientSource clients) {
        List<String> out = new ArrayList<>();
        for (ProviderId id :
                new LinkedHashSet<>(started.plan().providers(catalog::find).values())) {
            try {
                clients.client(id);
            } catch (ProviderException e) {
                out.add(e.getMessage());
            } catch (RuntimeException e) {
                out.add(id.displayName() + ": " + UiContext.describe(e));
            }
        }
        return out;
    }

    /** True when the run had trials to run but none of them succeeded (and the user did not cancel). */
    static boolean nothingRan(RunResult r) {
        return r.outcome() != RunResult.Outcome.CANCELLED
                && r.missing() > 0
                && r.calls() - r.failedAttempts() + r.cached() <= 0;
    }

    /** The distinct failure messages of {@code trials}, in order, at most five. */
    static List<String> reasons(Collection<Trial> trials) {
        return reasons(List.of(), trials.stream().map(Trial::errorText).toList());
    }

    /**
     * The reasons to show: the providers' key problems first, then the other failures that do not repeat one of
     * them ("Google Gemini: No Google Gemini API key …" repeats "No Google Gemini API key …"), at most five.
     */
    static List<String> reasons(Collection<String> keyProblems, Collection<String> failures) {
        Set<String> out = new LinkedHashSet<>(keyProblems);
        for (String f : failures) {
            if (f != null
                    && !f.isBlank()
                    && out.size() < MAX_REASONS
                    && keyProblems.stream().noneMatch(k -> f.contains(k))) {
                out.add(f.strip());
            }
        }
        return List.copyOf(out);
    }

    /** The dialog's text: what happened, why, and what to do. */
    static String detail(RunResult r, List<String> reasons) {
        StringBuilder b = new StringBuilder(capitalized(r.message())).append('.');
        if (!reasons.isEmpty()) {
            b.append("\n\nWhy:");
            reasons.forEach(x -> b.append("\n• ").append(x));
        }
        return b.append("\n\n").append(whatToDo(reasons)).toString();
    }

    /** One line for the results view after a run that left trials: its message, why, and what to do. */
    static String status(RunResult r, List<String> reasons) {
        if (r.outcome() == RunResult.Outcome.COMPLETED) {
            return "";
        }
        return "This run: " + r.message() + (reasons.isEmpty() ? "" : ". Why: " + String.join("; ", reasons))
                + (nothingRan(r) || !reasons.isEmpty() ? ". " + whatToDo(reasons) : "");
    }

    /**
     * The status of a stored experiment none of whose trials succeeded: why (the trials' errors), and what to do;
     * "" when some did, or when it is finished or running.
     */
    static String statusOfStored(Experiment e, List<Trial> trials) {
        long failed = trials.stream().filter(t -> !t.succeeded()).count();
        if (failed < trials.size() || e.status() == ExperimentStatus.DONE || e.status() == ExperimentStatus.RUNNING) {
            return "";
        }
        if (trials.isEmpty()) {
            return "No trial of this experiment has run yet (it is "
                    + LabWords.status(e.status())
                    + "). If a provider has no API key, set it in the Providers tab, then press Rerun: the missing "
                    + "trials run.";
        }
        List<String> reasons = reasons(trials);
        return "None of the " + failed + " trials succeeded"
                + (reasons.isEmpty() ? "" : ". Why: " + String.join("; ", reasons)) + ". " + whatToDo(reasons);
    }

    private static String whatToDo(List<String> reasons) {
        boolean keys = reasons.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains("api key"));
        return (keys
                        ? "Set the missing API keys in the Providers tab (or as the environment variables named above), "
                        : "Fix the cause above, ")
                + "then select the experiment in the history and press Rerun: only the "
                + "trials still missing run.";
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "The run ended" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

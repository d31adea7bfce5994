// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.PromptWorkspace;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.validation.NumberRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Between the Prompt view's properties and a {@link PromptWorkspace}. FX thread only. */
final class Snapshots {

    /** The field paths of a workspace file as the Prompt view labels them. */
    private static final Map<String, String> LABELS = Map.of(
            "options.outputTokens", "Expected output tokens",
            "options.reasoningTokens", "Reasoning tokens",
            "options.requestsPerMonth", "Requests per month");

    private Snapshots() {}

    /** The current workspace; empty when an option is outside what a workspace file may hold. */
    static Optional<PromptWorkspace> capture(WorkspaceParts parts) {
        try {
            return Optional.of(require(parts));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The current workspace.
     *
     * @throws IllegalArgumentException naming the option by its label when one is out of range
     */
    static PromptWorkspace require(WorkspaceParts parts) {
        PromptViewModel vm = parts.prompt();
        ModelEntry m = vm.selectedModelProperty().get();
        try {
            return new PromptWorkspace(
                    vm.systemTextProperty().get(),
                    vm.turns().stream()
                            .map(t -> new PromptWorkspace.FewShotTurn(
                                    t.roleProperty().get(), t.textProperty().get()))
                            .toList(),
                    vm.userTextProperty().get(),
                    vm.outputTokensProperty().get(),
                    vm.reasoningTokensProperty().get(),
                    vm.monthlyRequestsProperty().get(),
                    vm.cachedPrefixProperty().get(),
                    vm.batchProperty().get(),
                    vm.residencyProperty().get(),
                    m == null ? null : m.id(),
                    vm.toolsJsonProperty().get(),
                    WorkspaceBreakpoints.capture(parts),
                    parts.tokenizer().get());
        } catch (NumberRefusedException e) {
            String label = LABELS.getOrDefault(e.field(), e.field());
            throw new IllegalArgumentException(
                    label + ": " + e.reason() + ". Change it in the Request options, then save again.", e);
        }
    }

    /**
     * Puts the texts, options, breakpoints and tokenizer of {@code w} into the Prompt view (the selected model is
     * the caller's).
     */
    static void apply(WorkspaceParts parts, PromptWorkspace w) {
        PromptViewModel vm = parts.prompt();
        vm.systemTextProperty().set(w.system());
        vm.turns()
                .setAll(w.turns().stream()
                        .map(t -> new Turn(t.role(), t.text()))
                        .toList());
        vm.userTextProperty().set(w.user());
        vm.outputTokensProperty().set(w.outputTokens());
        vm.reasoningTokensProperty().set(w.reasoningTokens());
        vm.monthlyRequestsProperty().set(w.monthlyRequests());
        vm.cachedPrefixProperty().set(w.cachedPrefix());
        vm.batchProperty().set(w.batch());
        vm.residencyProperty().set(w.residency());
        vm.toolsJsonProperty().set(w.tools());
        WorkspaceBreakpoints.apply(parts, w.cache()); // after the texts: their listeners would move the marks
        parts.tokenizer().set(w.tokenizer() == null ? Encoding.O200K_BASE : w.tokenizer());
    }

    /**
     * Same texts, options and breakpoints: the selected model or tokenizer alone does not make a change worth asking
     * about.
     */
    static boolean sameWork(PromptWorkspace a, PromptWorkspace b) {
        return a.system().equals(b.system())
                && a.turns().equals(b.turns())
                && a.user().equals(b.user())
                && List.of(a.outputTokens(), a.reasoningTokens(), a.monthlyRequests())
                        .equals(List.of(b.outputTokens(), b.reasoningTokens(), b.monthlyRequests()))
                && a.cachedPrefix() == b.cachedPrefix()
                && a.batch() == b.batch()
                && a.residency() == b.residency()
                && a.tools().equals(b.tools())
                && a.cache().equals(b.cache());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.ui.prompt.SendPorts;
import dev.costbench.ui.prompt.WorkspaceViewModel;
import dev.costbench.ui.providers.ProviderAccess;
import dev.costbench.ui.shell.StoreAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What "Send to the API" learns from the shell: which providers have keys, the history store, the workspace key. */
final class SendAccess {

    private SendAccess() {}

    /** Why {@code id} cannot be called, with what to do, or null when it can. */
    static String problem(ProviderAccess access, ProviderId id) {
        try {
            ProviderSettings s = access.settings(id);
            boolean hasKey = s.key() != null && !s.key().isEmpty();
            if (id == ProviderId.COMPATIBLE) {
                return hasKey || !"default".equals(access.baseUrlSource(id))
                        ? null
                        : "No OpenAI-compatible server is set up: add its address and key in the Providers tab.";
            }
            return hasKey ? null : "No " + id.displayName() + " API key: add a key in the Providers tab.";
        } catch (IOException e) {
            return "The " + id.displayName() + " key cannot be read (" + e.getMessage()
                    + "): check it in the Providers tab.";
        }
    }

    /** The history store as the store access has it now (null while it opens or when it is unavailable). */
    static SendPorts.History history(Supplier<StoreAccess> store) {
        return new SendPorts.History() {
            @Override
            public SendHistoryRepository repository() {
                StoreAccess s = store.get();
                return s == null ? null : s.store();
            }

            @Override
            public String whyAbsent() {
                StoreAccess s = store.get();
                String state = s == null ? "opening" : s.stateProperty().get();
                return switch (state) {
                    case "opening" -> "the results store is still opening; it shows here in a moment";
                    case "damaged" ->
                        "the results store is damaged (see the message shown at start); restore a "
                                + "backup with Help ▸ Restore a backup…";
                    default ->
                        "the results store could not be opened (see the warning shown at start); restart "
                                + "CostBench to try again";
                };
            }
        };
    }

    /** The workspace's history key: its file's absolute path, or "untitled" for a prompt without a file. */
    static String workspaceKey(WorkspaceViewModel workspace) {
        Path f = workspace == null ? null : workspace.fileProperty().get();
        return f == null
                ? SendHistoryRepository.UNTITLED
                : f.toAbsolutePath().normalize().toString();
    }
}

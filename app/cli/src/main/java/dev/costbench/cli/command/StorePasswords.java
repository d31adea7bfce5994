// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.store.LabStores;
import dev.costbench.store.StoreUrl;

/** The team store's password for the command line. Never printed, never written anywhere. */
public final class StorePasswords {

    private StorePasswords() {}

    /** {@link LabStores#password}, with the credential store the other commands use. */
    public static String lookup(StoreUrl url) {
        return LabStores.password(url, () -> ProviderCommand.systemConfig().store());
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.model.provider.Secret;
import dev.costbench.store.StoreUrl;
import java.io.IOException;

/** The team store's password for the command line. Never printed, never written anywhere. */
public final class StorePasswords {

    private StorePasswords() {}

    /**
     * {@code COSTBENCH_STORE_PASSWORD} (for scripts and CI), else the password the Providers view kept in the
     * credential store for this store; null when neither (the server may need none).
     */
    public static String lookup(StoreUrl url) {
        String env = System.getenv("COSTBENCH_STORE_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            return ProviderCommand.systemConfig()
                    .store()
                    .loadNamed(url.credentialName())
                    .map(Secret::reveal)
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

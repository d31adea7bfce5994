// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.nio.file.Path;

/**
 * A second CostBench for {@link SecondInstanceTest}: opens the store in {@code args[0]}, prints {@code READY}, holds
 * it until its standard input closes, then closes it and prints {@code CLOSED}.
 */
public final class HoldStoreMain {

    private HoldStoreMain() {}

    public static void main(String[] args) throws Exception {
        try (H2LabStore store = H2LabStore.open(Path.of(args[0]))) {
            System.out.println("READY " + store.listExperiments().size());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}

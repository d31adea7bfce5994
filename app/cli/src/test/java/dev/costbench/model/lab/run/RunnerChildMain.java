// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.Trial;
import dev.costbench.store.H2LabStore;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The JVM {@link RunnerCrashTest} kills: runs an experiment with slow scripted providers and prints {@code RUNNING},
 * then {@code TRIAL id} for every trial once the store has committed it. Arguments: data directory, experiment id,
 * milliseconds per call.
 */
public final class RunnerChildMain {

    private RunnerChildMain() {}

    public static void main(String[] args) throws Exception {
        H2LabStore store = H2LabStore.open(Path.of(args[0]));
        long id = Long.parseLong(args[1]);
        long delay = Long.parseLong(args[2]);
        PrintStream out = System.out;
        Runner runner = new Runner(
                store, p -> new FakeClient(p, (req, n) -> FakeClient.Reply.after(delay)), FakeClient.CATALOG::find);
        runner.start(id, null, new RunListener() {
            @Override
            public void trialRecorded(Trial t) {
                synchronized (out) {
                    out.println("TRIAL " + t.id());
                    out.flush();
                }
            }
        });
        synchronized (out) {
            out.println("RUNNING");
            out.flush();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

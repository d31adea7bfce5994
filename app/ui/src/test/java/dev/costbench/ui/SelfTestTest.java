// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code costbench --self-test}: every check passes on a working build, and a failing check fails the run. */
class SelfTestTest {

    @Test
    void allChecksPassOnThisBuild() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = SelfTest.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String report = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report);
        for (String name : List.of("catalog", "tokenizers", "store", "webp", "ffmpeg")) {
            assertTrue(report.lines().anyMatch(l -> l.startsWith("ok    " + name)), name + " in:\n" + report);
        }
        assertTrue(report.strip().endsWith("self-test passed"), report);
    }

    @Test
    void aFailingCheckIsNamedWithItsCauseAndFailsTheRun() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = SelfTest.run(
                new PrintStream(buf, true, StandardCharsets.UTF_8),
                List.of(new SelfTest.Named("fine", tmp -> "all good"), new SelfTest.Named("natives", tmp -> {
                    throw new UnsatisfiedLinkError("libpulse.so.0: cannot open shared object file");
                })));
        String report = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertTrue(report.contains("ok    fine"), report);
        assertTrue(report.contains("FAIL  natives    UnsatisfiedLinkError: libpulse.so.0"), report);
        assertTrue(report.contains("self-test FAILED: 1 of 2 checks"), report);
    }
}

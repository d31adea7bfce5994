// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Output;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.store.H2LabStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The command line's one error path: bad input is one line and exit 2, anything else one line and exit 1. */
class ErrorPathTest extends UserDataTest {

    @AfterEach
    void restore() {
        System.clearProperty("costbench.debug");
    }

    private static void assertOneLine(CliRun r, int code, String contains) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("costbench: ") && r.err().contains(contains), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void aTemperatureThatIsNoNumberIsBadInput() {
        assertOneLine(
                CliRun.of("hi", "complete", "--model", "gpt-4o-mini", "--prompt", "-", "--temperature", "hot"),
                2,
                "--temperature must be a number from 0 to 2, got 'hot'");
    }

    @Test
    void aBaseUrlThatIsNoAddressIsBadInput() {
        assertOneLine(
                CliRun.of("", "ping", "--provider", "compatible", "--base-url", "not a url"),
                2,
                "--base-url must be an http:// or https:// address");
    }

    @Test
    void aBinaryPromptIsRefusedByName() throws Exception {
        Path bin = Files.write(
                tmp.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, (byte) 0xc3, 0x28});
        assertOneLine(
                CliRun.of("", "complete", "--model", "gpt-4o-mini", "--prompt", bin.toString()),
                2,
                bin + " is not UTF-8 text");
    }

    @Test
    void binaryOnStandardInputIsRefusedAsInAFile() throws Exception {
        byte[] bad = {'h', 'i', ' ', (byte) 0xc3, 0x28, (byte) 0xff};
        assertOneLine(
                CliRun.of(new ByteArrayInputStream(bad), null, "tokens", "--encoding", "o200k_base"),
                2,
                "standard input is not UTF-8 text");
        assertOneLine(
                CliRun.of(new ByteArrayInputStream(bad), null, "tokens", "--encoding", "o200k_base", "--jsonl"),
                2,
                "standard input is not UTF-8 text");
        assertOneLine(
                CliRun.of(new ByteArrayInputStream(bad), null, "estimate", "--prompt", "-"),
                2,
                "standard input is not UTF-8 text");
        Path f = Files.write(tmp.resolve("bad.txt"), bad);
        assertOneLine(
                CliRun.of("", "tokens", "--encoding", "o200k_base", "--file", f.toString()),
                2,
                f + " is not UTF-8 text");
    }

    @Test
    void anUnexpectedFailureIsOneLineWithAHintAndTheTraceOnRequest() {
        CliRun r = pingWithABrokenConfiguration();
        assertOneLine(r, 1, "internal error (input == null!)");
        assertTrue(r.err().contains("COSTBENCH_DEBUG=1"), r.err());
        System.setProperty("costbench.debug", "true");
        r = pingWithABrokenConfiguration();
        assertEquals(1, r.code());
        assertTrue(r.err().contains("at dev.costbench"), "the trace with COSTBENCH_DEBUG: " + r.err());
    }

    /** {@code ping --provider openai} when reading the provider configuration fails unexpectedly. */
    private static CliRun pingWithABrokenConfiguration() {
        return CliRun.of(
                new ByteArrayInputStream(new byte[0]),
                () -> {
                    throw new IllegalArgumentException("input == null!");
                },
                "ping",
                "--provider",
                "openai");
    }

    /** Standard input of {@code size} bytes of text, made as it is read; counts what was read. */
    private static final class Generated extends InputStream {
        final long size;
        long read;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? "The quick brown fox jumps over the lazy dog.\n".charAt((int) (read++ % 45)) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }

    @Test
    void showAndTaxRefuseInputOverTheirLimitWithoutReadingItAll() {
        for (String look : new String[] {"--show", "--tax"}) {
            Generated in = new Generated(200L * 1024 * 1024);
            CliRun r = CliRun.of(in, null, "tokens", "-", look);
            assertOneLine(r, 2, "standard input is larger than 8 MiB, the most tokens " + look + " reads");
            assertTrue(in.read <= Input.MAX_LOOK_BYTES + 1L, "read " + in.read);
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReading() throws Exception {
        Path big = tmp.resolve("big.txt");
        try (var w = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 200_000; i++) {
                w.write("The quick brown fox jumps over the lazy dog.\n");
            }
        }
        assertOneLine(
                CliRun.of("", "tokens", big.toString(), "--show"),
                2,
                big + " is larger than 8 MiB, the most tokens --show reads");
    }

    @Test
    void plainCountingOfLargeInputStreamsInBlocks() {
        long size = 24L * 1024 * 1024;
        CliRun r = CliRun.of(new Generated(size), null, "tokens", "--encoding", "o200k_base");
        assertEquals(0, r.code(), r.err());
        // 45 bytes = 10 tokens per line ("The", " quick", …, " dog", ".\n")
        long lines = size / 45;
        String rest = "The quick brown fox jumps over the lazy dog.\n".substring(0, (int) (size % 45));
        long expected = lines * Tokenizers.count(Encoding.O200K_BASE, "The quick brown fox jumps over the lazy dog.\n")
                + Tokenizers.count(Encoding.O200K_BASE, rest);
        assertEquals(expected + "\n", r.out());
    }

    // ---- output that cannot be written ------------------------------------------------------------------------

    private CliRun runTo(PrintStream out, String... args) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8);
        int code = new Cli(new ByteArrayInputStream(new byte[0]), out, err).run(args);
        return new CliRun(code, "", e.toString(StandardCharsets.UTF_8));
    }

    /** A stream that fails every write, as a closed pipe does. */
    private static PrintStream closedPipe() {
        return new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("Broken pipe");
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }

    @Test
    void outputThatCannotBeWrittenIsANonZeroExitWithAMessage() {
        assertOneLine(
                runTo(closedPipe(), "estimate", "--input-tokens", "1000", "--models", "gpt-4o-mini"),
                1,
                "could not write the output");
        assertOneLine(runTo(closedPipe(), "catalog", "list"), 1, "could not write the output");
        assertOneLine(
                runTo(
                        Output.over(new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                throw new IOException("No space left on device");
                            }
                        }),
                        "catalog",
                        "list",
                        "--json"),
                1,
                "could not write the output: No space left on device");
    }

    @Test
    void aFullDiskIsANonZeroExit() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
        try (H2LabStoreFixture f = new H2LabStoreFixture(data)) {
            f.fill();
        }
        for (String[] args : new String[][] {
            {"ab", "export", "1", "--json"}, {"estimate", "--input-tokens", "10"}, {"catalog", "list"}
        }) {
            try (Output out = Output.over(new FileOutputStream(full.toFile()))) {
                assertOneLine(runTo(out, args), 1, "could not write the output: No space left on device");
            }
        }
    }

    /** Experiments 1 and 2 in the store, as {@link AbHistoryCommandTest} fills it. */
    private record H2LabStoreFixture(Path data) implements AutoCloseable {
        void fill() {
            try (H2LabStore store = H2LabStore.open(data)) {
                store.importExperiment(AbHistoryCommandTest.snapshot("tickets last week", 1000, 900));
            }
        }

        @Override
        public void close() {}
    }
}

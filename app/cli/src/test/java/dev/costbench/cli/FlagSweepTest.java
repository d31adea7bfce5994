// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.costbench.cli.term.Args;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.store.H2LabStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every command and subcommand ({@link Cli#options()}) with bad values of every option it declares: each run is one
 * line on stderr, with no exception name or stack trace; a value the command refuses exits 2; and every option that
 * takes a value refuses at least one of the bad values. A flag added to a command's options is swept without a change
 * here; a command added needs a working invocation in {@link #bases()}.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class FlagSweepTest extends UserDataTest {

    /** Values no option should take silently (each option refuses at least one; none may crash). */
    static final List<String> BAD = List.of("hot", "-1", "99999999999999999999", "", "not a url", "NaN", "/dev/null/x");
    /** Options whose value is free text (any value is legal). */
    static final List<String> FREE_TEXT = List.of("marker");

    /** Bad values of options that name a file or folder to write (a plain word would write into the build folder). */
    private List<String> badPaths() {
        return List.of("", "/dev/null/x", tmp.toString(), tmp.resolve("prompt.txt") + "/x");
    }

    private final MockWebServer server = new MockWebServer();
    private ProviderConfig config;
    private final Map<String, String> files = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        try (H2LabStore store = H2LabStore.open(data)) {
            store.importExperiment(AbHistoryCommandTest.snapshot("tickets last week", 1000, 900));
            store.importExperiment(AbHistoryCommandTest.snapshot("tickets today", 800, 600));
        }
        // Every call is refused with an empty body: a run that gets as far as calling ends with one line.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder().code(401).build();
            }
        });
        server.start();
        String base = server.url("/").toString().replaceAll("/$", "");
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", "sk-test-sweep-0123456789");
        env.put("OPENAI_BASE_URL", base + "/v1");
        env.put("ANTHROPIC_API_KEY", "sk-ant-test-sweep-0123456789");
        env.put("ANTHROPIC_BASE_URL", base);
        env.put("GEMINI_API_KEY", "gm-test-sweep-0123456789");
        config = new ProviderConfig(env, null, tmp.resolve("providers.json"));
        files.put(
                "PROMPT",
                Files.writeString(
                                tmp.resolve("prompt.txt"),
                                "You are a support agent.\n<<CACHE>>\nTicket: refund the duplicate charge.\n")
                        .toString());
        files.put(
                "PROMPT2",
                Files.writeString(tmp.resolve("prompt2.txt"), "Ticket: refund it.\n")
                        .toString());
        files.put(
                "RUBRIC",
                Files.writeString(tmp.resolve("rubric.txt"), "Score correctness 1-5.\n")
                        .toString());
        files.put(
                "CATALOG",
                Files.writeString(tmp.resolve("catalog.json"), "{\"models\":[]}")
                        .toString());
        files.put(
                "PFCONFIG",
                Files.writeString(
                                tmp.resolve("promptfooconfig.yaml"),
                                "prompts: ['Ticket: {{t}}']\nproviders: [openai:gpt-4o-mini]\ntests:\n  - vars: {t: hi}\n")
                        .toString());
        files.put(
                "LITELLM", Files.writeString(tmp.resolve("litellm.json"), "{}").toString());
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Path png = tmp.resolve("photo.png");
        ImageIO.write(img, "png", png.toFile());
        files.put("IMAGE", png.toString());
        Path wav = tmp.resolve("tone.wav");
        byte[] pcm = new byte[16000 * 2];
        for (int i = 0; i < pcm.length / 2; i++) {
            short v = (short) (i < 8000 ? 8000 * Math.sin(i * 0.2) : 0);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat f = new AudioFormat(16000, 16, 1, true, false);
        AudioSystem.write(
                new AudioInputStream(new ByteArrayInputStream(pcm), f, pcm.length / 2),
                AudioFileFormat.Type.WAVE,
                wav.toFile());
        files.put("AUDIO", wav.toString());
        Path mp4 = tmp.resolve("clip.mp4");
        Clips.shortVideo(mp4);
        files.put("VIDEO", mp4.toString());
        CliRun export = run(
                "ab", "export", "1", "--json", "--out", tmp.resolve("exp1.json").toString());
        assertEquals(0, export.code(), export.err());
        files.put("EXPORT", tmp.resolve("exp1.json").toString());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Invocations that work (or stop for a reason unrelated to the swept option), per command. */
    private Map<String, List<List<String>>> bases() {
        Map<String, List<List<String>>> b = new LinkedHashMap<>();
        b.put(
                "tokens",
                List.of(
                        List.of("--encoding", "o200k_base", "--file", "PROMPT"),
                        List.of("PROMPT", "--show", "--json"),
                        List.of("PROMPT", "--tax", "--models", "gpt-4o-mini")));
        b.put(
                "estimate",
                List.of(
                        List.of("--prompt", "PROMPT", "--models", "gpt-4o-mini"),
                        List.of("--input-tokens", "1000", "--models", "gpt-4o-mini")));
        b.put("catalog list", List.of(List.of()));
        b.put("catalog check", List.of(List.of("--file", "CATALOG")));
        b.put("catalog import", List.of(List.of("--from", "litellm", "LITELLM", "--dry-run")));
        b.put("catalog diff", List.of(List.of("CATALOG", "CATALOG")));
        b.put("catalog import-litellm", List.of(List.of("--file", "LITELLM")));
        b.put("catalog share", List.of(List.of()));
        b.put("catalog team", List.of(List.of()));
        b.put(
                "media",
                List.of(
                        List.of("IMAGE", "--models", "gpt-4o-mini", "--resize", "32"),
                        List.of("AUDIO", "--trim-silence", "--resample", "16000"),
                        List.of("VIDEO", "--strategy", "uniform:1")));
        b.put("ping", List.of(List.of("--provider", "openai")));
        b.put("complete", List.of(List.of("--model", "gpt-4o-mini", "--prompt", "PROMPT", "--max-tokens", "5")));
        b.put("diff", List.of(List.of("PROMPT", "PROMPT2", "--models", "gpt-4o-mini")));
        b.put("tune", List.of(List.of("PROMPT")));
        b.put("cache", List.of(List.of("PROMPT", "--models", "gpt-4o-mini")));
        b.put("conversation", List.of(List.of("seed001-20-turn-chat", "--models", "gpt-4o-mini")));
        b.put("scenario list", List.of(List.of()));
        b.put("scenario report", List.of(List.of("seed001-prompt-caching", "--format", "json")));
        b.put("ab run", List.of(List.of("seed000-support-ticket")));
        b.put("ab resume", List.of(List.of("1")));
        b.put("ab judge", List.of(List.of("1", "--model", "gpt-4o-mini")));
        b.put("ab list", List.of(List.of()));
        b.put("ab show", List.of(List.of("1")));
        b.put("ab export", List.of(List.of("1")));
        b.put("ab compare", List.of(List.of("1", "2")));
        b.put("ab reprice", List.of(List.of("1")));
        b.put("ab import", List.of(List.of("EXPORT")));
        b.put("ab batches", List.of(List.of()));
        b.put("ab cancel-batch", List.of(List.of("batch_1")));
        b.put("store info", List.of(List.of()));
        // no server listens on port 1: the copy ends with one line saying so
        b.put("store copy", List.of(List.of("--from", data.toString(), "--to", "jdbc:postgresql://127.0.0.1:1/team")));
        b.put("ab import-promptfoo", List.of(List.of("PFCONFIG")));
        b.put("calibration", List.of(List.of()));
        return b;
    }

    private CliRun run(String... args) {
        return CliRun.of("", () -> config, args);
    }

    private List<String> invocation(Args.Options o, List<String> base, String option, String value) {
        List<String> args = new ArrayList<>(Arrays.asList(o.command().split(" ")));
        for (int i = 0; i < base.size(); i++) {
            String s = base.get(i);
            if (s.equals("--" + option)) {
                if (o.valued().contains(option)) {
                    i++;
                }
                continue;
            }
            args.add(files.getOrDefault(s, s));
        }
        args.add(value == null ? "--" + option : "--" + option + "=" + value);
        return args;
    }

    /** One run's invariants; the exit code. */
    private int check(List<String> args) {
        CliRun r = run(args.toArray(new String[0]));
        String what = String.join(" ", args) + " → " + r.code() + "\n" + r.err();
        assertFalse(
                r.err().contains("Exception")
                        || r.err().contains("\tat ")
                        || r.err().contains("at dev.costbench"),
                "an exception reached the user: " + what);
        if (r.code() != 0) {
            assertEquals(1, r.err().strip().split("\n").length, "not one line on stderr: " + what);
            assertTrue(r.err().startsWith("costbench: ") || r.err().contains("costbench: "), what);
        }
        return r.code();
    }

    @Test
    void everyOptionOfEveryCommandRefusesBadValuesWithOneLine() {
        Map<String, List<List<String>>> bases = bases();
        List<String> missing = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int runs = 0;
        for (Args.Options o : Cli.options()) {
            List<List<String>> forCommand = bases.get(o.command());
            if (forCommand == null) {
                missing.add(o.command());
                continue;
            }
            for (String option : o.valued()) {
                boolean refused = false;
                for (List<String> base : forCommand) {
                    boolean path = option.equals("out") || option.endsWith("-out");
                    for (String bad : path ? badPaths() : BAD) {
                        int code = check(invocation(o, base, option, bad));
                        runs++;
                        refused |= code == 2;
                    }
                }
                if (!refused && !FREE_TEXT.contains(option)) {
                    accepted.add(o.command() + " --" + option);
                }
            }
            for (String flag : o.flags()) {
                for (List<String> base : forCommand) {
                    assertEquals(2, check(invocation(o, base, flag, "hot")), o.command() + " --" + flag + "=hot");
                    runs++;
                }
            }
            assertEquals(2, check(invocation(o, forCommand.get(0), "no-such-option", "1")), o.command());
        }
        if (!missing.isEmpty()) {
            fail("no working invocation for " + missing + ": add one to bases()");
        }
        assertTrue(accepted.isEmpty(), "options that took every bad value: " + accepted);
        assertTrue(runs > 300, "swept " + runs);
    }
}

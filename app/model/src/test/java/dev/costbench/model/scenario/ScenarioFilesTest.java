// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.JsonTextAssertions.assertContainsAll;
import static dev.costbench.model.scenario.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Tier;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.scenario.ScenarioFiles.ScenarioFileException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {

    @TempDir
    Path tmp;

    @Test
    void everySampleFileIsListedAndShipped() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../../resources/scenarios"))) {
            TreeSet<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(onDisk, new TreeSet<>(ScenarioFiles.SAMPLES));
        }
        for (String name : ScenarioFiles.SAMPLES) {
            Scenario s = ScenarioFiles.sample(name);
            assertTrue(name.startsWith("seed"), name);
            assertTrue(
                    !s.name().isEmpty()
                            && !s.description().isEmpty()
                            && !s.assumptions().isEmpty(),
                    name);
        }
        assertEquals(
                ScenarioFiles.sample("seed003-video-moderation"),
                ScenarioFiles.sample("seed003-video-moderation.json"));
        assertNull(ScenarioFiles.sample("no-such-sample"));
    }

    @Test
    void samplesRoundTrip() throws Exception {
        for (String name : ScenarioFiles.SAMPLES) {
            Scenario s = ScenarioFiles.sample(name);
            String json = ScenarioFiles.toJson(s);
            Scenario back = ScenarioFiles.fromJson(json, name);
            assertEquals(s, back, name);
            assertEquals(json, ScenarioFiles.toJson(back), name);
        }
    }

    @Test
    void everyLeverRoundTripsThroughAFile() throws Exception {
        RequestType t = new RequestType(
                "t",
                "Type",
                new Volume(d("12.5"), Volume.Period.DAY, d("0.05")),
                "gpt-4o",
                new TextTokens(1, 2, 3, 4, 5),
                List.of(new ImageInput(d("1.5"), 800, 600, null)),
                new AudioInput(d("30"), d("10"), AudioInput.Mode.NATIVE, "whisper-1", null),
                new VideoInput(d("0.5"), d("2"), 640, 480, true, MediaResolution.LOW, 70L, 32L),
                d("0.4"),
                d("0.3"),
                null,
                null,
                null);
        List<LeverEntry> levers = List.of(
                LeverEntry.of("a", "A", new Lever.FrameSampling(Lever.FrameSampling.Strategy.SCENE, d("0.25")), "t"),
                LeverEntry.of("b", null, new Lever.Downscale(512, 100L, null)),
                LeverEntry.of(
                        "c", null, new Lever.LowMediaResolution(MediaResolution.MEDIUM, ImageDetail.LOW, null, 66L)),
                LeverEntry.of("d", null, new Lever.Crop(d("0.5"), null, null)),
                LeverEntry.of("e", null, new Lever.EventGating(d("0.02"))),
                LeverEntry.of("f", null, new Lever.PromptTrimming(Lever.PromptTrimming.Part.USER, null, 100L)),
                LeverEntry.of("g", null, new Lever.FewShotTrimming(d("0.5"), null)),
                LeverEntry.of("h", null, new Lever.OutputCap(100)),
                LeverEntry.of("i", null, new Lever.ReasoningCap(0)),
                LeverEntry.of(
                        "j",
                        null,
                        new Lever.Routing(List.of(
                                new Lever.Routing.Route("gpt-4o-mini", d("0.6")),
                                new Lever.Routing.Route("gpt-4o", d("0.4"))))),
                LeverEntry.of("k", null, new Lever.Cascade("gpt-4o-mini", "gpt-4o", d("0.2"))),
                LeverEntry.of("l", null, new Lever.ProviderSwitch(null, "gpt-4.1")),
                LeverEntry.of("m", null, new Lever.TranscriptionRouting(d("10"), d("0.1"), "local-whisper", null)),
                LeverEntry.of("n", null, new Lever.PromptCaching(d("0.9"), Lever.PromptCaching.Ttl.ONE_HOUR)),
                LeverEntry.of("o", null, new Lever.ResponseCache(Lever.ResponseCache.Match.SEMANTIC, d("0.3"))),
                LeverEntry.of("p", null, new Lever.Batch(d("0.5"))),
                LeverEntry.of("q", null, new Lever.Precompute(d("0.2"))),
                LeverEntry.of("r", null, new Lever.SelfHosting("gpt-4o-mini", d("2.5"), null, d("1000"), d("0.6")))
                        .withEnabled(false));
        Scenario s = new Scenario(
                "All levers",
                "every kind",
                List.of("one"),
                new Workload(List.of(t), 1000L, 31),
                List.of(new CustomModel(
                        "mine",
                        "Mine",
                        Tier.OPEN,
                        d("0.1"),
                        d("0.2"),
                        d("0.01"),
                        d("0.125"),
                        d("0"),
                        d("0.001"),
                        512L,
                        null,
                        null)),
                levers);
        Path f = tmp.resolve("sub/all.json");
        ScenarioFiles.write(s, f);
        assertEquals(s, ScenarioFiles.read(f));
        String json = Files.readString(f);
        assertContainsAll(
                json, "\"type\": \"selfHosting\"", "\"ttl\": \"one_hour\"", "\"per\": \"day\"", "\"enabled\": false");
        assertTrue(json.startsWith("{\n  \"schemaVersion\": 1,"), json);
        assertEquals(List.of(), ScenarioEngine.validate(s, Fixtures.CATALOG));
        Fixtures.compute(s); // every lever applies without error
    }

    @Test
    void badFilesNameTheProblem() {
        ScenarioFileException e =
                assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson("{\"workload\": ", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: not valid JSON at line 1"), e.getMessage());
        e = assertThrows(
                ScenarioFileException.class,
                () -> ScenarioFiles.fromJson("{\"levers\": [{\"id\": \"a\", \"type\": \"teleport\"}]}", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: levers[0]: "), e.getMessage());
        assertTrue(e.getMessage().contains("teleport"), e.getMessage());
        e = assertThrows(
                ScenarioFileException.class,
                () -> ScenarioFiles.fromJson(
                        "{\"levers\": [{\"id\": \"a\", \"type\": \"responseCache\", \"hitRate\": \"high\"}]}",
                        "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: levers[0].hitRate: "), e.getMessage());
        e = assertThrows(
                ScenarioFileException.class,
                () -> ScenarioFiles.fromJson(
                        "{\"workload\": {\"requestTypes\": [{\"id\": \"a\", \"volume\": {\"amount\": 1}, \"colour\": 1}]}}",
                        "x.json"));
        assertTrue(
                e.getMessage().contains("workload.requestTypes[0]")
                        && e.getMessage().contains("colour"),
                e.getMessage());
        e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson("{\"schemaVersion\": 2}", "x.json"));
        assertEquals("x.json: unsupported schemaVersion 2 (this CostBench reads 1)", e.getMessage());
        e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson("[]", "x.json"));
        assertTrue(e.getMessage().contains("expected a JSON object"));
    }

    @Test
    void decimalsAreReadExactly() throws Exception {
        Scenario s = ScenarioFiles.fromJson(
                "{\"workload\": {\"requestTypes\": [{\"id\": \"a\", \"model\": \"gpt-4o\","
                        + " \"volume\": {\"amount\": 0.1}, \"text\": {\"user\": 1000000}}]}, \"levers\": [{\"type\": \"batch\","
                        + " \"share\": 0.3}]}",
                "x.json");
        assertEquals(
                new BigDecimal("0.1"),
                s.workload().requestTypes().get(0).volume().amount());
        assertEquals(new BigDecimal("0.3"), ((Lever.Batch) s.levers().get(0).lever()).share());
        assertEquals("Batch", s.levers().get(0).id());
        assertEquals("Batch API", s.levers().get(0).label());
        assertTrue(s.levers().get(0).enabled());
        Fixtures.usd("0.25", Fixtures.compute(s).baselineMonthly());
    }

    @Test
    void aFileWrittenBeforeStartMonthsOpensAndStartsInTheCurrentMonth() throws Exception {
        String old = "{\n  \"schemaVersion\": 1,\n  \"name\": \"old\",\n  \"workload\": {\n    \"requestTypes\": [\n"
                + "      {\"id\": \"chat\", \"model\": \"gpt-4o\", \"volume\": {\"amount\": 1000, \"per\": \"month\"},\n"
                + "       \"text\": {\"user\": 1000, \"output\": 100}}\n    ]\n  },\n  \"levers\": []\n}\n";
        Scenario s = ScenarioFiles.fromJson(old, "old.json");
        assertNull(s.startMonth());
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(YearMonth.of(2026, 12), s.firstMonth(clock));
    }

    @Test
    void theStartMonthIsKeptInTheFileAndAWrongOneIsNamed() throws Exception {
        Scenario s = ScenarioFiles.sample("seed004-chatbot-basic").withStartMonth(YearMonth.of(2027, 1));
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("\"startMonth\": \"2027-01\""), json);
        assertEquals(s, ScenarioFiles.fromJson(json, "x.json"));
        ScenarioFileException e = assertThrows(
                ScenarioFileException.class,
                () -> ScenarioFiles.fromJson(json.replace("2027-01", "January"), "x.json"));
        assertTrue(e.getMessage().contains("startMonth: 'January' is not a month"), e.getMessage());
    }

    @Test
    void sameContentIgnoresHowNumbersAreWritten() {
        Scenario s = ScenarioFiles.sample("seed004-chatbot-basic");
        RequestType t = s.workload().requestTypes().get(0);
        Scenario rescaled = s.withWorkload(s.workload()
                .withRequestTypes(List.of(t.withVolume(
                        t.volume().withGrowth(t.volume().monthlyGrowth().setScale(4))))));
        assertTrue(ScenarioFiles.sameContent(s, rescaled));
        assertTrue(!ScenarioFiles.sameContent(s, s.withName("other")));
    }
}

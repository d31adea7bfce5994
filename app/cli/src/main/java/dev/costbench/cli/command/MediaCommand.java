// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.media.AudioAnalysis;
import dev.costbench.media.AudioExport;
import dev.costbench.media.Av;
import dev.costbench.media.AvInfo;
import dev.costbench.media.FrameExport;
import dev.costbench.media.ImageCheck;
import dev.costbench.media.ImageInfo;
import dev.costbench.media.Images;
import dev.costbench.media.MediaException;
import dev.costbench.media.VideoAnalysis;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import dev.costbench.model.media.MediaCosts.ImageCost;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.media.Transcription;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code costbench media FILE}: what an image is, its tokens and cost on every model that takes images, and with
 * {@code --resize/--crop/--format/--quality} the same for the optimized version. Audio: {@code --resample 16000
 * --trim-silence}; video: {@code --strategy all|uniform:FPS|adaptive|scene --max-frames N --frames-out DIR}.
 */
public final class MediaCommand {

    public static final Args.Options MEDIA = Args.Options.of(
            "media",
            Set.of(
                    "models",
                    "resize",
                    "crop",
                    "format",
                    "quality",
                    "out",
                    "detail",
                    "media-resolution",
                    "resample",
                    "silence-db",
                    "min-gap",
                    "strategy",
                    "max-frames",
                    "frames-out",
                    RateCardOption.NAME),
            Set.of("json", "measured-multiplier", "batch", "trim-silence", "strict"));

    private MediaCommand() {}

    /** {@code costbench media FILE …} with the context's catalog. */
    public static int run(List<String> argv, Context ctx) throws IOException {
        return run(argv, ctx.catalog().models(), ctx::models, ctx.out());
    }

    static int run(
            List<String> argv, List<ModelEntry> allModels, Function<String, List<ModelEntry>> select, PrintStream out)
            throws IOException {
        Args a = Args.parse(argv, MEDIA);
        if (a.positional.size() != 1) {
            throw new UsageException("media needs one FILE");
        }
        if (a.get("out") != null) {
            Input.outputFile("out", a.get("out"));
        }
        if (a.get("frames-out") != null) {
            Input.outputFolder("frames-out", a.get("frames-out"));
        }
        Path file = Input.regularFile(a.positional.get(0));
        MediaRates rates =
                new MediaRates(RateCardOption.read(a), a.flag("batch") ? ServiceTier.BATCH : ServiceTier.STANDARD);
        List<ModelEntry> models = a.get("models") == null ? allModels : select.apply(a.get("models"));
        ImageOptions opts = new ImageOptions(
                MediaArgs.parse(ImageDetail.class, a.get("detail"), ImageDetail.AUTO),
                MediaArgs.parse(MediaResolution.class, a.get("media-resolution"), MediaResolution.DEFAULT),
                a.flag("measured-multiplier"));
        ImageInfo info;
        try {
            info = Images.probe(file);
        } catch (MediaException | RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("cannot read ")) {
                throw new UsageException(e.getMessage());
            }
            AvInfo av;
            try {
                av = Av.probe(file);
            } catch (MediaException | RuntimeException e2) {
                throw new UsageException(
                        e2.getMessage().contains("not an audio or video file")
                                        || e2.getMessage().contains("neither an audio nor a video stream")
                                ? file.getFileName()
                                        + " is neither an image nor an audio or video file CostBench can read"
                                : e2.getMessage());
            }
            return av.hasVideo()
                    ? video(file, av, a, models, opts, rates, out)
                    : audio(file, av, a, models, rates, out);
        }
        ImageCheck checked; // decoded whole: a truncated file is not priced as if whole
        try {
            checked = Images.check(file);
        } catch (MediaException e) {
            throw new UsageException(e.getMessage());
        }
        BillingOptions billing = new BillingOptions(a.flag("batch"), false);
        boolean optimize =
                a.get("resize") != null || a.get("crop") != null || a.get("format") != null || a.get("quality") != null;
        ObjectNode root = Json.object();
        root.put("file", file.toString());
        root.put("kind", "image");
        root.put("rateCard", rates.on() ? "on" : "off");
        ObjectNode orig = describe(
                root.putObject("original"),
                info.format(),
                info.width(),
                info.height(),
                info.bytes(),
                MediaCosts.image(models, info.width(), info.height(), opts, billing),
                rates);
        ObjectNode opt = null;
        if (optimize) {
            BufferedImage img;
            try {
                img = Images.read(file);
            } catch (MediaException | RuntimeException e) {
                throw new UsageException(e.getMessage());
            }
            if (a.get("crop") != null) {
                int[] c = MediaArgs.crop(a.get("crop"));
                img = Images.crop(img, c[0], c[1], c[2], c[3]);
            }
            img = Images.fitLongEdge(img, a.wholeNumber("resize", 0, 0, 100_000));
            String format = a.get("format") == null ? "jpeg" : a.get("format");
            int quality = a.wholeNumber("quality", 85, 1, 100);
            byte[] data;
            try {
                data = Images.encode(img, format, quality);
            } catch (MediaException | RuntimeException e) {
                throw new UsageException(e.getMessage());
            }
            if (a.get("out") != null) {
                Files.write(Path.of(a.get("out")), data);
            }
            opt = describe(
                    root.putObject("optimized"),
                    format.toLowerCase(Locale.ROOT),
                    img.getWidth(),
                    img.getHeight(),
                    data.length,
                    MediaCosts.image(models, img.getWidth(), img.getHeight(), opts, billing),
                    rates);
        }
        ArrayNode warnings = root.putArray("warnings");
        checked.warnings().forEach(warnings::add);
        if (!printedAsJson(a, root, out)) {
            printTable(out, orig, opt);
            printRates(out, rates);
            checked.warnings().forEach(w -> out.println("warning: " + w));
        }
        if (a.flag("strict") && !checked.warnings().isEmpty()) {
            throw new UsageException(
                    file.getFileName() + ": " + checked.warnings().get(0) + " (--strict refuses a file with warnings)");
        }
        return 0;
    }

    private static int audio(Path file, AvInfo av, Args a, List<ModelEntry> models, MediaRates rates, PrintStream out)
            throws IOException {
        ObjectNode root = avReport(file, "audio", av, rates);
        ObjectNode o = (ObjectNode) root.get("original");
        o.put("sampleRate", av.sampleRate());
        o.put("channels", av.channels());
        o.put("codec", av.audioCodec());
        costs(o, MediaCosts.audio(models, av.seconds()), rates);
        boolean resample = a.get("resample") != null;
        if (resample && a.nonNegative("resample", 0) != AudioAnalysis.RATE) {
            throw new UsageException("--resample supports 16000 (what speech models use)");
        }
        AudioAnalysis.Result r = null;
        if (resample || a.flag("trim-silence")) {
            Double db = a.number("silence-db", -120, 0);
            Double gap = a.number("min-gap", 0.01, 3600);
            try {
                r = AudioAnalysis.analyze(
                        file, db == null ? -40 : db, gap == null ? 0.5 : gap, 100, () -> false, p -> {});
            } catch (MediaException | RuntimeException e) {
                throw new UsageException(e.getMessage());
            }
            ObjectNode p = root.putObject("optimized");
            double seconds = a.flag("trim-silence") ? r.speechSeconds() : r.seconds();
            p.put("bytes", 44 + Math.round(seconds * AudioAnalysis.RATE) * 2);
            p.put("seconds", seconds);
            p.put("sampleRate", AudioAnalysis.RATE);
            p.put("channels", 1);
            p.put("trimmedSilence", a.flag("trim-silence"));
            ArrayNode sil = p.putArray("silences");
            r.silences().forEach(s -> sil.addObject().put("start", s.start()).put("end", s.end()));
            costs(p, MediaCosts.audio(models, seconds), rates);
            if (a.get("out") != null) {
                Path wav = Path.of(a.get("out"));
                AudioExport.writeWav(file, a.flag("trim-silence") ? r.silences() : List.of(), wav, () -> false);
                p.put("written", wav.toString());
            }
        }
        // Speech-to-text priced per minute, the alternative to native audio tokens (seed 001, seed 000 §2.2).
        ArrayNode tr = root.putArray("transcription");
        double after =
                root.has("optimized") ? root.get("optimized").get("seconds").asDouble() : av.seconds();
        for (Transcription t : Transcription.builtIn()) {
            ObjectNode x = tr.addObject();
            x.put("id", t.id());
            x.put("name", t.name());
            rates.put(x, t.provider(), t.id(), t.perMinute(), "perMinuteUsd", "listPerMinuteUsd", "rateCard");
            rates.put(x, t.provider(), t.id(), t.cost(av.seconds()), "originalUsd", "listOriginalUsd", null);
            rates.put(x, t.provider(), t.id(), t.cost(after), "optimizedUsd", "listOptimizedUsd", null);
            x.put("status", t.status().name());
            x.put("note", t.note());
        }
        if (printedAsJson(a, root, out)) {
            return 0;
        }
        out.printf(
                Locale.ROOT,
                "original:  %s audio, %.1f s, %d Hz, %d ch, %,d bytes%n",
                av.audioCodec(),
                av.seconds(),
                av.sampleRate(),
                av.channels(),
                av.bytes());
        if (r != null) {
            out.printf(
                    Locale.ROOT,
                    "optimized: 16 kHz mono, %.1f s%s, %,d bytes; %d silence(s) ≥ min gap, %.1f s of " + "sound%n",
                    root.get("optimized").get("seconds").asDouble(),
                    a.flag("trim-silence") ? " (silences cut)" : "",
                    root.get("optimized").get("bytes").asLong(),
                    r.silences().size(),
                    r.speechSeconds());
        }
        printCosts(out, root, "native audio input");
        printRates(out, rates);
        out.println();
        out.println("transcription (per audio minute):");
        for (JsonNode x : tr) {
            out.printf(
                    Locale.ROOT,
                    "  %-28s %12s %12s  %s%n",
                    x.get("name").asText(),
                    "$" + x.get("originalUsd").asText(),
                    "$" + x.get("optimizedUsd").asText(),
                    "LISTED".equals(x.get("status").asText())
                            ? ""
                            : x.get("status").asText() + ": " + x.get("note").asText());
        }
        if (root.has("optimized") && root.get("optimized").has("written")) {
            out.println("wrote " + root.get("optimized").get("written").asText());
        }
        return 0;
    }

    private static int video(
            Path file, AvInfo av, Args a, List<ModelEntry> models, ImageOptions opts, MediaRates rates, PrintStream out)
            throws IOException {
        VideoAnalysis.Strategy strategy;
        try {
            strategy = VideoAnalysis.Strategy.parse(a.get("strategy") == null ? "uniform:1" : a.get("strategy"));
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--strategy uniform:FPS takes a frame rate such as uniform:1, got '" + a.get("strategy") + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        VideoAnalysis.Scan scan;
        try {
            scan = VideoAnalysis.scan(file, () -> false, p -> {});
        } catch (MediaException | RuntimeException e) {
            throw new UsageException(e.getMessage());
        }
        int[] picked = VideoAnalysis.select(scan, strategy, a.wholeNumber("max-frames", 0, 0, 1_000_000));
        ObjectNode root = avReport(file, "video", av, rates);
        ObjectNode o = (ObjectNode) root.get("original");
        o.put("width", av.width());
        o.put("height", av.height());
        o.put("fps", av.fps());
        o.put("codec", av.videoCodec());
        o.put("hasAudio", av.hasAudio());
        o.put("frameCount", scan.frames());
        ArrayNode cuts = o.putArray("sceneCuts");
        scan.cuts().forEach(cuts::add);
        // Baseline: the file as a provider takes it — Gemini samples native video at 1 fps (and 1 fps is the usual
        // default for frames sent as images), as the Media view shows.
        long baseline = Math.min(scan.frames(), Math.max(1, (long) Math.ceil(av.seconds() - 1e-9)));
        o.put("baselineFrames", baseline);
        o.put("baseline", "1 fps (Gemini's default sampling)");
        costs(o, MediaCosts.video(models, av.seconds(), baseline, av.width(), av.height(), av.hasAudio(), opts), rates);
        ObjectNode p = root.putObject("optimized");
        p.put("strategy", strategy.label());
        p.put("frameCount", picked.length);
        p.put("sceneCoverage", VideoAnalysis.sceneCoverage(scan, picked));
        ArrayNode frames = p.putArray("frames");
        double[] times = new double[picked.length];
        for (int i = 0; i < picked.length; i++) {
            times[i] = scan.times()[picked[i]];
            frames.add(times[i]);
        }
        costs(
                p,
                MediaCosts.video(models, av.seconds(), picked.length, av.width(), av.height(), av.hasAudio(), opts),
                rates);
        if (a.get("frames-out") != null) {
            List<Path> written = FrameExport.export(file, times, Path.of(a.get("frames-out")), 85);
            p.put("framesWritten", written.size());
        }
        if (printedAsJson(a, root, out)) {
            return 0;
        }
        out.printf(
                Locale.ROOT,
                "original:  %s %d×%d, %.2f fps, %.1f s, %d frames, %d scene cut(s), audio: %s, %,d bytes%n",
                av.videoCodec(),
                av.width(),
                av.height(),
                av.fps(),
                av.seconds(),
                scan.frames(),
                scan.cuts().size(),
                av.hasAudio() ? "yes" : "no",
                av.bytes());
        out.printf(
                Locale.ROOT,
                "optimized: %s → %d frames, %.0f %% of scenes covered%n",
                strategy.label(),
                picked.length,
                100 * p.get("sceneCoverage").asDouble());
        printCosts(out, root, "Gemini: native video; others: frames as images");
        printRates(out, rates);
        return 0;
    }

    /** The report on an audio or video file: its path, {@code kind}, and the original's size and length. */
    private static ObjectNode avReport(Path file, String kind, AvInfo av, MediaRates rates) {
        ObjectNode root = Json.object();
        root.put("file", file.toString());
        root.put("kind", kind);
        root.put("rateCard", rates.on() ? "on" : "off");
        ObjectNode o = root.putObject("original");
        o.put("bytes", av.bytes());
        o.put("seconds", av.seconds());
        return root;
    }

    /** With {@code --json}, prints {@code root} and says so; without, prints nothing. */
    private static boolean printedAsJson(Args a, ObjectNode root, PrintStream out) throws IOException {
        if (a.flag("json")) {
            out.println(Json.pretty(root));
            return true;
        }
        return false;
    }

    private static void costs(ObjectNode n, List<MediaCosts.AvCost> costs, MediaRates rates) {
        ArrayNode arr = n.putArray("models");
        for (MediaCosts.AvCost c : costs) {
            ObjectNode m = arr.addObject();
            m.put("model", c.model().id());
            m.put("provider", c.model().provider());
            m.put("tokens", c.tokens());
            rates.put(m, c.model().provider(), c.model().id(), c.usd(), "costUsd", "listCostUsd", "rateCard");
            m.put("method", c.method());
        }
    }

    private static void printCosts(PrintStream out, ObjectNode root, String title) {
        var orig = root.get("original").get("models");
        var opt = root.has("optimized") ? root.get("optimized").get("models") : null;
        out.printf(
                "%-34s %12s %12s%s   (%s)%n",
                "MODEL", "TOKENS", "COST", opt == null ? "" : "  OPT TOKENS       OPT COST", title);
        for (int i = 0; i < orig.size(); i++) {
            String row = String.format(
                    Locale.ROOT,
                    "%-34s %12d %12s",
                    orig.get(i).get("model").asText(),
                    orig.get(i).get("tokens").asLong(),
                    usd(orig.get(i)));
            if (opt != null) {
                row += String.format(
                        Locale.ROOT, "  %10d %14s", opt.get(i).get("tokens").asLong(), usd(opt.get(i)));
            }
            out.println(row);
        }
    }

    private static ObjectNode describe(
            ObjectNode n, String format, int w, int h, long bytes, List<ImageCost> costs, MediaRates rates) {
        n.put("format", format);
        n.put("width", w);
        n.put("height", h);
        n.put("bytes", bytes);
        ArrayNode arr = n.putArray("models");
        for (ImageCost c : costs) {
            ObjectNode m = arr.addObject();
            m.put("model", c.model().id());
            m.put("provider", c.model().provider());
            m.put("tokens", c.tokens().tokens());
            rates.put(m, c.model().provider(), c.model().id(), c.usd(), "costUsd", "listCostUsd", "rateCard");
            m.put("method", c.tokens().method());
            m.put("unconfirmed", c.tokens().unconfirmed());
        }
        return n;
    }

    private static void printTable(PrintStream out, ObjectNode orig, ObjectNode opt) {
        out.printf(
                "original:  %s %d×%d, %,d bytes%n",
                orig.get("format").asText(),
                orig.get("width").asInt(),
                orig.get("height").asInt(),
                orig.get("bytes").asLong());
        if (opt != null) {
            out.printf(
                    "optimized: %s %d×%d, %,d bytes%n",
                    opt.get("format").asText(),
                    opt.get("width").asInt(),
                    opt.get("height").asInt(),
                    opt.get("bytes").asLong());
        }
        out.printf(
                "%-34s %12s %12s%s%n", "MODEL", "TOKENS", "$/IMAGE", opt == null ? "" : "  OPT TOKENS    OPT $/IMAGE");
        for (int i = 0; i < orig.get("models").size(); i++) {
            var o = orig.get("models").get(i);
            String row = String.format(
                    Locale.ROOT,
                    "%-34s %12d %12s",
                    o.get("model").asText(),
                    o.get("tokens").asLong(),
                    usd(o));
            if (opt != null) {
                var p = opt.get("models").get(i);
                row += String.format(Locale.ROOT, "  %10d %14s", p.get("tokens").asLong(), usd(p));
            }
            out.println(row + (o.get("unconfirmed").asBoolean() ? "  (rule UNCONFIRMED/CONFLICT)" : ""));
        }
    }

    private static void printRates(PrintStream out, MediaRates rates) {
        if (rates.on()) {
            out.println("costs after your rates (--rate-card on); list prices and the rate-card lines are in --json");
        }
    }

    private static String usd(JsonNode n) {
        return n.get("costUsd").isNull()
                ? "unpriced"
                : Money.format(new BigDecimal(n.get("costUsd").asText()));
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.media.ImageInfo;
import dev.costbench.media.Images;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import dev.costbench.model.media.MediaCosts.ImageCost;
import dev.costbench.model.media.MediaResolution;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code costbench media FILE}: what an image is, its tokens and cost on every model that takes images, and with
 * {@code --resize/--crop/--format/--quality} the same for the optimized version. (Audio and video come with the
 * media issue's FFmpeg work.)
 */
final class MediaCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MediaCommand() {
    }

    static int run(List<String> argv, List<ModelEntry> allModels, java.util.function.Function<String,
            List<ModelEntry>> select, PrintStream out) throws IOException {
        Args a = Args.parse(argv, Set.of("models", "resize", "crop", "format", "quality", "out", "detail",
                "media-resolution"), Set.of("json", "measured-multiplier", "batch"));
        if (a.positional.size() != 1) {
            throw new UsageException("media needs one FILE");
        }
        Path file = Path.of(a.positional.get(0));
        ImageInfo info;
        try {
            info = Images.probe(file);
        } catch (dev.costbench.media.MediaException e) {
            throw new UsageException(e.getMessage());
        }
        List<ModelEntry> models = a.get("models") == null ? allModels : select.apply(a.get("models"));
        ImageOptions opts = new ImageOptions(parse(ImageDetail.class, a.get("detail"), ImageDetail.AUTO),
                parse(MediaResolution.class, a.get("media-resolution"), MediaResolution.DEFAULT),
                a.flag("measured-multiplier"));
        BillingOptions billing = new BillingOptions(a.flag("batch"), false);
        boolean optimize = a.get("resize") != null || a.get("crop") != null || a.get("format") != null
                || a.get("quality") != null;
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file.toString());
        root.put("kind", "image");
        ObjectNode orig = describe(root.putObject("original"), info.format(), info.width(), info.height(), info.bytes(),
                MediaCosts.image(models, info.width(), info.height(), opts, billing));
        ObjectNode opt = null;
        if (optimize) {
            BufferedImage img;
            try {
                img = Images.read(file);
            } catch (dev.costbench.media.MediaException e) {
                throw new UsageException(e.getMessage());
            }
            if (a.get("crop") != null) {
                int[] c = crop(a.get("crop"));
                img = Images.crop(img, c[0], c[1], c[2], c[3]);
            }
            img = Images.fitLongEdge(img, (int) a.nonNegative("resize", 0));
            String format = a.get("format") == null ? "jpeg" : a.get("format");
            int quality = (int) a.nonNegative("quality", 85);
            if (quality < 1 || quality > 100) {
                throw new UsageException("--quality must be 1 to 100, got " + quality);
            }
            byte[] data;
            try {
                data = Images.encode(img, format, quality);
            } catch (dev.costbench.media.MediaException e) {
                throw new UsageException(e.getMessage());
            }
            if (a.get("out") != null) {
                Files.write(Path.of(a.get("out")), data);
            }
            opt = describe(root.putObject("optimized"), format.toLowerCase(Locale.ROOT), img.getWidth(),
                    img.getHeight(), data.length, MediaCosts.image(models, img.getWidth(), img.getHeight(), opts,
                            billing));
        }
        if (a.flag("json")) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            printTable(out, orig, opt);
        }
        return 0;
    }

    private static ObjectNode describe(ObjectNode n, String format, int w, int h, long bytes, List<ImageCost> costs) {
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
            m.put("costUsd", c.usd() == null ? null : Money.exact(c.usd()));
            m.put("method", c.tokens().method());
            m.put("unconfirmed", c.tokens().unconfirmed());
        }
        return n;
    }

    private static void printTable(PrintStream out, ObjectNode orig, ObjectNode opt) {
        out.printf("original:  %s %d×%d, %,d bytes%n", orig.get("format").asText(), orig.get("width").asInt(),
                orig.get("height").asInt(), orig.get("bytes").asLong());
        if (opt != null) {
            out.printf("optimized: %s %d×%d, %,d bytes%n", opt.get("format").asText(), opt.get("width").asInt(),
                    opt.get("height").asInt(), opt.get("bytes").asLong());
        }
        out.printf("%-34s %12s %12s%s%n", "MODEL", "TOKENS", "$/IMAGE", opt == null ? "" : "  OPT TOKENS    OPT $/IMAGE");
        for (int i = 0; i < orig.get("models").size(); i++) {
            var o = orig.get("models").get(i);
            String row = String.format(Locale.ROOT, "%-34s %12d %12s", o.get("model").asText(),
                    o.get("tokens").asLong(), usd(o));
            if (opt != null) {
                var p = opt.get("models").get(i);
                row += String.format(Locale.ROOT, "  %10d %14s", p.get("tokens").asLong(), usd(p));
            }
            out.println(row + (o.get("unconfirmed").asBoolean() ? "  (rule UNCONFIRMED/CONFLICT)" : ""));
        }
    }

    private static String usd(com.fasterxml.jackson.databind.JsonNode n) {
        return n.get("costUsd").isNull() ? "unpriced" : Money.format(new java.math.BigDecimal(n.get("costUsd").asText()));
    }

    private static int[] crop(String s) {
        String[] p = s.split(",");
        if (p.length != 4) {
            throw new UsageException("--crop takes X,Y,W,H, got '" + s + "'");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(p[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--crop takes whole numbers X,Y,W,H, got '" + s + "'");
            }
            if (v[i] < 0 || (i >= 2 && v[i] == 0)) {
                throw new UsageException("--crop values must be ≥ 0 and W,H > 0, got '" + s + "'");
            }
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s, E dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown value '" + s + "' (known: " + java.util.Arrays.toString(type
                    .getEnumConstants()).toLowerCase(Locale.ROOT) + ")");
        }
    }
}

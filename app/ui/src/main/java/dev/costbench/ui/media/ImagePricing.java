// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.ImageInfo;
import dev.costbench.media.Images;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import dev.costbench.model.media.MediaCosts.ImageCost;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Re-encodes an image as asked and prices the original and the optimized version on every model (background). */
final class ImagePricing {

    /** Long edge of the previews (the shown images), in pixels. */
    static final int PREVIEW_EDGE = 1600;

    /**
     * What to make of the image: long edge (0: unchanged), crop (or null), format ("jpeg", "webp", "png"), and how it
     * is billed (the rate card when "Use my rates" is on).
     */
    record Request(
            List<ModelEntry> models,
            ImageInfo info,
            BufferedImage original,
            Crop crop,
            int edge,
            String format,
            int quality,
            ImageOptions options,
            BillingOptions billing) {}

    /** The optimized version (bytes and preview null when only the header could be read) and its rows. */
    record Result(List<MediaCostRow> rows, BufferedImage preview, int width, int height, byte[] bytes, String format) {}

    private ImagePricing() {}

    static Result price(Request q) throws IOException {
        ImageInfo in = q.info();
        List<ImageCost> before = MediaCosts.image(q.models(), in.width(), in.height(), q.options(), q.billing());
        int w;
        int h;
        byte[] bytes = null;
        BufferedImage preview = null;
        if (q.original() != null) {
            Crop c = q.crop();
            BufferedImage img =
                    c == null ? q.original() : Images.crop(q.original(), c.x(), c.y(), c.width(), c.height());
            img = Images.fitLongEdge(img, q.edge());
            bytes = Images.encode(img, q.format(), q.quality());
            w = img.getWidth();
            h = img.getHeight();
            preview = Images.fitLongEdge(img, PREVIEW_EDGE);
        } else {
            double s = q.edge() <= 0 ? 1 : Math.min(1, (double) q.edge() / Math.max(in.width(), in.height()));
            w = Math.max(1, (int) Math.round(in.width() * s));
            h = Math.max(1, (int) Math.round(in.height() * s));
        }
        List<ImageCost> after = MediaCosts.image(q.models(), w, h, q.options(), q.billing());
        List<MediaCostRow> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            ImageCost b = before.get(i);
            ImageCost a = after.get(i);
            out.add(MediaCostRow.of(
                    b.model(),
                    b.tokens().tokens(),
                    b.usd(),
                    a.tokens().tokens(),
                    a.usd(),
                    a.tokens().method(),
                    a.tokens().unconfirmed()));
        }
        out.sort(Comparator.comparing(MediaCostRow::optimizedUsd, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Result(out, preview, w, h, bytes, q.format());
    }

    /** "photo.jpg · JPEG · 2048 × 1536 · 812,345 bytes". */
    static String originalInfo(Path file, ImageInfo info) {
        return String.format(
                Locale.ROOT,
                "%s · %s · %d × %d · %,d bytes",
                file.getFileName(),
                info.format().toUpperCase(Locale.ROOT),
                info.width(),
                info.height(),
                info.bytes());
    }

    /** The optimized version's format, size, bytes (and share of the original's) and crop. */
    static String optimizedInfo(Result r, long originalBytes, Crop crop) {
        return String.format(
                Locale.ROOT,
                "%s · %d × %d%s%s",
                r.format().toUpperCase(Locale.ROOT),
                r.width(),
                r.height(),
                r.bytes() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " · %,d bytes (%.0f %% of the original)",
                                r.bytes().length,
                                100.0 * r.bytes().length / Math.max(1, originalBytes)),
                crop == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " · cropped to %d×%d at (%d, %d)",
                                crop.width(),
                                crop.height(),
                                crop.x(),
                                crop.y()));
    }

    /** How many models take images and the cheapest optimized price, per image and per 1,000 images. */
    /**
     * Empty, or a hint when the optimized file is larger than the original: tokens follow pixels, not bytes, so the
     * token figures stand, but the upload (request size limits, bandwidth, storage) grows. The first sentence is the
     * short form shown under the image; the whole text explains it.
     */
    static String sizeWarning(Result r, ImageInfo original) {
        if (r.bytes() == null || original.bytes() <= 0 || r.bytes().length <= original.bytes()) {
            return "";
        }
        double ratio = (double) r.bytes().length / original.bytes();
        String larger = ratio >= 2
                ? String.format(Locale.ROOT, "%.0f× the size of", ratio)
                : String.format(Locale.ROOT, "%.0f %% larger than", 100 * (ratio - 1));
        String from = original.format().toUpperCase(Locale.ROOT);
        String to = r.format().toUpperCase(Locale.ROOT);
        String suggestion = "jpeg".equalsIgnoreCase(r.format()) || "jpg".equalsIgnoreCase(r.format())
                ? "try WebP or PNG"
                : "png".equalsIgnoreCase(r.format()) ? "try JPEG or WebP" : "try a lower quality or keep " + from;
        return String.format(
                Locale.ROOT,
                "The optimized %s is %s the original %s: %s. It holds %,d bytes against the original's %,d. Tokens"
                        + " follow pixels, so the token cost is unaffected, but the upload is bigger (request size"
                        + " limits, bandwidth, storage). Flat graphics, screenshots and text compress better without"
                        + " JPEG; photos compress better with JPEG or WebP.",
                to,
                larger,
                from,
                suggestion,
                r.bytes().length,
                original.bytes());
    }

    static String summary(List<MediaCostRow> rows) {
        MediaCostRow cheapest = rows.isEmpty() ? null : rows.get(0);
        return rows.size() + " models take images"
                + (cheapest == null || cheapest.optimizedUsd() == null
                        ? ""
                        : " · cheapest optimized: " + cheapest.name() + " " + Money.format(cheapest.optimizedUsd())
                                + " per image, "
                                + Money.format(cheapest.optimizedUsd().multiply(BigDecimal.valueOf(1000)))
                                + " per 1,000 images");
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.media.Images;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The Media view's work per control change on a 12 MP photo: resize to the preset's long edge, re-encode as JPEG
 * at the slider's quality and reprice on every model. Anchor: a plain JPEG encode of the full 12 MP image in the
 * same run. {@code java -Djava.awt.headless=true dev.costbench.bench.ImagePreviewBench}
 */
public final class ImagePreviewBench {

    private ImagePreviewBench() {}

    public static void main(String[] args) throws Exception {
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        Random r = new Random(12);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(4000), r.nextInt(3000), 20 + r.nextInt(900), 20 + r.nextInt(700));
        }
        g.dispose();
        List<ModelEntry> models = CatalogBuilder.builtIn().models();
        int[] edges = {1024, 512, 256, 2048};
        double[] ms = new double[40];
        double[] anchor = new double[5];
        for (int i = -5; i < ms.length; i++) {
            long t0 = System.nanoTime();
            BufferedImage small = Images.fitLongEdge(photo, edges[Math.floorMod(i, edges.length)]);
            byte[] jpeg = Images.encode(small, "jpeg", 30 + Math.floorMod(i * 7, 70));
            MediaCosts.image(
                    models, small.getWidth(), small.getHeight(), ImageOptions.DEFAULTS, BillingOptions.INTERACTIVE);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            if (jpeg.length == 0) {
                throw new IllegalStateException();
            }
        }
        for (int i = -1; i < anchor.length; i++) {
            long t0 = System.nanoTime();
            Images.encode(photo, "jpeg", 85);
            if (i >= 0) {
                anchor[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(anchor);
        System.out.printf(
                Locale.ROOT,
                "{\"impl\":\"costbench\",\"mode\":\"image-preview\",\"pixels\":12000000,"
                        + "\"median_ms\":%.1f,\"p95_ms\":%.1f,\"max_ms\":%.1f,\"anchor_full_jpeg_ms\":%.1f}%n",
                ms[ms.length / 2],
                ms[(int) (ms.length * 0.95)],
                ms[ms.length - 1],
                anchor[anchor.length / 2]);
    }
}

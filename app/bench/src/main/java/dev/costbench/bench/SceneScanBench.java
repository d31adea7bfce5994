// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.media.AvInfo;
import dev.costbench.media.VideoAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scene-change analysis of a 720p30 H.264 clip, as the Media view and {@code costbench media --strategy scene} run
 * it: one {@link VideoAnalysis#scan} (decode, 64×36 grey, frame differences, cuts) plus the scene-change selection.
 * The clip is made first with the bundled ffmpeg from six lavfi sources (hard cuts at every segment boundary) and
 * encoded with libopenh264. Anchor in the same run: the same ffmpeg binary decoding the clip,
 * {@code ffmpeg -i clip.mp4 -f null -}.
 * {@code java dev.costbench.bench.SceneScanBench DIR [segment seconds (default 15)] [timed runs (default 3)]}
 */
public final class SceneScanBench {

    private static final String[] SOURCES = {
        "testsrc2",
        "smptebars",
        "mandelbrot=maxiter=256",
        "color=c=navy",
        "life=mold=10:ratio=0.3:death_color=#202020:life_color=#e0c040",
        "testsrc"
    };

    /** One timed run's result: the scan and the frames the scene-change selection picked. */
    private record Found(VideoAnalysis.Scan scan, int[] picked) {}

    private SceneScanBench() {}

    public static void main(String[] args) throws Exception {
        MediaFixtures.Setup setup = MediaFixtures.Setup.of(args, 15);
        Path dir = setup.dir();
        int segment = setup.size();
        Path clip = dir.resolve("cuts-720p30-" + segment + "s.mp4");
        if (!Files.exists(clip)) {
            System.err.printf(
                    "scene bench: generating %s (%d × %d s, 1280×720, 30 fps, libopenh264 4 Mb/s)%n",
                    clip.getFileName(), SOURCES.length, segment);
            List<String> gen = new ArrayList<>();
            StringBuilder concat = new StringBuilder();
            for (int i = 0; i < SOURCES.length; i++) {
                String[] kv = SOURCES[i].split("=", 2);
                String opts = "size=1280x720:rate=30" + (kv.length > 1 ? ":" + kv[1] : "");
                gen.addAll(List.of("-t", String.valueOf(segment), "-f", "lavfi", "-i", kv[0] + "=" + opts));
                concat.append('[').append(i).append(":v]");
            }
            concat.append("concat=n=").append(SOURCES.length).append(":v=1:a=0,format=yuv420p[v]");
            gen.addAll(List.of(
                    "-filter_complex",
                    concat.toString(),
                    "-map",
                    "[v]",
                    "-c:v",
                    "libopenh264",
                    "-b:v",
                    "4M",
                    "-g",
                    "60",
                    dir.resolve("tmp-" + clip.getFileName()).toString()));
            MediaFixtures.time(MediaFixtures.ffmpeg(gen.toArray(String[]::new)), setup.log());
            Files.move(dir.resolve("tmp-" + clip.getFileName()), clip);
        }
        double[] expected = new double[SOURCES.length - 1];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (i + 1) * segment;
        }

        List<String> anchorCmd = MediaFixtures.ffmpeg("-i", clip.toString(), "-f", "null", "-");
        MediaFixtures.Timings<Found> timings = MediaFixtures.alternate(setup.runs(), anchorCmd, setup.log(), () -> {
            VideoAnalysis.Scan s = VideoAnalysis.scan(clip, () -> false, p -> {});
            return new Found(s, VideoAnalysis.select(s, new VideoAnalysis.SceneChange(), 0));
        });
        VideoAnalysis.Scan scan = timings.last().scan();
        int[] picked = timings.last().picked();
        AvInfo info = scan.info();
        List<Double> cuts = scan.cuts();
        boolean exact = cuts.size() == expected.length && picked.length == expected.length + 1;
        for (int i = 0; exact && i < expected.length; i++) {
            exact = Math.abs(cuts.get(i) - expected[i]) < 0.5 / info.fps();
        }
        System.err.printf(Locale.ROOT, "scene bench: expected cuts %s%n", MediaFixtures.json(expected));
        System.err.printf(
                Locale.ROOT,
                "scene bench: detected cuts %s -> %s%n",
                MediaFixtures.json(cuts),
                exact ? "exact" : "MISMATCH");
        System.out.printf(
                Locale.ROOT,
                "{\"impl\":\"costbench\",\"mode\":\"scene-scan\",\"file\":\"%s\",\"codec\":\"%s\","
                        + "\"width\":%d,\"height\":%d,\"fps\":%.2f,\"seconds\":%.3f,\"bytes\":%d,\"frames\":%d,\"runs\":%d,"
                        + "\"median_s\":%.3f,\"all_s\":%s,\"x_realtime\":%.1f,\"anchor_median_s\":%.3f,\"anchor_all_s\":%s,"
                        + "\"anchor_x_realtime\":%.1f,\"expected_cuts\":%s,\"cuts\":%s,\"exact\":%b}%n",
                clip.getFileName(),
                info.videoCodec(),
                info.width(),
                info.height(),
                info.fps(),
                info.seconds(),
                info.bytes(),
                scan.frames(),
                setup.runs(),
                timings.median(),
                MediaFixtures.json(timings.costbench()),
                info.seconds() / timings.median(),
                timings.anchorMedian(),
                MediaFixtures.json(timings.anchor()),
                info.seconds() / timings.anchorMedian(),
                MediaFixtures.json(expected),
                MediaFixtures.json(cuts),
                exact);
        if (!exact) {
            System.exit(3);
        }
    }
}

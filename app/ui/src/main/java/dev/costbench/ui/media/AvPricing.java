// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.AudioAnalysis;
import dev.costbench.media.AvInfo;
import dev.costbench.media.VideoAnalysis;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.ProviderNames;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.Money;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import dev.costbench.model.media.Transcription;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prices audio and video from a finished analysis (no decoding, so it runs at once on the UI thread). */
final class AvPricing {

    private static final List<Transcription> TRANSCRIPTION = Transcription.builtIn();
    private static final int[] FRAME_HEIGHTS = {0, 1080, 720, 480, 360};
    /** Added to the summary when the figures are after the user's rate card ("Use my rates"). */
    static final String RATES_NOTE = " · after your rates (Use my rates)";

    /** The rows, cheapest first, the summary line, and (video) the frames the strategy keeps. */
    record Priced(List<MediaCostRow> rows, String summary, int[] picked) {}

    private AvPricing() {}

    static Priced video(
            List<ModelEntry> models,
            AvInfo av,
            VideoAnalysis.Scan scan,
            VideoAnalysis.Strategy strategy,
            int maxFrames,
            int[] sent,
            ImageOptions options,
            RateCard card) {
        int[] picked = VideoAnalysis.select(scan, strategy, maxFrames);
        // Baseline: what a provider does with the file as sent — Gemini samples native video at 1 fps, and
        // 1 fps is the usual default for sending frames as images to the others (seed 000, provider-rules §3.3).
        long baseline = Math.min(scan.frames(), Math.max(1, (long) Math.ceil(av.seconds() - 1e-9)));
        var before =
                MediaCosts.video(models, av.seconds(), baseline, av.width(), av.height(), av.hasAudio(), options, card);
        var after =
                MediaCosts.video(models, av.seconds(), picked.length, sent[0], sent[1], av.hasAudio(), options, card);
        List<MediaCostRow> out = rows(before, after);
        String what = String.format(
                Locale.ROOT,
                "baseline 1 fps (%d frames, Gemini's default) → %s: %d of %d frames, " + "%.0f %% of scenes covered",
                baseline,
                strategy.label(),
                picked.length,
                scan.frames(),
                100 * VideoAnalysis.sceneCoverage(scan, picked));
        return finish(out, what + (card.isEmpty() ? "" : RATES_NOTE), picked);
    }

    static Priced audio(List<ModelEntry> models, AvInfo av, AudioAnalysis.Result audio, boolean trim, RateCard card) {
        double after = trim ? audio.speechSeconds() : audio.seconds();
        var before = MediaCosts.audio(models, av.seconds(), card);
        var opt = MediaCosts.audio(models, after, card);
        List<MediaCostRow> out = rows(before, opt);
        for (Transcription t : TRANSCRIPTION) {
            out.add(new MediaCostRow(
                    t.id(),
                    t.name(),
                    ProviderNames.displayName(t.provider()),
                    -1,
                    card.adjusted(t.provider(), t.id(), ServiceTier.STANDARD, t.cost(av.seconds())),
                    -1,
                    card.adjusted(t.provider(), t.id(), ServiceTier.STANDARD, t.cost(after)),
                    t.method(after),
                    t.status() != PriceStatus.LISTED));
        }
        String what = String.format(
                Locale.ROOT, "16 kHz mono%s: %.1f s of %.1f s", trim ? ", silences cut" : "", after, audio.seconds());
        return finish(out, what + (card.isEmpty() ? "" : RATES_NOTE), new int[0]);
    }

    /** A row a model: the media as sent ({@code before}) against the optimized version ({@code after}, same order). */
    private static List<MediaCostRow> rows(List<MediaCosts.AvCost> before, List<MediaCosts.AvCost> after) {
        List<MediaCostRow> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            MediaCosts.AvCost b = before.get(i);
            MediaCosts.AvCost a = after.get(i);
            out.add(MediaCostRow.of(b.model(), b.tokens(), b.usd(), a.tokens(), a.usd(), a.method(), false));
        }
        return out;
    }

    private static Priced finish(List<MediaCostRow> out, String what, int[] picked) {
        out.sort(Comparator.comparing(MediaCostRow::optimizedUsd, Comparator.nullsLast(Comparator.naturalOrder())));
        // The cheapest model that takes the media itself (transcription services only turn speech into text).
        MediaCostRow cheapest =
                out.stream().filter(r -> r.optimizedTokens() >= 0).findFirst().orElse(null);
        String summary = what + " · " + out.size() + " models"
                + (cheapest == null || cheapest.optimizedUsd() == null
                        ? ""
                        : " · cheapest: " + cheapest.name() + " " + Money.format(cheapest.optimizedUsd()) + ", "
                                + Money.format(cheapest.optimizedUsd().multiply(BigDecimal.valueOf(1000)))
                                + " per 1,000 files");
        return new Priced(out, summary, picked);
    }

    /** The frame-sampling strategy at {@code index} of {@link AvSettings#STRATEGIES}. */
    static VideoAnalysis.Strategy strategy(int index) {
        return switch (index) {
            case 0 -> new VideoAnalysis.All();
            case 1 -> new VideoAnalysis.Uniform(2);
            case 3 -> new VideoAnalysis.Uniform(0.5);
            case 4 -> new VideoAnalysis.Uniform(0.2);
            case 5 -> new VideoAnalysis.Adaptive(0.05);
            case 6 -> new VideoAnalysis.SceneChange();
            default -> new VideoAnalysis.Uniform(1);
        };
    }

    /** The frame size sent as images: the source, or scaled down to the chosen height keeping the aspect. */
    static int[] sentSize(AvInfo av, int frameSizeIndex) {
        int target = frameSizeIndex <= 0 || frameSizeIndex >= FRAME_HEIGHTS.length ? 0 : FRAME_HEIGHTS[frameSizeIndex];
        if (target == 0 || av.height() <= target) {
            return new int[] {av.width(), av.height()};
        }
        return new int[] {(int) Math.round((double) av.width() * target / av.height()), target};
    }

    /** A cap on frames ("0" or anything unreadable: no cap). */
    static int maxFrames(String text) {
        try {
            return Math.max(0, Integer.parseInt(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The file line: name, length, bytes, streams, and what the analysis found. */
    static String describe(Path file, AvInfo av, VideoAnalysis.Scan scan, AudioAnalysis.Result audio) {
        StringBuilder b = new StringBuilder(
                String.format(Locale.ROOT, "%s · %.1f s · %,d bytes", file.getFileName(), av.seconds(), av.bytes()));
        if (av.hasVideo()) {
            b.append(String.format(
                    Locale.ROOT, " · %s %d×%d %.2f fps", av.videoCodec(), av.width(), av.height(), av.fps()));
        }
        if (av.hasAudio()) {
            b.append(String.format(Locale.ROOT, " · %s %d Hz %d ch", av.audioCodec(), av.sampleRate(), av.channels()));
        }
        if (scan != null) {
            b.append(String.format(
                    Locale.ROOT,
                    " · %d frames, %d scene cut(s)",
                    scan.frames(),
                    scan.cuts().size()));
        }
        if (audio != null) {
            b.append(String.format(
                    Locale.ROOT,
                    " · %d silence(s), %.1f s of sound; 16 kHz mono WAV %,d bytes",
                    audio.silences().size(),
                    audio.speechSeconds(),
                    audio.resampledBytes()));
        }
        return b.toString();
    }
}

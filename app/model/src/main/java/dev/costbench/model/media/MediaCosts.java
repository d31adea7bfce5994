// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tokens and dollars of one image on every model that takes images. */
public final class MediaCosts {

    /** One model's figure; {@code usd} is null when the model's input price is not listed. */
    public record ImageCost(ModelEntry model, ImageTokens tokens, BigDecimal usd) {}

    /** Audio or video figure for one model; {@code usd} null when a needed price is not listed. */
    public record AvCost(ModelEntry model, long tokens, BigDecimal usd, String method) {}

    private MediaCosts() {}

    /** Native audio input: tokens per second at the model's audio-input price (its input price when none). */
    public static List<AvCost> audio(List<ModelEntry> models, double seconds) {
        return audio(models, seconds, RateCard.NONE);
    }

    /** As {@link #audio(List, double)} with the user's rate card applied after list price (standard tier). */
    public static List<AvCost> audio(List<ModelEntry> models, double seconds, RateCard card) {
        List<AvCost> out = new ArrayList<>();
        for (ModelEntry m : models) {
            MediaRules.audio(m).filter(a -> a.inputPerSecond() > 0).ifPresent(a -> {
                long t = a.inputTokens(seconds);
                Price p = m.prices().get(PriceKind.INPUT_AUDIO) != null
                        ? m.prices().get(PriceKind.INPUT_AUDIO)
                        : m.prices().get(PriceKind.INPUT);
                out.add(new AvCost(
                        m,
                        t,
                        p == null
                                ? null
                                : rated(
                                        card,
                                        m,
                                        p.perMTok()
                                                .multiply(BigDecimal.valueOf(t))
                                                .movePointLeft(6)),
                        String.format(
                                Locale.ROOT,
                                "%.1f s × %s tokens/s%s",
                                seconds,
                                trim(a.inputPerSecond()),
                                a.unconfirmed() ? " (rate UNCONFIRMED for this API)" : "")));
            });
        }
        return out;
    }

    /**
     * Video: {@code frames} frames over {@code seconds}. Gemini bills its native video (frames + 32 audio tokens/s,
     * the audio part at its audio price); other models get the frames as images.
     */
    public static List<AvCost> video(
            List<ModelEntry> models, double seconds, long frames, int w, int h, boolean audio, ImageOptions options) {
        return video(models, seconds, frames, w, h, audio, options, RateCard.NONE);
    }

    /** As {@link #video} with the user's rate card applied after list price (standard tier). */
    public static List<AvCost> video(
            List<ModelEntry> models,
            double seconds,
            long frames,
            int w,
            int h,
            boolean audio,
            ImageOptions options,
            RateCard card) {
        List<AvCost> out = new ArrayList<>();
        double fps = seconds <= 0 ? 0 : frames / seconds;
        for (ModelEntry m : models) {
            MediaRules.video(m).ifPresent(rule -> {
                VideoRule.VideoTokens vt = rule.tokens(seconds, fps, w, h, audio, options);
                Price in = m.prices().get(PriceKind.INPUT);
                BigDecimal usd = null;
                if (in != null) {
                    long audioTokens = rule instanceof VideoRule.GeminiNative && audio
                            ? (long) Math.ceil(seconds * ((VideoRule.GeminiNative) rule).audioPerSecond() - 1e-9)
                            : 0;
                    Price ap = m.prices().get(PriceKind.INPUT_AUDIO) != null
                            ? m.prices().get(PriceKind.INPUT_AUDIO)
                            : in;
                    usd = in.perMTok()
                            .multiply(BigDecimal.valueOf(vt.tokens() - audioTokens))
                            .add(ap.perMTok().multiply(BigDecimal.valueOf(audioTokens)))
                            .movePointLeft(6);
                }
                out.add(new AvCost(m, vt.tokens(), rated(card, m, usd), vt.method()));
            });
        }
        return out;
    }

    /** {@code usd} of {@code m} after the rate card (null: unpriced). */
    private static BigDecimal rated(RateCard card, ModelEntry m, BigDecimal usd) {
        return card.adjusted(m.provider(), m.id(), ServiceTier.STANDARD, usd);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public static List<ImageCost> image(
            List<ModelEntry> models, int width, int height, ImageOptions options, BillingOptions billing) {
        List<ImageCost> out = new ArrayList<>();
        for (ModelEntry m : models) {
            MediaRules.image(m).ifPresent(rule -> {
                ImageTokens t = rule.tokens(width, height, options);
                CostBreakdown b = CostEngine.price(m, new CanonicalUsage(t.tokens(), 0, 0, 0, 0, 0), billing);
                out.add(new ImageCost(m, t, b.complete() ? b.total() : null));
            });
        }
        return out;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.media.AudioRule;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.ImageRule;
import dev.costbench.model.media.MediaRules;
import dev.costbench.model.media.VideoRule;
import dev.costbench.model.scenario.PlanState.TypeState;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Media tokens per call on one model: image and video-frame tokens, audio tokens, and the number of images. */
record MediaTokens(BigDecimal visual, BigDecimal audio, BigDecimal images) {

    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    static BigDecimal nativeAudioSeconds(TypeState ts) {
        AudioInput a = ts.rt.audio();
        return a != null && a.mode() == AudioInput.Mode.NATIVE ? a.seconds() : BigDecimal.ZERO;
    }

    /**
     * The media tokens per call of request type {@code ts} on {@code m}; what the model cannot take is left out with
     * a warning added to {@code warnings}.
     */
    static MediaTokens of(TypeState ts, ModelEntry m, Models models, Set<String> warnings) {
        BigDecimal visual = BigDecimal.ZERO;
        BigDecimal audio = BigDecimal.ZERO;
        BigDecimal images = BigDecimal.ZERO;
        ImageOptions opts = new ImageOptions(ts.detail, ts.resolution, false);
        for (ImageInput img : ts.rt.images()) {
            images = images.add(img.count());
            BigDecimal per = null;
            if (img.tokensPerImage() != null) {
                per = BigDecimal.valueOf(img.tokensPerImage());
            } else {
                Optional<ImageRule> rule = MediaRules.image(m);
                if (rule.isPresent()) {
                    int[] wh = size(img.width(), img.height(), ts);
                    per = BigDecimal.valueOf(
                            rule.get().tokens(wh[0], wh[1], opts).tokens());
                }
            }
            if (ts.measuredImageTokens != null) {
                per = per == null ? ts.measuredImageTokens : per.min(ts.measuredImageTokens);
            }
            if (per == null) {
                if (models.perImage(m.id()) == null) {
                    warnings.add(m.id() + " takes no images (no image rule in the catalog): the images of '"
                            + ts.rt.id() + "' are left out");
                }
                per = BigDecimal.ZERO;
            }
            visual = visual.add(img.count().multiply(per));
        }
        VideoInput v = ts.rt.video();
        if (ts.hasVideo()) {
            BigDecimal seconds = v.hours().multiply(HOUR);
            BigDecimal perFrame = null;
            BigDecimal audioPerSecond = BigDecimal.ZERO;
            Optional<VideoRule> rule = MediaRules.video(m);
            if (v.tokensPerFrame() != null) {
                perFrame = BigDecimal.valueOf(v.tokensPerFrame());
            } else if (rule.isPresent()) {
                int[] wh = size(Math.max(1, v.width()), Math.max(1, v.height()), ts);
                perFrame = BigDecimal.valueOf(
                        rule.get().tokens(1, 1, wh[0], wh[1], false, opts).tokens());
            }
            if (ts.measuredFrameTokens != null) {
                perFrame = perFrame == null ? ts.measuredFrameTokens : perFrame.min(ts.measuredFrameTokens);
            }
            if (perFrame == null) {
                warnings.add(m.id() + " takes no video or images: the video of '" + ts.rt.id() + "' is left out");
                perFrame = BigDecimal.ZERO;
            }
            if (v.audio()) {
                if (v.audioTokensPerSecond() != null) {
                    audioPerSecond = BigDecimal.valueOf(v.audioTokensPerSecond());
                } else if (rule.isPresent() && rule.get() instanceof VideoRule.GeminiNative) {
                    audioPerSecond = BigDecimal.valueOf(((VideoRule.GeminiNative) rule.get()).audioPerSecond());
                } else {
                    warnings.add(m.id() + " gets the video of '" + ts.rt.id() + "' as frames: its audio track is "
                            + "not sent");
                }
            }
            visual = visual.add(seconds.multiply(ts.fps).multiply(perFrame));
            audio = audio.add(seconds.multiply(audioPerSecond));
        }
        BigDecimal nativeSeconds = nativeAudioSeconds(ts);
        if (nativeSeconds.signum() > 0) {
            Optional<AudioRule> ar = MediaRules.audio(m).filter(a -> a.inputPerSecond() > 0);
            if (ar.isEmpty()) {
                warnings.add(m.id() + " takes no audio input: the audio of '" + ts.rt.id() + "' is left out");
            } else {
                audio = audio.add(
                        nativeSeconds.multiply(BigDecimal.valueOf(ar.get().inputPerSecond())));
            }
        }
        return new MediaTokens(visual, audio, images);
    }

    /** Image or frame size after cropping ({@code cropShare} of the area) and downscaling to the long edge. */
    private static int[] size(int w, int h, TypeState ts) {
        double s = Math.sqrt(ts.cropShare.doubleValue());
        double cw = w * s;
        double ch = h * s;
        if (ts.longEdge != null && Math.max(cw, ch) > ts.longEdge) {
            double f = ts.longEdge / Math.max(cw, ch);
            cw *= f;
            ch *= f;
        }
        return new int[] {Math.max(1, (int) Math.round(cw)), Math.max(1, (int) Math.round(ch))};
    }
}

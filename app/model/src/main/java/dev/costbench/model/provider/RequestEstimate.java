// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.RequestShape;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.media.MediaRules;
import dev.costbench.model.media.VideoRule;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost of a {@link ChatRequest} estimated before it is sent — text counted with the model's tokenizer (or its
 * estimator), media by the catalog's media rules, output assumed to fill {@code expectedOutput} — and, once the
 * answer is in, compared with what the provider actually billed.
 *
 * @param inputTokens    estimated input tokens (text + media)
 * @param exact          true when every part was counted exactly (a public tokenizer and no media)
 * @param outputTokens   the output assumed
 * @param breakdown      the estimated cost, line by line
 * @param notes          how each part was counted
 */
public record RequestEstimate(
        long inputTokens, boolean exact, long outputTokens, CostBreakdown breakdown, List<String> notes) {

    /** What the model module cannot measure itself: the pixel size of an image and the length of audio or video. */
    public interface MediaSizer {
        /** {width, height} in pixels. */
        int[] imageSize(Part.Image image);

        /** Duration in seconds. */
        double seconds(Part media);

        /** Every image {@code width} × {@code height} pixels; audio and video last no time. */
        static MediaSizer imagesOf(int width, int height) {
            return new MediaSizer() {
                @Override
                public int[] imageSize(Part.Image image) {
                    return new int[] {width, height};
                }

                @Override
                public double seconds(Part media) {
                    return 0;
                }
            };
        }
    }

    /** Estimates {@code request} on {@code model}; {@code expectedOutput} null means the request's output cap. */
    public static RequestEstimate of(
            ModelEntry model, ChatRequest request, Long expectedOutput, MediaSizer sizer, BillingOptions billing) {
        return of(model, request, expectedOutput, sizer, billing, null);
    }

    /**
     * As {@link #of(ModelEntry, ChatRequest, Long, MediaSizer, BillingOptions)}, with {@code tools} — the tokens the
     * request's tool definitions add on {@code model}, counted by the caller (the model's tool formatting is not known
     * here) — joining the input; null when the request sends no tools. The estimate is exact only when they are too.
     */
    public static RequestEstimate of(
            ModelEntry model,
            ChatRequest request,
            Long expectedOutput,
            MediaSizer sizer,
            BillingOptions billing,
            TokenCount tools) {
        List<TextStats> texts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long media = 0;
        boolean mediaExact = true;
        if (request.system() != null && !request.system().isEmpty()) {
            texts.add(TextStats.of(request.system()));
        }
        MediaResolution res = request.mediaResolution() == null ? MediaResolution.DEFAULT : request.mediaResolution();
        for (ChatMessage m : request.messages()) {
            TextStats t = TextStats.EMPTY;
            for (Part p : m.parts()) {
                if (p instanceof Part.Text) {
                    t = t.plus(TextStats.of(((Part.Text) p).text()));
                } else if (p instanceof Part.Image) {
                    Part.Image img = (Part.Image) p;
                    int[] wh = sizer.imageSize(img);
                    ImageOptions o =
                            new ImageOptions(img.detail() == null ? ImageDetail.AUTO : img.detail(), res, false);
                    var rule = MediaRules.image(model);
                    if (rule.isPresent()) {
                        var it = rule.get().tokens(wh[0], wh[1], o);
                        media += it.tokens();
                        notes.add(
                                "image " + wh[0] + "×" + wh[1] + ": " + it.tokens() + " tokens (" + it.method() + ")");
                    } else {
                        notes.add("image: " + model.id() + " has no image rule in the catalog; not counted");
                        mediaExact = false;
                    }
                    mediaExact = false;
                } else if (p instanceof Part.Audio) {
                    double s = sizer.seconds(p);
                    var rule = MediaRules.audio(model).filter(a -> a.inputPerSecond() > 0);
                    if (rule.isPresent()) {
                        long a = rule.get().inputTokens(s);
                        media += a;
                        notes.add(String.format(Locale.ROOT, "audio %.1f s: %d tokens", s, a));
                    } else {
                        notes.add("audio: " + model.id() + " has no audio rule in the catalog; not counted");
                    }
                    mediaExact = false;
                } else if (p instanceof Part.Video) {
                    Part.Video v = (Part.Video) p;
                    double s = sizer.seconds(p);
                    var rule = MediaRules.video(model).filter(r -> r instanceof VideoRule.GeminiNative);
                    if (rule.isPresent()) {
                        double fps = v.fps() == null ? 1 : v.fps();
                        var vt = rule.get().tokens(s, fps, 0, 0, true, new ImageOptions(ImageDetail.AUTO, res, false));
                        media += vt.tokens();
                        notes.add("video: " + vt.method());
                    } else {
                        notes.add("video: " + model.id() + " takes no native video; not counted");
                    }
                    mediaExact = false;
                }
            }
            texts.add(t);
        }
        TokenCount text = ModelTokenCounter.count(model, texts);
        notes.add(0, "text: " + text.display() + " (" + text.method() + ")");
        long input = text.tokens() + media;
        boolean toolsExact = true;
        if (tools != null && tools.tokens() > 0) {
            input += tools.tokens();
            toolsExact = tools.exact();
            notes.add(1, "tools: " + tools.display() + " (" + tools.method() + ")");
        }
        long out = expectedOutput != null ? expectedOutput : request.maxOutputTokens();
        long reasoning = request.reasoningBudget() == null ? 0 : request.reasoningBudget();
        CostBreakdown b = CostEngine.estimate(model, new RequestShape(input, 0, 0, 0, out, reasoning), billing);
        return new RequestEstimate(input, text.exact() && mediaExact && toolsExact, out, b, List.copyOf(notes));
    }

    /**
     * The estimate next to what was billed.
     *
     * @param estimateUsd  the estimate's total
     * @param billed       the cost of the provider's reported usage
     * @param differenceUsd billed minus estimate
     * @param inputDelta   reported input tokens minus estimated
     */
    public record Reconciliation(
            BigDecimal estimateUsd, CostBreakdown billed, BigDecimal differenceUsd, long inputDelta) {}

    /** Prices the provider's {@code usage} and sets it beside this estimate. */
    public Reconciliation reconcile(ModelEntry model, CanonicalUsage usage, BillingOptions billing) {
        CostBreakdown billed = CostEngine.price(model, usage, billing);
        return new Reconciliation(
                breakdown.total(),
                billed,
                billed.total().subtract(breakdown.total()),
                usage.totalInput() - inputTokens);
    }
}

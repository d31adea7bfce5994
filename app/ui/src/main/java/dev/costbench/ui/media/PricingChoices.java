// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.ratecard.RateCard;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The pricing choices images, audio and video share: OpenAI's detail, Gemini's media resolution and whether the
 * measured (rather than documented) OpenAI patch multipliers apply, and the rate card image prices are billed with.
 */
public final class PricingChoices {

    private final ObjectProperty<ImageDetail> detail = new SimpleObjectProperty<>(this, "detail", ImageDetail.AUTO);
    private final ObjectProperty<MediaResolution> resolution =
            new SimpleObjectProperty<>(this, "resolution", MediaResolution.DEFAULT);
    private final BooleanProperty measured = new SimpleBooleanProperty(this, "measured");
    private final ObjectProperty<RateCard> rateCard = new SimpleObjectProperty<>(this, "rateCard", RateCard.NONE);

    public ObjectProperty<ImageDetail> detailProperty() {
        return detail;
    }

    public ObjectProperty<MediaResolution> resolutionProperty() {
        return resolution;
    }

    public BooleanProperty measuredProperty() {
        return measured;
    }

    /** The rate card applied to image prices ({@link RateCard#NONE}: list prices); set by the composition root. */
    public ObjectProperty<RateCard> rateCardProperty() {
        return rateCard;
    }

    /** How images are billed: interactive, with the rate card when one is set. */
    public BillingOptions billing() {
        return BillingOptions.INTERACTIVE.withRateCard(rateCard.get());
    }

    /** The choices as the cost engine takes them (a missing choice counts as its default). */
    public ImageOptions options() {
        return new ImageOptions(
                detail.get() == null ? ImageDetail.AUTO : detail.get(),
                resolution.get() == null ? MediaResolution.DEFAULT : resolution.get(),
                measured.get());
    }

    /** Runs {@code r} whenever one of the choices changes. */
    void onChange(Runnable r) {
        for (Observable o : new Observable[] {detail, resolution, measured, rateCard}) {
            o.addListener(x -> r.run());
        }
    }
}

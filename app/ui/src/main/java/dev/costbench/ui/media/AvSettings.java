// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How audio and video are optimized: the silence threshold and shortest gap, whether silences are cut, the
 * frame-sampling strategy, a cap on frames and the size frames are sent at.
 */
public final class AvSettings {

    public static final List<String> STRATEGIES = List.of(
            "Every frame",
            "Uniform 2 fps",
            "Uniform 1 fps",
            "Uniform 0.5 fps",
            "Uniform 0.2 fps",
            "Motion-adaptive",
            "Scene change");
    public static final List<String> FRAME_SIZES = List.of("Source size", "1080p", "720p", "480p", "360p");

    private final DoubleProperty silenceDb = new SimpleDoubleProperty(this, "silenceDb", -40);
    private final DoubleProperty minGap = new SimpleDoubleProperty(this, "minGap", 0.5);
    private final BooleanProperty trim = new SimpleBooleanProperty(this, "trim", true);
    private final IntegerProperty strategy = new SimpleIntegerProperty(this, "strategy", 2);
    private final StringProperty maxFrames = new SimpleStringProperty(this, "maxFrames", "0");
    private final IntegerProperty frameSize = new SimpleIntegerProperty(this, "frameSize", 0);

    /** Runs {@code reanalyse} when the silence detection changes, {@code reprice} when only the pricing does. */
    void onChange(Runnable reanalyse, Runnable reprice) {
        silenceDb.addListener(x -> reanalyse.run());
        minGap.addListener(x -> reanalyse.run());
        for (Observable o : new Observable[] {trim, strategy, maxFrames, frameSize}) {
            o.addListener(x -> reprice.run());
        }
    }

    /** Level below which a 20 ms window counts as silence, in dBFS. */
    public DoubleProperty silenceDbProperty() {
        return silenceDb;
    }

    /** Shortest silence that is cut, in seconds. */
    public DoubleProperty minGapProperty() {
        return minGap;
    }

    public BooleanProperty trimProperty() {
        return trim;
    }

    /** Index into {@link #STRATEGIES}. */
    public IntegerProperty strategyProperty() {
        return strategy;
    }

    /** Cap on frames per video ("0" or unreadable: no cap). */
    public StringProperty maxFramesProperty() {
        return maxFrames;
    }

    /** Index into {@link #FRAME_SIZES}. */
    public IntegerProperty frameSizeProperty() {
        return frameSize;
    }
}

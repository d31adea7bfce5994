// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.FrameExport;
import dev.costbench.media.VideoAnalysis;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.TaskExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Thumbnails of the frames a sampling strategy keeps (up to 24, spread over them), decoded on a latest-wins lane. */
public final class AvThumbnails implements AutoCloseable {

    /** One frame of the strip and its time in seconds. */
    public record Thumbnail(BufferedImage image, double seconds) {}

    static final int MAX = 24;
    private final TaskExecutor.Lane lane;
    private final ObservableList<Thumbnail> items = FXCollections.observableArrayList();
    private final ObservableList<Thumbnail> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper more = new ReadOnlyIntegerWrapper(this, "more");
    private Job<List<BufferedImage>> current;

    AvThumbnails(TaskExecutor tasks) {
        this.lane = tasks.lane("media thumbnails");
    }

    /** Decodes thumbnails of {@code picked} frames of {@code video}; replaces any decoding not begun yet. */
    void load(Path video, VideoAnalysis.Scan scan, int[] picked) {
        cancel();
        int n = Math.min(MAX, picked.length);
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = scan.times()[picked[(int) ((long) i * picked.length / Math.max(1, n))]];
        }
        Job<List<BufferedImage>> job = lane.task(p -> FrameExport.thumbnails(video, times, 160, p::isCancelled));
        current = job;
        job.onSuccess(imgs -> {
                    List<Thumbnail> out = new ArrayList<>();
                    for (int i = 0; i < imgs.size(); i++) {
                        out.add(new Thumbnail(imgs.get(i), times[i]));
                    }
                    items.setAll(out);
                    more.set(Math.max(0, picked.length - n));
                })
                .onFailure(e -> {
                    // A strip that cannot be decoded stays as it was; the prices do not depend on it.
                })
                .start();
    }

    void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    void clear() {
        cancel();
        items.clear();
        more.set(0);
    }

    public ObservableList<Thumbnail> items() {
        return readOnlyItems;
    }

    /** How many chosen frames have no thumbnail ("… 12 more"). */
    public ReadOnlyIntegerProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    @Override
    public void close() {
        cancel();
        lane.close();
    }
}

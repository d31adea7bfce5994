// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Remembers where the user put the dividers of every split pane in the window: saved in the preferences on each
 * change, restored when the pane is first seen (also in the next session). A pane is known by the tab it is in and
 * its id, or its place among the tab's split panes. Positions are fractions of the pane, so a smaller window keeps
 * the proportions; each is kept between 5 % and 95 % so that no side disappears. FX thread only.
 */
final class SplitMemory {

    private static final double MIN = 0.05;
    private static final double MAX = 0.95;

    private final Preferences prefs;
    private final Set<SplitPane> followed = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean paused;

    SplitMemory(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Restores and then follows the split panes under {@code root} not followed yet ({@code where}: the tab). */
    void attach(String where, Node root) {
        List<SplitPane> found = new ArrayList<>();
        walk(root, found);
        for (int i = 0; i < found.size(); i++) {
            SplitPane s = found.get(i);
            String key = where + "/" + (s.getId() != null ? s.getId() : "split-" + i);
            if (followed.add(s)) {
                restore(key, s);
                follow(key, s);
            }
        }
    }

    /** While paused (focus mode moves panes around) changes are not saved. */
    void paused(boolean p) {
        paused = p;
    }

    private void restore(String key, SplitPane s) {
        String saved = prefs.get(key, null);
        if (saved == null) {
            return;
        }
        double[] p;
        try {
            p = Arrays.stream(saved.split(",")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            prefs.remove(key); // not ours any more: the pane keeps its default
            return;
        }
        if (p.length != s.getDividers().size()) {
            return; // the pane has changed since: its default is better than a guess
        }
        s.setDividerPositions(clamp(p));
    }

    /** Keeps positions inside the pane and in order. */
    static double[] clamp(double[] p) {
        double[] out = new double[p.length];
        double low = MIN;
        for (int i = 0; i < p.length; i++) {
            double v = Double.isFinite(p[i]) ? p[i] : 0.5;
            out[i] = Math.max(low, Math.min(MAX, v));
            low = out[i];
        }
        return out;
    }

    private void follow(String key, SplitPane s) {
        Runnable save = () -> {
            if (!paused && !s.getDividers().isEmpty()) {
                prefs.put(
                        key,
                        Arrays.stream(clamp(s.getDividerPositions()))
                                .mapToObj(d -> String.format(Locale.ROOT, "%.4f", d))
                                .collect(Collectors.joining(",")));
            }
        };
        Runnable listen =
                () -> s.getDividers().forEach(d -> d.positionProperty().addListener(o -> save.run()));
        listen.run();
        s.getDividers().addListener((ListChangeListener<SplitPane.Divider>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(d -> d.positionProperty().addListener(o -> save.run()));
            }
        });
    }

    private static void walk(Node n, List<SplitPane> out) {
        if (n == null) {
            return;
        }
        if (n instanceof SplitPane s) {
            out.add(s);
            s.getItems().forEach(i -> walk(i, out));
            return;
        }
        if (n instanceof ScrollPane sp) {
            walk(sp.getContent(), out);
            return;
        }
        if (n instanceof TabPane tp) {
            for (Tab t : tp.getTabs()) {
                walk(t.getContent(), out);
            }
            return;
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, out));
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/**
 * Icons drawn from vector paths that ship inside the app, so they look the same on every machine: an emoji or a
 * symbol from a font shows as an empty box where no font has it. The paths are Google's Material Icons (Apache
 * License 2.0), on a 24 × 24 grid.
 */
public final class Icons {

    private static final String THUMB_UP = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79"
            + "-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09"
            + "-.23.14-.47.14-.73v-2z";
    private static final String THUMB_DOWN = "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0"
            + " 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1"
            + "-.9-2-2-2zm4 0v12h4V3h-4z";

    private Icons() {}

    /** A thumbs-up, 16 px, in the text colour of the control it sits on. */
    public static Node thumbUp() {
        return icon(THUMB_UP);
    }

    /** A thumbs-down, 16 px, in the text colour of the control it sits on. */
    public static Node thumbDown() {
        return icon(THUMB_DOWN);
    }

    private static Node icon(String path) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        Region r = new Region();
        r.setShape(svg);
        r.setMinSize(16, 16);
        r.setPrefSize(16, 16);
        r.setMaxSize(16, 16);
        r.getStyleClass().add("icon");
        return r;
    }
}

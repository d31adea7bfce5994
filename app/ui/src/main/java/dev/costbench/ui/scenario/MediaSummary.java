// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.ImageInput;
import dev.costbench.model.scenario.RequestType;
import java.util.ArrayList;
import java.util.List;

/** The media a request type sends, in a line: "2 image(s) 1024×768; video 1 h at 1 fps, 1280×720, with audio". */
final class MediaSummary {

    private MediaSummary() {}

    static String of(RequestType t) {
        List<String> m = new ArrayList<>();
        for (ImageInput i : t.images()) {
            m.add(i.count().stripTrailingZeros().toPlainString() + " image(s) " + i.width() + "×" + i.height());
        }
        if (t.audio() != null) {
            m.add("audio " + t.audio().seconds().stripTrailingZeros().toPlainString() + " s");
        }
        if (t.video() != null) {
            m.add("video " + t.video().hours().stripTrailingZeros().toPlainString() + " h at "
                    + (t.video().fps() == null
                            ? "1"
                            : t.video().fps().stripTrailingZeros().toPlainString()) + " fps"
                    + (t.video().width() > 0
                            ? ", " + t.video().width() + "×" + t.video().height()
                            : "")
                    + (t.video().audio() ? ", with audio" : ""));
        }
        return m.isEmpty() ? "none (text only)" : String.join("; ", m);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import java.io.IOException;

/** A price file that is not in its source's format: where (the JSON path) and what is wrong. Nothing was written. */
public final class ImportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public ImportException(String origin, String path, String problem) {
        super(origin + ": " + (path.isEmpty() ? "" : "at " + path + ": ") + problem + "; nothing was imported");
        this.path = path;
    }

    /** The JSON path of the problem ({@code $.data[3].pricing}); empty for the whole file. */
    public String path() {
        return path;
    }
}

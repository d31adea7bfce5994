// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import dev.costbench.model.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;

/** Turns one source's price file into proposed catalog prices; nothing is written. */
@FunctionalInterface
public interface PriceImporter {

    /**
     * Reads the file.
     *
     * @param in       the file's content
     * @param origin   its name or address, kept in the source's description
     * @param existing the catalog in force (models it knows keep their tier and tokenizer)
     * @throws ImportException when the file is not in the source's format (the message names the JSON path)
     */
    Proposal read(InputStream in, String origin, Catalog existing) throws IOException;
}

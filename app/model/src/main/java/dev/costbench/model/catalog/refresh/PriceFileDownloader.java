// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import java.io.IOException;
import java.net.URI;

/**
 * Downloads a price file from an address the user typed (never on its own, never at start). Implemented with
 * OkHttp in app/providers: http(s) only, a size limit and a timeout.
 */
@FunctionalInterface
public interface PriceFileDownloader {

    /** Largest file accepted: LiteLLM's full price list is about 1.6 MB. */
    long MAX_BYTES = 25_000_000L;

    /**
     * The file's bytes.
     *
     * @throws IOException saying what went wrong (the address, an HTTP status, too large, too slow) and what to do
     */
    byte[] download(URI url) throws IOException;
}

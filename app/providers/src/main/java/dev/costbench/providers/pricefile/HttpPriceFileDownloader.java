// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.pricefile;

import dev.costbench.model.catalog.refresh.PriceFileDownloader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Fetches a public price file (no credentials are sent) with a size limit and a timeout. */
public final class HttpPriceFileDownloader implements PriceFileDownloader {

    private final OkHttpClient client;
    private final long maxBytes;
    private final Duration timeout;

    /** The defaults: {@link #MAX_BYTES} and 60 seconds for the whole download. */
    public HttpPriceFileDownloader() {
        this(MAX_BYTES, Duration.ofSeconds(60));
    }

    public HttpPriceFileDownloader(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(Duration.ofSeconds(Math.min(15, Math.max(1, timeout.toSeconds()))))
                .followRedirects(true)
                .build();
    }

    @Override
    public byte[] download(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        HttpUrl http = scheme.equals("http") || scheme.equals("https") ? HttpUrl.parse(url.toString()) : null;
        if (http == null) {
            throw new IOException(url + " is not a web address: give an http:// or https:// URL, or a file");
        }
        Request request = new Request.Builder().url(http).get().build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(url + " answered HTTP " + response.code()
                        + (response.message().isEmpty() ? "" : " " + response.message())
                        + ": check the address, or download the file and import it from disk");
            }
            ResponseBody body = response.body();
            if (body.contentLength() > maxBytes) {
                throw tooLarge(url);
            }
            try (InputStream in = body.byteStream()) {
                return readAtMost(in, url);
            }
        } catch (InterruptedIOException e) {
            throw new IOException(
                    url + " did not answer within " + timeout.toSeconds()
                            + " seconds: try again later, or download the file and import it from disk",
                    e);
        }
    }

    private byte[] readAtMost(InputStream in, URI url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(url);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private IOException tooLarge(URI url) {
        return new IOException(
                url + " is larger than " + maxBytes / 1_000_000 + " MB, more than any price file: check the address");
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.http.HttpEngine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Gemini's Files API, for media too large to send inline: a resumable upload ({@code POST {upload
 * base}/files} with {@code X-Goog-Upload-Protocol: resumable} and {@code X-Goog-Upload-Command: start}, then the
 * bytes to the returned {@code X-Goog-Upload-URL} with {@code upload, finalize}), then {@code GET /files/{id}}
 * until the file is {@code ACTIVE} (videos are processed first). The upload base is the API base with
 * {@code /upload} before the version: {@code https://generativelanguage.googleapis.com/upload/v1beta}.
 *
 * <p>The two upload calls are made once, without the engine's retries but with its redirect rules (same origin
 * only) and deadline; the status check goes through the engine.
 * Uploaded files are not deleted: Google removes them after 48 hours.
 */
final class GeminiFiles {

    /** An uploaded file: its resource name ("files/abc"), the URI to cite in {@code file_data}, its MIME type. */
    record FileRef(String name, String uri, String mimeType) {}

    private static final Pattern VERSION = Pattern.compile("^(.*)/(v\\d+[a-z0-9]*)$");
    private final HttpEngine http;
    private Duration pollInterval = Duration.ofSeconds(2);

    GeminiFiles(HttpEngine http) {
        this.http = http;
    }

    GeminiFiles withPollInterval(Duration d) {
        this.pollInterval = d;
        return this;
    }

    /** {@code https://host/v1beta} → {@code https://host/upload/v1beta/files}. */
    static String uploadUrl(String baseUrl) {
        Matcher m = VERSION.matcher(baseUrl);
        return m.matches() ? m.group(1) + "/upload/" + m.group(2) + "/files" : baseUrl + "/upload/files";
    }

    /** {@code https://host/v1beta} and {@code files/x} → {@code https://host/download/v1beta/files/x:download?alt=media}. */
    static String downloadUrl(String baseUrl, String file) {
        Matcher m = VERSION.matcher(baseUrl);
        String root = m.matches() ? m.group(1) + "/download/" + m.group(2) : baseUrl + "/download";
        return root + "/" + file + ":download?alt=media";
    }

    FileRef upload(byte[] data, String mimeType, String displayName, CancelToken cancel) throws ProviderException {
        Request start = new Request.Builder()
                .url(uploadUrl(http.settings().baseUrl()))
                .headers(GeminiClient.headers(http))
                .header("X-Goog-Upload-Protocol", "resumable")
                .header("X-Goog-Upload-Command", "start")
                .header("X-Goog-Upload-Header-Content-Length", Long.toString(data.length))
                .header("X-Goog-Upload-Header-Content-Type", mimeType)
                .post(RequestBody.create(
                        "{\"file\":{\"display_name\":" + quote(displayName) + "}}",
                        MediaType.get("application/json; charset=utf-8")))
                .build();
        String target;
        try (Response r = execute(start, cancel)) {
            String raw = bodyOf(r);
            if (!r.isSuccessful()) {
                throw failure(r.code(), raw, "starting the file upload");
            }
            target = r.header("X-Goog-Upload-URL");
            if (target == null || target.isBlank()) {
                throw http.malformed(
                        "no X-Goog-Upload-URL header in the answer to the upload start", raw, r.code(), null);
            }
        } catch (IOException e) {
            throw transport(e, cancel);
        }
        Request upload = new Request.Builder()
                .url(target)
                .header("X-Goog-Upload-Offset", "0")
                .header("X-Goog-Upload-Command", "upload, finalize")
                .post(RequestBody.create(data, MediaType.parse(mimeType)))
                .build();
        JsonNode file;
        try (Response r = execute(upload, cancel)) {
            String raw = bodyOf(r);
            if (!r.isSuccessful()) {
                throw failure(r.code(), raw, "uploading the file");
            }
            file = http.parse(raw, r.code()).path("file");
            if (!file.path("uri").isTextual() || !file.path("name").isTextual()) {
                throw http.malformed("the upload answer has no file.uri", raw, r.code(), null);
            }
        } catch (IOException e) {
            throw transport(e, cancel);
        }
        return awaitActive(file, mimeType, cancel);
    }

    /** Polls {@code GET /files/{id}} while the state is PROCESSING; FAILED is an error. */
    private FileRef awaitActive(JsonNode file, String mimeType, CancelToken cancel) throws ProviderException {
        long deadline = System.nanoTime() + http.settings().callTimeout().toNanos();
        while ("PROCESSING".equals(file.path("state").asText())) {
            if (System.nanoTime() > deadline) {
                throw new ProviderException(
                        ProviderId.GEMINI,
                        Kind.TIMEOUT,
                        0,
                        "Google Gemini was still processing "
                                + "the uploaded file " + file.path("name").asText() + " after "
                                + http.settings().callTimeout().toSeconds() + " s; try again later",
                        null,
                        null,
                        null);
            }
            sleep(cancel);
            file = http.getJson("/" + file.path("name").asText(), GeminiClient.headers(http), cancel)
                    .json();
        }
        if ("FAILED".equals(file.path("state").asText())) {
            throw new ProviderException(
                    ProviderId.GEMINI,
                    Kind.BAD_REQUEST,
                    200,
                    "Google Gemini could not process " + "the uploaded file (state FAILED"
                            + errorText(file.path("error")) + ")",
                    null,
                    http.redact(file.toString()),
                    null);
        }
        String mime = file.path("mimeType").asText(mimeType);
        return new FileRef(file.path("name").asText(), file.path("uri").asText(), mime.isEmpty() ? mimeType : mime);
    }

    private void sleep(CancelToken cancel) throws ProviderException {
        long end = System.nanoTime() + pollInterval.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (cancel.isCancelled()) {
                    break;
                }
                Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
        }
        if (cancel.isCancelled()) {
            throw cancelled();
        }
    }

    private Response execute(Request req, CancelToken cancel) throws IOException, ProviderException {
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        return http.sendOnce(req, cancel); // same-origin redirects only, like every other call
    }

    private ProviderException failure(int status, String raw, String step) {
        String detail = errorText(safeParse(raw).path("error"));
        Kind kind;
        String msg;
        if (status == 401 || status == 403 || GeminiClient.isKeyError(raw)) {
            kind = Kind.AUTH;
            msg = "Google Gemini rejected the API key (" + status + ") while " + step + detail
                    + ". Check the key in the Providers tab or " + ProviderId.GEMINI.keyVariable();
        } else if (status == 429) {
            kind = Kind.RATE_LIMIT;
            msg = "Google Gemini is rate-limiting uploads (429)" + detail;
        } else if (status >= 500) {
            kind = Kind.SERVER;
            msg = "Google Gemini had a server error (" + status + ") while " + step + detail
                    + "; it is usually temporary";
        } else if (status >= 300 && status < 400) {
            kind = Kind.BAD_REQUEST;
            msg = "Google Gemini answered with a redirect (" + status + ") that CostBench does not follow while "
                    + step + ". Check the base URL (" + http.settings().baseUrl() + "; "
                    + ProviderId.GEMINI.baseUrlVariable() + ", --base-url or the Providers tab)";
        } else {
            kind = Kind.BAD_REQUEST;
            msg = "Google Gemini refused the file (" + status + ") while " + step + detail;
        }
        return new ProviderException(ProviderId.GEMINI, kind, status, http.redact(msg), null, http.redact(raw), null);
    }

    private ProviderException transport(IOException e, CancelToken cancel) {
        if (cancel.isCancelled()) {
            return cancelled();
        }
        boolean timeout = e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException
                        && String.valueOf(e.getMessage())
                                .toLowerCase(Locale.ROOT)
                                .contains("timeout"));
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new ProviderException(
                ProviderId.GEMINI,
                timeout ? Kind.TIMEOUT : Kind.NETWORK,
                0,
                http.redact("The file upload to Google Gemini failed (" + what + ")"),
                null,
                null,
                e);
    }

    private static ProviderException cancelled() {
        return new ProviderException(ProviderId.GEMINI, Kind.CANCELLED, 0, "Cancelled", null, null, null);
    }

    private static String errorText(JsonNode error) {
        String m = error.path("message").asText("");
        return m.isEmpty() ? "" : ": " + m;
    }

    private static JsonNode safeParse(String raw) {
        try {
            JsonNode n = HttpEngine.mapper().readTree(raw);
            return n == null ? HttpEngine.mapper().missingNode() : n;
        } catch (IOException notJson) {
            return HttpEngine.mapper().missingNode();
        }
    }

    private static String bodyOf(Response r) throws IOException {
        ResponseBody b = r.body();
        return b == null ? "" : b.string();
    }

    private static String quote(String s) {
        try {
            return HttpEngine.mapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

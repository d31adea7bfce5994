// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A speech-to-text service priced per audio minute (whisper-1, the gpt-4o transcribe models, a local Whisper), the
 * alternative to sending audio to a multimodal model as tokens (seed 001: "a dedicated Whisper API call ($0.006 per
 * minute) is far cheaper"; seed 000 §2.2 routes by clip length). The built-in list is
 * {@code resources/pricing/transcription.json}.
 *
 * @param roundingSeconds the billing granularity (1: to the nearest second; 0: not metered)
 */
public record Transcription(
        String id,
        String name,
        String provider,
        BigDecimal perMinute,
        int roundingSeconds,
        PriceStatus status,
        String source,
        String note) {

    public static final String BUILT_IN = "/pricing/transcription.json";

    /** The cost of transcribing {@code seconds} of audio, exact. */
    public BigDecimal cost(double seconds) {
        if (seconds < 0 || Double.isNaN(seconds)) {
            throw new IllegalArgumentException("seconds must be a non-negative number");
        }
        BigDecimal billed = roundingSeconds <= 0
                ? BigDecimal.valueOf(seconds)
                : BigDecimal.valueOf(Math.round(seconds / roundingSeconds) * (long) roundingSeconds);
        return perMinute
                .multiply(billed)
                .divide(BigDecimal.valueOf(60), 12, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /** How the figure is computed, for a table's "how" column. */
    public String method(double seconds) {
        return String.format(
                Locale.ROOT,
                "transcription: %.1f min × $%s/min%s%s",
                seconds / 60,
                perMinute.stripTrailingZeros().toPlainString(),
                roundingSeconds == 1 ? " (billed to the nearest second)" : "",
                status == PriceStatus.LISTED ? "" : " — " + status.name() + ": " + note);
    }

    /** The built-in list. */
    public static List<Transcription> builtIn() {
        try (InputStream in = Transcription.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            return read(JsonReading.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Transcription> read(JsonNode root) {
        List<Transcription> out = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            String id = m.path("id").asText("");
            if (id.isEmpty() || !m.path("perMinute").isNumber()) {
                throw new IllegalArgumentException("transcription entry without id or numeric perMinute: " + m);
            }
            out.add(new Transcription(
                    id,
                    m.path("name").asText(id),
                    m.path("provider").asText(""),
                    m.path("perMinute").decimalValue(),
                    m.path("roundingSeconds").asInt(1),
                    PriceStatus.valueOf(m.path("status").asText("LISTED")),
                    m.path("source").asText(""),
                    m.path("note").asText("")));
        }
        return List.copyOf(out);
    }
}

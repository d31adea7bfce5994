// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.PriceStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptionTest {

    private static Transcription find(String id) {
        return Transcription.builtIn().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void whisperIsSixTenthsOfACentPerMinuteBilledToTheSecond() {
        Transcription w = find("whisper-1");
        assertEquals(0, new BigDecimal("0.006").compareTo(w.cost(60)));
        assertEquals(0, new BigDecimal("0.36").compareTo(w.cost(3600))); // one hour
        assertEquals(0, new BigDecimal("0.0001").compareTo(w.cost(1.4))); // 1 s billed
        assertEquals(0, new BigDecimal("0.0002").compareTo(w.cost(1.6))); // 2 s billed
    }

    @Test
    void tokenBilledModelsStayMarkedUnconfirmed() {
        List<Transcription> all = Transcription.builtIn();
        assertEquals(PriceStatus.UNCONFIRMED, find("gpt-4o-transcribe").status());
        assertTrue(find("gpt-4o-mini-transcribe").method(60).contains("UNCONFIRMED"));
        assertTrue(find("gpt-4o-mini-transcribe").method(60).contains("CONFLICT"));
        assertEquals(0, find("local-whisper").cost(3600).signum());
        assertTrue(all.size() >= 4);
    }
}

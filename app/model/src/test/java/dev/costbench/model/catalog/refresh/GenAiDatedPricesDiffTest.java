// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * genai-prices' dated price lists ({@code prices} with {@code start_date} constraints) on the trimmed real fixture,
 * against the built-in catalog: the value in force on the review's date decides; later values are scheduled changes.
 */
class GenAiDatedPricesDiffTest {

    private static CatalogDiff diff(LocalDate date) throws IOException {
        Proposal p = ImportersTest.fixture(ImportSource.GENAI_PRICES, "genai-prices-data_slim.json");
        return CatalogDiff.of(ImportersTest.BUILT_IN, List.of(p), date);
    }

    private static List<DiffRow> rows(CatalogDiff d, String id) {
        return d.rows().stream().filter(r -> r.modelId().equals(id)).toList();
    }

    private static DiffRow row(CatalogDiff d, String id, PriceKind k) {
        return rows(d, id).stream()
                .filter(r -> r.field().kind() == k && !r.field().longContext())
                .findFirst()
                .orElse(null);
    }

    @Test
    void aPastPriceChangeWhoseCurrentValueIsOursIsNoConflict() throws IOException {
        // o3: genai-prices lists $10 until 2025-06-09 and $2 from 2025-06-10 (output $40 → $8); the catalog has the
        // $2 / $8 in force now: nothing to review.
        CatalogDiff d = diff(LocalDate.of(2026, 12, 7));
        assertEquals(List.of(), rows(d, "o3"), () -> rows(d, "o3").toString());
    }

    @Test
    void laterValuesAreScheduledChangesFromTheirDate() throws IOException {
        // Reviewed on 2026-08-15, Claude Sonnet 5's $2.00 input in force agrees with the catalog; the $3.00 from
        // 2026-09-01 is a scheduled change, not a CONFLICT.
        CatalogDiff d = diff(LocalDate.of(2026, 8, 15));
        DiffRow input = row(d, "claude-sonnet-5", PriceKind.INPUT);
        assertEquals(Change.SCHEDULED, input.change(), input.toString());
        assertEquals("$2.00 until 2026-08-31, $3.00 from 2026-09-01", input.newText());
        assertEquals("$2.00", input.oldText());
        assertEquals(
                Change.SCHEDULED, row(d, "claude-sonnet-5", PriceKind.OUTPUT).change());
        assertTrue(d.summary().endsWith(", 4 scheduled"), d.summary());
        assertEquals(List.of(), rows(d, "o3"));
    }

    @Test
    void aCurrentValueThatDisagreesStaysAConflictShownFromToday() throws IOException {
        // On 2026-12-07 genai-prices says $3.00 (since 2026-09-01), the catalog $2.00: the sources disagree.
        CatalogDiff d = diff(LocalDate.of(2026, 12, 7));
        DiffRow input = row(d, "claude-sonnet-5", PriceKind.INPUT);
        assertEquals(Change.CONFLICT, input.change());
        assertEquals("$3.00", input.newText(), "the history before the review's date is left out");
    }
}

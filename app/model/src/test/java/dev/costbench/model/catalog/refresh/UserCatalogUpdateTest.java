// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCatalogUpdateTest {

    @TempDir
    Path dir;

    private Catalog layered(Path user) {
        return CatalogBuilder.build(List.of(
                CatalogDiffTest.file("base", CatalogDiffTest.BASE, Origin.BUILT_IN),
                CatalogReader.read(user, Origin.USER)));
    }

    @Test
    void acceptingASubsetWritesOnlyThoseRowsWithTheirSource() throws IOException {
        Path user = dir.resolve("catalog.json");
        Files.writeString(user, CatalogDiffTest.USER);
        Proposal p = CatalogDiffTest.genAi();
        CatalogDiff d = CatalogDiff.of(CatalogDiffTest.current(), List.of(p));
        List<DiffRow> accepted = List.of(
                CatalogDiffTest.row(d, "gpt-new", PriceKind.INPUT),
                CatalogDiffTest.row(d, "gpt-new", PriceKind.OUTPUT),
                CatalogDiffTest.row(d, "mistral-z", PriceKind.INPUT),
                CatalogDiffTest.row(d, "gpt-y", PriceKind.OUTPUT),
                CatalogDiffTest.row(d, "gpt-y", PriceKind.CACHED_INPUT));
        UserCatalogUpdate.apply(user, CatalogDiffTest.current(), List.of(p), accepted);

        Catalog after = layered(user);
        assertTrue(after.problems().isEmpty(), after.problems().toString());
        ModelEntry added = after.find("gpt-new").orElseThrow();
        assertEquals(
                0,
                new BigDecimal("2")
                        .compareTo(added.prices().get(PriceKind.INPUT).perMTok()));
        assertEquals("GP-import", added.prices().get(PriceKind.INPUT).source());
        ModelEntry mistral = after.find("mistral-z").orElseThrow();
        assertEquals(
                0,
                new BigDecimal("0.25")
                        .compareTo(mistral.prices().get(PriceKind.INPUT).perMTok()));
        assertEquals(
                0,
                new BigDecimal("0.6")
                        .compareTo(mistral.prices().get(PriceKind.OUTPUT).perMTok()));
        ModelEntry y = after.find("gpt-y").orElseThrow();
        assertEquals(PriceStatus.CONFLICT, y.prices().get(PriceKind.OUTPUT).status());
        assertEquals(
                0,
                new BigDecimal("4")
                        .compareTo(
                                y.prices().get(PriceKind.OUTPUT).alternatives().get(0)));
        assertFalse(y.prices().containsKey(PriceKind.CACHED_INPUT)); // removed
        assertTrue(Files.readString(dir.resolve("catalog.json.bak")).contains("mistral-z"));
        assertTrue(Files.readString(user).contains("\"GP-import\""));
    }

    @Test
    void aUserCatalogThatIsNotJsonIsLeftAsItIs() throws IOException {
        Path user = dir.resolve("catalog.json");
        Files.writeString(user, "{ not json");
        Proposal p = CatalogDiffTest.genAi();
        CatalogDiff d = CatalogDiff.of(CatalogDiffTest.current(), List.of(p));
        IOException e = assertThrows(
                IOException.class,
                () -> UserCatalogUpdate.apply(user, CatalogDiffTest.current(), List.of(p), d.rows()));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertEquals("{ not json", Files.readString(user));
        assertEquals(List.of("catalog.json"), names());
    }

    @Test
    void aChangeThatWouldNotLoadIsRefusedWhole() throws IOException {
        Path user = dir.resolve("catalog.json");
        Proposal p = CatalogDiffTest.genAi();
        CatalogDiff d = CatalogDiff.of(CatalogDiffTest.current(), List.of(p));
        DiffRow ok = CatalogDiffTest.row(d, "gpt-new", PriceKind.INPUT);
        DiffRow broken = new DiffRow(
                "ghost",
                "ghost",
                "",
                ok.field(),
                Change.ADDED,
                null,
                null,
                SheetPrice.of(Price.listed(new BigDecimal("-1"), "GP-import", "2026-12-07", "", Origin.USER)),
                "genai-prices",
                List.of(),
                null);
        IOException e = assertThrows(
                IOException.class,
                () -> UserCatalogUpdate.apply(user, CatalogDiffTest.current(), List.of(p), List.of(ok, broken)));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertFalse(Files.exists(user));
        assertTrue(names().isEmpty(), names().toString());
    }

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}

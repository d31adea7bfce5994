// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tokens.EncodedText;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.TokenDisplay;
import dev.costbench.model.tokens.TokenPiece;
import dev.costbench.model.tuning.TokenTax;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code costbench tokens FILE --show} (the pieces with their ids and spans) and {@code costbench tokens FILE --tax}
 * (the same text under every tokenizer, by content kind, with each model's input cost).
 */
final class TokensCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;

    TokensCommand(PrintStream out) {
        this.out = out;
    }

    int show(String text, Encoding enc, boolean json) {
        EncodedText t = EncodedText.encode(enc, text);
        int bytes = t.size() == 0 ? 0 : t.byteEnd(t.size() - 1);
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("encoding", enc.id());
            o.put("tokens", t.size());
            o.put("chars", text.length());
            o.put("bytes", bytes);
            ArrayNode pieces = o.putArray("pieces");
            for (TokenPiece p : t.pieces()) {
                ObjectNode n = pieces.addObject();
                ArrayNode ids = n.putArray("ids");
                for (int i = p.firstToken(); i < p.endToken(); i++) {
                    ids.add(t.id(i));
                }
                n.put("text", p.of(text));
                n.put("charStart", p.charStart());
                n.put("charEnd", p.charEnd());
                n.put("byteStart", p.byteStart());
                n.put("byteEnd", p.byteEnd());
            }
            out.println(o.toPrettyString());
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %,d tokens, %,d chars, %,d bytes%n", enc.id(), t.size(), text.length(), bytes);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "ID", "CHARS", "BYTES", "TEXT"});
        for (int k = 0; k < t.pieceCount(); k++) {
            TokenPiece p = t.piece(k);
            rows.add(new String[] {Integer.toString(p.firstToken()), TokenDisplay.ids(t, p),
                p.charStart() + "-" + p.charEnd(), p.byteStart() + "-" + p.byteEnd(),
                TokenDisplay.visible(p.of(text)) + (p.splitsCharacter()
                        ? "   (" + p.tokenCount() + " tokens split this character)" : "")});
        }
        out.print(TuneCommand.Table.render(rows, 0));
        return 0;
    }

    int tax(String text, List<ModelEntry> models, BillingOptions billing, boolean json) {
        if (models.isEmpty()) {
            throw new UsageException("no models to compare");
        }
        TokenTax tax = TokenTax.of(List.of(text), models, billing);
        if (json) {
            out.println(json(tax).toPrettyString());
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("TOKENIZER"));
        for (TokenTax.Row r : tax.rows()) {
            head.add(r.label().toUpperCase(Locale.ROOT) + " (" + String.format(Locale.ROOT, "%,d", r.chars())
                    + " chars)");
        }
        rows.add(head.toArray(new String[0]));
        for (int f = 0; f < tax.families().size(); f++) {
            TokenTax.Family fam = tax.families().get(f);
            List<String> line = new ArrayList<>(List.of(fam.label() + (fam.unconfirmed() ? " *" : "")));
            for (TokenTax.Row r : tax.rows()) {
                line.add(cell(r, f, fam.exact()));
            }
            rows.add(line.toArray(new String[0]));
        }
        out.print(TuneCommand.Table.render(rows, 1));
        out.println("Cells: tokens, chars per token, % more tokens than the base: the cheapest exact tokenizer of the column.");
        out.println("≈ estimate; * the estimate's ratio is UNCONFIRMED. Methods:");
        for (TokenTax.Family fam : tax.families()) {
            out.println("  " + fam.tokenizer() + ": " + fam.method());
        }
        out.println();
        out.println("Input cost of this text (one request, no chat framing, no cache):");
        List<String[]> costs = new ArrayList<>();
        costs.add(new String[] {"MODEL", "TOKENIZER", "TOKENS", "INPUT $", "NOTES"});
        for (TokenTax.ModelCost c : tax.costs()) {
            costs.add(new String[] {c.model().id(), c.family().tokenizer(),
                (c.family().exact() ? "" : "≈") + String.format(Locale.ROOT, "%,d", c.tokens()),
                Money.format(c.usd()), c.unconfirmed() ? "price UNCONFIRMED/CONFLICT" : ""});
        }
        out.print(TuneCommand.Table.render(costs, 2));
        return 0;
    }

    private static String cell(TokenTax.Row r, int f, boolean exact) {
        TokenTax.Cell c = r.cells().get(f);
        String tax = f == r.cheapest() ? "base" : String.format(Locale.ROOT, "%+.1f %%", c.taxPercent());
        return String.format(Locale.ROOT, "%s%,d · %.2f c/t · %s", exact ? "" : "≈", c.tokens(), c.charsPerToken(),
                tax);
    }

    private static ObjectNode json(TokenTax tax) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode fams = o.putArray("tokenizers");
        for (TokenTax.Family f : tax.families()) {
            ObjectNode n = fams.addObject();
            n.put("tokenizer", f.tokenizer());
            n.put("label", f.label());
            n.put("exact", f.exact());
            n.put("unconfirmed", f.unconfirmed());
            n.put("method", f.method());
            n.put("models", f.models().size());
        }
        ArrayNode rows = o.putArray("rows");
        for (TokenTax.Row r : tax.rows()) {
            ObjectNode n = rows.addObject();
            n.put("kind", r.kind() == null ? "whole" : r.kind().name().toLowerCase(Locale.ROOT));
            n.put("chars", r.chars());
            n.put("cheapest", tax.families().get(r.cheapest()).tokenizer());
            ArrayNode cells = n.putArray("counts");
            for (int f = 0; f < r.cells().size(); f++) {
                TokenTax.Cell c = r.cells().get(f);
                ObjectNode cn = cells.addObject();
                cn.put("tokenizer", tax.families().get(f).tokenizer());
                cn.put("tokens", c.tokens());
                cn.put("charsPerToken", Math.round(c.charsPerToken() * 1000) / 1000.0);
                cn.put("taxPercent", Math.round(c.taxPercent() * 10) / 10.0);
            }
        }
        ArrayNode costs = o.putArray("costs");
        for (TokenTax.ModelCost c : tax.costs()) {
            ObjectNode n = costs.addObject();
            n.put("model", c.model().id());
            n.put("tokenizer", c.family().tokenizer());
            n.put("tokens", c.tokens());
            n.put("exact", c.family().exact());
            n.put("inputUsd", Money.exact(c.usd()));
            n.put("priceUnconfirmed", c.unconfirmed());
        }
        return o;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Fmt;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.Table;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tokens.EncodedText;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.HfTokenizer;
import dev.costbench.model.tokens.TokenDisplay;
import dev.costbench.model.tokens.TokenPiece;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.TokenTax;
import dev.costbench.model.validation.JsonReading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * {@code costbench tokens}: the token count of a text of any size (in blocks), of each line of a JSONL file
 * ({@code --jsonl}), the pieces with their ids and spans ({@code --show}), or the same text under every tokenizer, by
 * content kind, with each model's input cost ({@code --tax}); {@code --show} and {@code --tax} read at most
 * {@link Input#MAX_LOOK_BYTES}.
 */
public final class TokensCommand {

    public static final Args.Options TOKENS = Args.Options.of(
            "tokens", Set.of("encoding", "file", "models"), Set.of("jsonl", "show", "tax", "json", "batch"));

    private final Context ctx;
    private final PrintStream out;

    public TokensCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    public int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, TOKENS);
        if (a.positional.size() > 1 || (a.positional.size() == 1 && a.get("file") != null)) {
            throw new UsageException("tokens takes one file: costbench tokens FILE [--show|--tax] (or --file F)");
        }
        String input = a.positional.isEmpty() ? a.get("file") : a.positional.get(0);
        boolean show = a.flag("show");
        boolean tax = a.flag("tax");
        if (show && tax) {
            throw new UsageException("give --show or --tax, not both");
        }
        if ((show || tax) && a.flag("jsonl")) {
            throw new UsageException("--jsonl counts many texts; --show and --tax look at one file");
        }
        if (!show && !tax && (a.flag("json") || a.get("models") != null || a.flag("batch"))) {
            throw new UsageException("--json, --models and --batch go with --show or --tax");
        }
        if (tax) {
            if (a.get("encoding") != null) {
                throw new UsageException("--tax compares every tokenizer; --encoding goes with --show or a count");
            }
            return tax(
                    ctx.input().text(input == null ? "-" : input, Input.MAX_LOOK_BYTES, "tokens --tax"),
                    ctx.models(a.get("models")),
                    a.flag("batch") ? BillingOptions.BATCH : BillingOptions.INTERACTIVE,
                    a.flag("json"));
        }
        if (a.get("models") != null || a.flag("batch")) {
            throw new UsageException("--models and --batch go with --tax");
        }
        String encName = a.get("encoding");
        if (encName == null && !show) {
            throw new UsageException("tokens needs --encoding o200k_base|cl100k_base|o200k_harmony"
                    + "|qwen3|deepseek-v3|llama3|gemma3|PATH/tokenizer.json");
        }
        if (encName != null && OpenEncodingCount.isOpen(encName)) {
            if (show) {
                throw new UsageException("--show works with o200k_base, cl100k_base and o200k_harmony; "
                        + "count with --encoding " + encName + " without --show");
            }
            return openCount(OpenEncodingCount.tokenizer(encName), input == null ? "-" : input, a.flag("jsonl"));
        }
        Encoding enc;
        try {
            enc = encName == null ? Encoding.O200K_BASE : Encoding.parse(encName);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (show) {
            return show(
                    ctx.input().text(input == null ? "-" : input, Input.MAX_LOOK_BYTES, "tokens --show"),
                    enc,
                    a.flag("json"));
        }
        String file = input == null ? "-" : input;
        if (!a.flag("jsonl")) {
            try (BufferedReader r = ctx.input().reader(file)) {
                out.println(ChunkedCount.count(enc, r));
            } catch (CharacterCodingException e) {
                throw Input.notText(file);
            }
            return 0;
        }
        return jsonl(file, text -> Tokenizers.count(enc, text));
    }

    /** {@code --encoding} an open model's tokenizer: the count of the input, or of each JSONL line's text. */
    private int openCount(HfTokenizer t, String file, boolean jsonl) throws IOException {
        if (jsonl) {
            return jsonl(file, t::count);
        }
        try (BufferedReader r = ctx.input().reader(file)) {
            out.println(OpenEncodingCount.count(t, r));
        } catch (CharacterCodingException e) {
            throw Input.notText(file);
        }
        return 0;
    }

    /** Prints {@code {"tokens":N}} for each line's {@code text}. */
    private int jsonl(String file, ToIntFunction<String> counter) throws IOException {
        try (BufferedReader r = ctx.input().reader(file)) {
            String line;
            int n = 0;
            StringBuilder buf = new StringBuilder();
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JsonReading.mapper().readTree(line);
                } catch (IOException e) {
                    String limit = JsonReading.limitBroken(e);
                    throw new UsageException("line " + n + ": " + (limit != null ? limit : "not valid JSON"));
                }
                JsonNode text = node == null ? null : node.get("text");
                if (text == null || !text.isTextual()) {
                    throw new UsageException("line " + n + ": expected an object with a string field \"text\"");
                }
                buf.setLength(0);
                out.append(buf.append("{\"tokens\":")
                        .append(counter.applyAsInt(text.asText()))
                        .append("}\n"));
                if (n % 1024 == 0 && out.checkError()) {
                    return 1; // run() says why
                }
            }
            out.flush();
        } catch (CharacterCodingException e) {
            throw Input.notText(file);
        }
        return 0;
    }

    private int show(String text, Encoding enc, boolean json) throws IOException {
        EncodedText t = EncodedText.encode(enc, text);
        int bytes = t.size() == 0 ? 0 : t.byteEnd(t.size() - 1);
        if (json) {
            ObjectNode o = Json.object();
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
            out.println(Json.pretty(o));
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %,d tokens, %,d chars, %,d bytes%n", enc.id(), t.size(), text.length(), bytes);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "ID", "CHARS", "BYTES", "TEXT"});
        for (int k = 0; k < t.pieceCount(); k++) {
            TokenPiece p = t.piece(k);
            rows.add(new String[] {
                Integer.toString(p.firstToken()),
                TokenDisplay.ids(t, p),
                p.charStart() + "-" + p.charEnd(),
                p.byteStart() + "-" + p.byteEnd(),
                TokenDisplay.visible(p.of(text))
                        + (p.splitsCharacter() ? "   (" + p.tokenCount() + " tokens split this character)" : "")
            });
        }
        out.print(Table.render(rows, 0));
        return 0;
    }

    private int tax(String text, List<ModelEntry> models, BillingOptions billing, boolean json) throws IOException {
        if (models.isEmpty()) {
            throw new UsageException("no models to compare");
        }
        TokenTax tax = TokenTax.of(List.of(text), models, billing);
        if (json) {
            out.println(Json.pretty(json(tax)));
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("TOKENIZER"));
        for (TokenTax.Row r : tax.rows()) {
            head.add(r.label().toUpperCase(Locale.ROOT) + " (" + Fmt.count(r.chars()) + " chars)");
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
        out.print(Table.render(rows, 1));
        out.println(
                "Cells: tokens, chars per token, % more tokens than the base: the cheapest exact tokenizer of the column.");
        out.println("≈ estimate; * the estimate's ratio is UNCONFIRMED. Methods:");
        for (TokenTax.Family fam : tax.families()) {
            out.println("  " + fam.tokenizer() + ": " + fam.method());
        }
        out.println();
        out.println("Input cost of this text (one request, no chat framing, no cache):");
        List<String[]> costs = new ArrayList<>();
        costs.add(new String[] {"MODEL", "TOKENIZER", "TOKENS", "INPUT $", "NOTES"});
        for (TokenTax.ModelCost c : tax.costs()) {
            costs.add(new String[] {
                c.model().id(),
                c.family().tokenizer(),
                (c.family().exact() ? "" : "≈") + Fmt.count(c.tokens()),
                Money.format(c.usd()),
                c.unconfirmed() ? "price UNCONFIRMED/CONFLICT" : ""
            });
        }
        out.print(Table.render(costs, 2));
        return 0;
    }

    private static String cell(TokenTax.Row r, int f, boolean exact) {
        TokenTax.Cell c = r.cells().get(f);
        String tax = f == r.cheapest() ? "base" : String.format(Locale.ROOT, "%+.1f %%", c.taxPercent());
        return String.format(
                Locale.ROOT, "%s%,d · %.2f c/t · %s", exact ? "" : "≈", c.tokens(), c.charsPerToken(), tax);
    }

    private static ObjectNode json(TokenTax tax) {
        ObjectNode o = Json.object();
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

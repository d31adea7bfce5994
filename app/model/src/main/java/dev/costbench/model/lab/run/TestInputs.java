// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test inputs from a file of variables: CSV (a header row of variable names, then one input per row; RFC 4180
 * quoting, so a quoted value may span lines) or JSONL (one JSON object per line, its properties the variables). A
 * column or property named {@code label} also names the input; otherwise inputs are labelled "row N" / "line N".
 * In JSONL, a property {@code turns} (an array of texts) is the input's conversation script, not a variable.
 * Files are UTF-8 (a byte-order mark is skipped).
 */
public final class TestInputs {

    private static final ObjectMapper JSON = JsonReading.mapper();

    private TestInputs() {}

    /** The JSONL property holding an input's conversation script. */
    static final String TURNS = "turns";

    /** Reads {@code file} as JSONL when its name ends in {@code .jsonl} or {@code .ndjson}, else as CSV. */
    public static List<ExperimentSpec.InputSpec> load(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new SpecException(file + ": not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String where = file.getFileName().toString();
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? jsonl(text, where) : csv(text, where);
    }

    /** Parses JSONL text; {@code where} names the source in messages. */
    public static List<ExperimentSpec.InputSpec> jsonl(String text, String where) {
        List<ExperimentSpec.InputSpec> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonReading.readTree(JSON, line);
            } catch (JsonProcessingException e) {
                String limit = JsonReading.limitBroken(e);
                throw new SpecException(where + " line " + (i + 1) + ": "
                        + (limit != null ? limit : "not valid JSON (" + e.getOriginalMessage() + ")"));
            }
            if (node == null || !node.isObject()) {
                throw new SpecException(where + " line " + (i + 1) + ": expected a JSON object of variables");
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(TURNS)) {
                    continue;
                }
                vars.put(
                        e.getKey(),
                        SpecJson.scalar(e.getValue(), where + " line " + (i + 1) + ", \"" + e.getKey() + "\""));
            }
            out.add(new ExperimentSpec.InputSpec(
                    vars.getOrDefault("label", "line " + (i + 1)),
                    vars,
                    SpecJsonV2.turns(node.get(TURNS), where + " line " + (i + 1) + ", \"" + TURNS + "\"")));
        }
        if (out.isEmpty()) {
            throw new SpecException(where + ": no inputs (the file has no JSON lines)");
        }
        return out;
    }

    /** Parses CSV text with a header row; {@code where} names the source in messages. */
    public static List<ExperimentSpec.InputSpec> csv(String text, String where) {
        List<List<String>> rows = parseCsv(text, where);
        if (rows.isEmpty()) {
            throw new SpecException(where + ": empty (a header row of variable names is needed)");
        }
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip();
            if (h.isEmpty()) {
                throw new SpecException(where + ": column " + (c + 1) + " of the header has no name");
            }
            if (header.subList(0, c).stream().anyMatch(x -> x.strip().equals(h))) {
                throw new SpecException(where + ": the column \"" + h + "\" appears twice in the header");
            }
        }
        List<ExperimentSpec.InputSpec> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (row.size() != header.size()) {
                throw new SpecException(
                        where + " row " + (r + 1) + ": " + row.size() + " values for " + header.size() + " columns");
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                vars.put(header.get(c).strip(), row.get(c));
            }
            out.add(new ExperimentSpec.InputSpec(vars.getOrDefault("label", "row " + r), vars));
        }
        if (out.isEmpty()) {
            throw new SpecException(where + ": no inputs (only a header row)");
        }
        return out;
    }

    /** RFC 4180: fields separated by commas, quoted with {@code "}, {@code ""} an escaped quote; CRLF or LF. */
    static List<List<String>> parseCsv(String text, String where) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
                line++;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new SpecException(where + ": a quoted value is not closed (opened before line " + line + ")");
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Fmt;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.Table;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tuning.PromptTuner;
import dev.costbench.model.tuning.Suggestion;
import dev.costbench.model.tuning.TextEdit;
import dev.costbench.model.tuning.TuneOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code costbench tune FILE}: the prompt-tuning suggestions with their savings, measured by counting. */
public final class TuneCommand {

    public static final Args.Options TUNE = Args.Options.of(
            "tune",
            Set.of("model", "monthly", "expected-output", "current-output"),
            Set.of("json", "drop-json-descriptions"));

    static final String DEFAULT_TUNE_MODEL = "gpt-5-mini";

    private final Context ctx;
    private final PrintStream out;

    public TuneCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    public int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, TUNE);
        if (a.positional.size() != 1) {
            throw new UsageException("tune needs one file: costbench tune prompt.txt [--model M]");
        }
        String text = read(a.positional.get(0));
        Catalog c = ctx.catalog();
        String id = a.get("model");
        ModelEntry model;
        if (id == null) {
            model = c.find(DEFAULT_TUNE_MODEL).orElseGet(() -> c.models().get(0));
        } else {
            model = c.find(id.trim())
                    .orElseThrow(() ->
                            new UsageException("unknown model '" + id + "' (costbench catalog list shows the ids)"));
        }
        long monthly = a.nonNegative("monthly", 100_000);
        Long expected = a.get("expected-output") == null ? null : a.nonNegative("expected-output", 0);
        Long current = a.get("current-output") == null ? null : a.nonNegative("current-output", 0);
        TuneOptions opts = TuneOptions.of(model, monthly)
                .withDropJsonDescriptions(a.flag("drop-json-descriptions"))
                .withOutput(expected, current);
        List<Suggestion> list = PromptTuner.suggest(text, opts);
        PromptTuner.Applied all = PromptTuner.applyAll(text, list);
        var before = ModelTokenCounter.count(model, List.of(TextStats.of(text)));
        var after = ModelTokenCounter.count(model, List.of(TextStats.of(all.text())));
        if (a.flag("json")) {
            ObjectNode root = Json.object();
            root.put("model", model.id());
            root.put("monthlyRequests", monthly);
            root.put("tokens", before.tokens());
            root.put("tokensExact", before.exact());
            root.put("tokensAfterAll", after.tokens());
            ArrayNode arr = root.putArray("suggestions");
            for (Suggestion s : list) {
                ObjectNode o = arr.addObject();
                o.put("id", s.id());
                o.put("kind", s.kind().name());
                o.put("title", s.title());
                o.put("detail", s.detail());
                ObjectNode saved = o.putObject("tokensSaved");
                for (Encoding e : PromptTuner.ENCODINGS) {
                    saved.put(e.id(), s.tokensSaved(e));
                }
                o.put("modelTokensSaved", s.modelTokensSaved());
                o.put("usdPerRequest", Money.exact(s.usdPerRequest()));
                o.put("usdPerMonth", Money.exact(s.usdPerMonth()));
                if (s.maxTokens() != null) {
                    o.put("maxTokens", s.maxTokens());
                }
                ArrayNode edits = o.putArray("edits");
                for (TextEdit e : s.edits()) {
                    ObjectNode eo = edits.addObject();
                    eo.put("start", e.start());
                    eo.put("end", e.end());
                    eo.put("original", e.original());
                    eo.put("replacement", e.replacement());
                }
            }
            out.println(Json.pretty(root));
            return 0;
        }
        out.println("Model " + model.id() + ", " + Fmt.count(monthly) + " requests a month; prompt: " + before.display()
                + " tokens (" + before.method() + ")");
        if (list.isEmpty()) {
            out.println("No suggestions: no waste found.");
            return 0;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"#", "KIND", "o200k", "cl100k", "MODEL", "$/MONTH", "SUGGESTION"});
        int i = 1;
        for (Suggestion s : list) {
            boolean cap = s.maxTokens() != null;
            cells.add(new String[] {
                Integer.toString(i++),
                s.kind().label(),
                cap ? "" : Integer.toString(s.tokensSaved(Encoding.O200K_BASE)),
                cap ? "" : Integer.toString(s.tokensSaved(Encoding.CL100K_BASE)),
                (s.modelTokensExact() ? "" : "≈") + s.modelTokensSaved() + (cap ? " out" : ""),
                Fmt.usd(s.usdPerMonth()),
                s.title()
            });
        }
        out.print(Table.render(cells, 2));
        out.println("All text suggestions together: " + before.display() + " → " + after.display() + " tokens"
                + (all.skipped().isEmpty() ? "" : " (" + all.skipped().size() + " overlapping left out)")
                + ". Savings are measured by counting the prompt before and after each one.");
        return 0;
    }

    private String read(String file) throws IOException {
        return ctx.input().text(file);
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.lab.promptfoo.Imported;
import dev.costbench.model.lab.promptfoo.PromptfooImport;
import dev.costbench.model.lab.promptfoo.Unmapped;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code costbench ab import-promptfoo FILE [--out F] [--json]}: a promptfoo configuration as a CostBench experiment
 * file (run it with {@code ab run}), with what was not mapped. Exit codes: 0 written, 2 bad input (nothing written).
 */
final class AbPromptfooCommand {

    public static final Args.Options IMPORT_PROMPTFOO =
            Args.Options.of("ab import-promptfoo", Set.of("out"), Set.of("json"));

    private final PrintStream out;
    private final PrintStream err;

    AbPromptfooCommand(Context ctx) {
        this.out = ctx.out();
        this.err = ctx.err();
    }

    int importConfig(List<String> argv) throws IOException {
        Args a = Args.parse(argv, IMPORT_PROMPTFOO);
        if (a.positional.size() != 1) {
            throw new UsageException("ab import-promptfoo needs one promptfooconfig.yaml");
        }
        Path file = Path.of(a.positional.get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        Path target = a.get("out") != null
                ? Input.outputFile("out", a.get("out"))
                : file.toAbsolutePath()
                        .resolveSibling(
                                file.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".costbench.json");
        Imported imported = PromptfooImport.read(file);
        ExperimentSpec s = imported.spec();
        Files.writeString(target, SpecJson.write(s), StandardCharsets.UTF_8);
        if (a.flag("json")) {
            ObjectNode o = Json.object();
            o.put("experimentFile", target.toString());
            o.put("name", s.name());
            o.put("variants", s.variants().size());
            o.put("models", s.models().size());
            o.put("inputs", s.inputs().size());
            o.put("checks", s.quality().checks().size());
            o.put("judge", s.quality().judge() != null);
            ArrayNode um = o.putArray("unmapped");
            for (Unmapped u : imported.unmapped()) {
                um.addObject().put("path", u.path()).put("why", u.why());
            }
            ArrayNode notes = o.putArray("notes");
            imported.notes().forEach(notes::add);
            out.println(Json.pretty(o));
            return 0;
        }
        out.printf(
                "Imported \"%s\": %d prompt variant%s, %d model%s, %d input%s, %d check%s%s.%n",
                s.name(),
                s.variants().size(),
                s.variants().size() == 1 ? "" : "s",
                s.models().size(),
                s.models().size() == 1 ? "" : "s",
                s.inputs().size(),
                s.inputs().size() == 1 ? "" : "s",
                s.quality().checks().size(),
                s.quality().checks().size() == 1 ? "" : "s",
                s.quality().judge() == null
                        ? ""
                        : ", a judge (" + s.quality().judge().model() + ")");
        imported.notes().forEach(n -> out.println("Note: " + n));
        if (imported.unmapped().isEmpty()) {
            out.println("Everything in the configuration was mapped.");
        } else {
            out.println("Not mapped (" + imported.unmapped().size() + "):");
            imported.unmapped().forEach(u -> out.println("  " + u.path() + ": " + u.why()));
        }
        out.println("Wrote " + target + ". Run it with: costbench ab run " + target);
        err.flush();
        return 0;
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One price that an import or a second catalog file adds, changes or removes.
 *
 * @param modelName   the model's display name
 * @param provider    the provider's display name
 * @param oldPrice    the price in force before (null when added)
 * @param oldSource   the short name of its source ("Anthropic pricing page")
 * @param newPrice    the proposed price (null when removed); for a CONFLICT the first source's value
 * @param newSource   the short name of the proposing source ("LiteLLM")
 * @param others      for a CONFLICT between proposals: the other sources' values
 * @param threshold   for a long-context price: the input size above which it applies
 */
public record DiffRow(
        String modelId,
        String modelName,
        String provider,
        PriceField field,
        Change change,
        SheetPrice oldPrice,
        String oldSource,
        SheetPrice newPrice,
        String newSource,
        List<Candidate> others,
        Long threshold) {

    /** What happens to the price. */
    public enum Change {
        ADDED("added"),
        CHANGED("changed"),
        /** The value in force is the same; the source lists later values (a scheduled change, from their dates). */
        SCHEDULED("scheduled"),
        REMOVED("removed"),
        CONFLICT("CONFLICT");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A value one source proposes. */
    public record Candidate(SheetPrice price, String sourceName) {}

    public DiffRow {
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** The old value as shown ("—" when there was none). */
    public String oldText() {
        return oldPrice == null ? "—" : oldPrice.display();
    }

    /** The new value as shown ("—" when removed). */
    public String newText() {
        return newPrice == null ? "—" : newPrice.display();
    }

    /** For a CONFLICT: every value with its source ("LiteLLM $3.00; genai-prices $2.50; in the catalog $3.00"). */
    public String conflictText() {
        if (change != Change.CONFLICT) {
            return "";
        }
        StringBuilder s = new StringBuilder(newSource + " " + newText());
        for (Candidate c : others) {
            s.append("; ").append(c.sourceName()).append(' ').append(c.price().display());
        }
        if (oldPrice != null) {
            s.append("; in the catalog ")
                    .append(oldPrice.display())
                    .append(" (")
                    .append(oldSource)
                    .append(')');
        }
        return s.toString();
    }

    /** The sources that propose a value: "LiteLLM", or "LiteLLM, genai-prices" for a conflict. */
    public String sources() {
        if (newPrice == null) {
            return oldSource;
        }
        return others.isEmpty()
                ? newSource
                : newSource + ", "
                        + others.stream().map(Candidate::sourceName).distinct().collect(Collectors.joining(", "));
    }
}

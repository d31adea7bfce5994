// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

/** A problem found while loading a catalog file: names the file, the entry and the field. */
public record CatalogProblem(String file, String entry, String field, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (entry != null && !entry.isEmpty()) {
            b.append(": model '").append(entry).append('\'');
        }
        if (field != null && !field.isEmpty()) {
            b.append(", field '").append(field).append('\'');
        }
        return b.append(": ").append(message).toString();
    }
}

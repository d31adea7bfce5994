// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import java.util.Comparator;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Helpers the workload view models share: number inputs that recompute the figures, and the model choices. */
public final class WorkloadInputs {

    private WorkloadInputs() {}

    /** A number input starting at {@code initial}; every change runs {@code recompute}. */
    public static <T> ObjectProperty<T> input(T initial, Runnable recompute) {
        ObjectProperty<T> p = new SimpleObjectProperty<>(initial);
        p.addListener((Observable o) -> recompute.run());
        return p;
    }

    /** The catalog's models that price input and output tokens, by provider and name. */
    public static List<ModelEntry> chatModels(Catalog catalog) {
        return catalog.models().stream()
                .filter(m -> m.price(PriceKind.INPUT).isPresent()
                        && m.price(PriceKind.OUTPUT).isPresent())
                .sorted(Comparator.comparing(ModelEntry::providerName).thenComparing(ModelEntry::name))
                .toList();
    }

    /** The model with {@code id} among {@code models}, or the first one. */
    public static ModelEntry pick(List<ModelEntry> models, String id) {
        return models.stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElse(models.isEmpty() ? null : models.get(0));
    }

    /** A model for people: "GPT-5 mini (OpenAI)". */
    public static String display(ModelEntry m) {
        return m == null ? "" : m.name() + " (" + m.providerName() + ")";
    }
}

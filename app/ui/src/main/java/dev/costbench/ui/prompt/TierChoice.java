// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.ui.common.Converters;
import java.util.List;
import javafx.beans.property.Property;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/** A service-tier picker showing the tiers by their names ("Priority"), bound both ways to a tier property. */
final class TierChoice {

    private TierChoice() {}

    static ComboBox<ServiceTier> of(String id, List<ServiceTier> tiers, Property<ServiceTier> value, String tooltip) {
        ComboBox<ServiceTier> tier = new ComboBox<>();
        tier.setId(id);
        tier.getItems().setAll(tiers);
        tier.setConverter(Converters.showing(ServiceTier::label));
        tier.valueProperty().bindBidirectional(value);
        tier.setTooltip(new Tooltip(tooltip));
        return tier;
    }
}

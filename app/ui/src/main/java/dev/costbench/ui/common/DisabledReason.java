// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * A control that can do nothing right now says why. {@link #bind} disables the control while its view model gives a
 * reason ("Select an experiment in the list first.") and shows that reason as a tooltip when the pointer rests on
 * it and as its accessible help. JavaFX delivers no mouse events to a disabled control, so its own tooltip never
 * shows; the reason's tooltip is driven from the control's parent, which still sees the pointer move.
 */
public final class DisabledReason {

    private static final String KEY = DisabledReason.class.getName();
    private static final Duration SHOW_DELAY = Duration.millis(500);

    private DisabledReason() {}

    /**
     * Disables {@code control} while {@code reason} is not blank, and explains it: the reason shows as a tooltip on
     * hover (while disabled) and is the control's accessible help. The reason is a sentence in the user's words,
     * computed in the view model; blank (or null) when the control can act.
     */
    public static void bind(Control control, ObservableValue<String> reason) {
        control.disableProperty().bind(Bindings.createBooleanBinding(() -> !isBlank(reason.getValue()), reason));
        explain(control, reason);
    }

    /**
     * Shows {@code reason} as a tooltip on hover while {@code control} is disabled (its disabling is the caller's,
     * for controls whose disable is bound elsewhere) and as its accessible help.
     */
    public static void explain(Control control, ObservableValue<String> reason) {
        control.accessibleHelpProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String r = reason.getValue();
                            return control.isDisabled() && !isBlank(r) ? r : null;
                        },
                        reason,
                        control.disabledProperty()));
        Hover hover = new Hover(control, reason);
        control.getProperties().put(KEY, hover);
        control.parentProperty().addListener((o, was, now) -> hover.attach(was, now));
        hover.attach(null, control.getParent());
        control.disabledProperty().addListener((o, a, disabled) -> {
            if (!disabled) {
                hover.hide();
            }
        });
        reason.addListener((o, a, b) -> hover.update());
    }

    /** The reason shown for {@code control} by {@link #bind}, or null when it has none (for tests and screen text). */
    public static Tooltip tooltipOf(Control control) {
        Object h = control.getProperties().get(KEY);
        return h instanceof Hover hover ? hover.tip : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Follows the pointer over the control's parent and shows the reason after a short rest over the control. */
    private static final class Hover {
        private final Control control;
        private final ObservableValue<String> reason;
        private final Tooltip tip = new Tooltip();
        private final PauseTransition wait = new PauseTransition(SHOW_DELAY);
        private final EventHandler<MouseEvent> moved = this::moved;
        private final EventHandler<MouseEvent> exited = e -> hide();
        private double screenX;
        private double screenY;

        Hover(Control control, ObservableValue<String> reason) {
            this.control = control;
            this.reason = reason;
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            wait.setOnFinished(e -> show());
        }

        void attach(Parent was, Parent now) {
            if (was != null) {
                was.removeEventFilter(MouseEvent.MOUSE_MOVED, moved);
                was.removeEventFilter(MouseEvent.MOUSE_EXITED_TARGET, exited);
            }
            if (now != null) {
                now.addEventFilter(MouseEvent.MOUSE_MOVED, moved);
                now.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, exited);
            }
        }

        private void moved(MouseEvent e) {
            boolean over = control.isDisabled() && !isBlank(reason.getValue()) && contains(e);
            if (!over) {
                hide();
                return;
            }
            screenX = e.getScreenX();
            screenY = e.getScreenY();
            if (!tip.isShowing() && wait.getStatus() != PauseTransition.Status.RUNNING) {
                wait.playFromStart();
            }
        }

        private boolean contains(MouseEvent e) {
            if (!control.isVisible() || control.getScene() == null) {
                return false;
            }
            Bounds b = control.localToScene(control.getLayoutBounds());
            return b.contains(e.getSceneX(), e.getSceneY());
        }

        private void show() {
            Node n = control;
            if (n.getScene() == null || n.getScene().getWindow() == null || isBlank(reason.getValue())) {
                return;
            }
            tip.setText(reason.getValue());
            tip.show(n, screenX + 12, screenY + 16);
        }

        void update() {
            if (tip.isShowing()) {
                if (isBlank(reason.getValue())) {
                    hide();
                } else {
                    tip.setText(reason.getValue());
                }
            }
        }

        void hide() {
            wait.stop();
            tip.hide();
        }
    }
}

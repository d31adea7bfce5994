// SPDX-License-Identifier: Apache-2.0
/**
 * The UI's spine: the one place that starts threads ({@link dev.costbench.ui.common.FxTaskExecutor}), touches the
 * FX event queue and opens dialogs ({@link dev.costbench.ui.common.FxDialogService}).
 *
 * <p>Convention for every feature package ({@code ui.prompt}, {@code ui.media}, {@code ui.scenario}, {@code ui.lab},
 * {@code ui.providers}):
 * <ul>
 *   <li>a view model per feature (or per large section of one) implements {@link dev.costbench.ui.common.ViewModel}:
 *       it holds the state as JavaFX properties, takes a {@link dev.costbench.ui.common.UiContext} (task executor and
 *       dialog service) and the model objects it needs in its constructor, and is unit-tested without a display on
 *       {@link dev.costbench.ui.common.DirectTaskExecutor} with a recording dialog service;</li>
 *   <li>a view implements {@link dev.costbench.ui.common.View}: it lays out nodes and binds them to the view model,
 *       and forwards the user's actions; it starts no work and opens no dialog itself;</li>
 *   <li>features do not import each other: hand-offs between them go through the small interfaces in
 *       {@code ui.common.handoff}, implemented by the receiving feature and wired in the composition root.</li>
 * </ul>
 */
package dev.costbench.ui.common;

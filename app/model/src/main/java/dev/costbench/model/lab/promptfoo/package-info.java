// SPDX-License-Identifier: Apache-2.0
/**
 * The bridge to promptfoo: {@link dev.costbench.model.lab.promptfoo.PromptfooImport} turns a
 * {@code promptfooconfig.yaml} into an A/B experiment with a report of what could not be mapped, and
 * {@link dev.costbench.model.lab.promptfoo.PromptfooExport} writes an experiment's results in the shape of
 * {@code promptfoo eval -o results.json} so promptfoo's viewer can open them.
 */
package dev.costbench.model.lab.promptfoo;

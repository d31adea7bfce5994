// SPDX-License-Identifier: Apache-2.0
/**
 * Batch runs of A/B experiments: the same plan of trials as a live run ({@link dev.costbench.model.lab.run.Planner}),
 * sent through the providers' batch APIs ({@link dev.costbench.model.provider.batch.BatchApi}) at the batch price.
 * {@link dev.costbench.model.lab.batch.BatchRunner} submits (split by {@link
 * dev.costbench.model.lab.batch.BatchSplitter}), keeps every batch in the {@link
 * dev.costbench.model.lab.BatchRepository} before returning, polls and collects the outcomes as trials ({@link
 * dev.costbench.model.lab.batch.BatchCollector}); {@link dev.costbench.model.lab.batch.BatchEstimate} puts the live
 * and the batch price side by side.
 */
package dev.costbench.model.lab.batch;

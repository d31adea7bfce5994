// SPDX-License-Identifier: Apache-2.0
/**
 * The user catalog overrides a team shares through its team store: the document as numbered revisions
 * ({@link dev.costbench.model.catalog.team.SharedCatalogRepository}, implemented by the store), the retrying publish
 * that re-applies a change on top of a colleague's newer revision
 * ({@link dev.costbench.model.catalog.team.TeamCatalog}), and the one place every catalog writer goes through,
 * whichever catalog is in use ({@link dev.costbench.model.catalog.team.CatalogOverrides}).
 */
package dev.costbench.model.catalog.team;

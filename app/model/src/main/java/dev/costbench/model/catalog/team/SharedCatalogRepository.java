// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import java.util.List;
import java.util.Optional;

/**
 * The team's catalog overrides, kept in the team store as numbered revisions (the store implements it; every method
 * is its own transaction). Revisions are never changed or deleted: a change is a new revision, published only on
 * top of the latest one (optimistic concurrency), so no client overwrites another's change.
 */
public interface SharedCatalogRepository {

    /** The latest revision with its document; empty when nothing has been shared yet. */
    Optional<SharedCatalog> latestSharedCatalog();

    /**
     * Publishes {@code json} as the revision after {@code basedOn} (0 when nothing was shared yet), recorded as
     * created by this client's author name.
     *
     * @throws StaleRevisionException when {@code basedOn} is not the latest revision; nothing is written
     * @throws IllegalArgumentException when the document holds something shaped like an API key
     */
    CatalogRevision publishSharedCatalog(long basedOn, String json);

    /** The newest {@code limit} revisions (who, when), newest first. */
    List<CatalogRevision> sharedCatalogRevisions(int limit);
}

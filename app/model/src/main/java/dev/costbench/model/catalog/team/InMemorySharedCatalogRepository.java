// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team catalog's revisions in memory, with the store's rule that a revision is published only on the latest one
 * (the store also refuses documents holding API keys): for tests and for anything that runs without a team store.
 */
public final class InMemorySharedCatalogRepository implements SharedCatalogRepository {

    private final List<SharedCatalog> revisions = new ArrayList<>();
    private final Clock clock;
    private volatile String author;

    public InMemorySharedCatalogRepository(String author, Clock clock) {
        this.author = author;
        this.clock = clock;
    }

    /** Who the next revisions are published by. */
    public void author(String name) {
        this.author = name;
    }

    @Override
    public synchronized Optional<SharedCatalog> latestSharedCatalog() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    @Override
    public synchronized CatalogRevision publishSharedCatalog(long basedOn, String json) {
        Optional<SharedCatalog> latest = latestSharedCatalog();
        long latestNumber = latest.map(s -> s.revision().number()).orElse(0L);
        if (basedOn != latestNumber) {
            throw new StaleRevisionException(basedOn, latest.orElseThrow().revision());
        }
        CatalogRevision r = new CatalogRevision(latestNumber + 1, author, clock.instant());
        revisions.add(new SharedCatalog(r, json));
        return r;
    }

    @Override
    public synchronized List<CatalogRevision> sharedCatalogRevisions(int limit) {
        List<CatalogRevision> out = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(revisions.get(i).revision());
        }
        return out;
    }
}

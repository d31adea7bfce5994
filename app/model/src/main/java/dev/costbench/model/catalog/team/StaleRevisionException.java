// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

/**
 * A publish was refused because it was based on an older revision than the latest: someone else published in
 * between. {@link #latest()} says who and when; {@link TeamCatalog#publish} re-applies the change on top of it.
 */
public final class StaleRevisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long basedOn;
    private final transient CatalogRevision latest;

    public StaleRevisionException(long basedOn, CatalogRevision latest) {
        super("The team catalog changed meanwhile: " + latest.label() + " was published at " + latest.publishedAt()
                + ", and this change was based on " + (basedOn == 0 ? "no revision" : "revision " + basedOn)
                + ". Nothing was overwritten: apply the change again on top of the newer revision.");
        this.basedOn = basedOn;
        this.latest = latest;
    }

    /** The revision the refused change was based on (0: none). */
    public long basedOn() {
        return basedOn;
    }

    /** The newer revision that was published meanwhile. */
    public CatalogRevision latest() {
        return latest;
    }
}

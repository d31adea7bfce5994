// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One published revision of the team catalog: its number (1, 2, …), who published it (the team store's author name)
 * and when.
 */
public record CatalogRevision(long number, String author, Instant publishedAt) {

    public CatalogRevision {
        if (number < 1) {
            throw new IllegalArgumentException("revisions are numbered from 1");
        }
        author = author == null || author.isBlank() ? "someone" : author;
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** "revision 7 by ana". */
    public String label() {
        return "revision " + number + " by " + author;
    }

    /** "revision 7 by ana, 2 h ago" as of {@code now}. */
    public String label(Instant now) {
        return label() + ", " + ago(Duration.between(publishedAt, now));
    }

    /** "just now", "5 min ago", "2 h ago", "3 days ago". */
    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        long days = s / 86_400;
        return days + (days == 1 ? " day ago" : " days ago");
    }
}

// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.Origin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The team's catalog overrides as this client uses them: the latest revision kept in a cache file in the data folder
 * ({@value #FILE_NAME}, never the personal {@code catalog.json}), which the catalog reads as its user layer and the
 * file-based writers change; every change is published to the team store.
 *
 * <p>A publish is based on the latest revision. When a colleague published in between, the store refuses it
 * ({@link StaleRevisionException}) and the change is made again on top of their revision, up to {@value #ATTEMPTS}
 * times: a change never overwrites another's.
 */
public final class TeamCatalog implements CatalogOverrides {

    /** The cache of the latest revision, in the data folder. */
    public static final String FILE_NAME = "team-catalog.json";

    /** How many times a change is made on top of a newer revision before giving up. */
    static final int ATTEMPTS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedCatalogRepository repository;
    private final Path cache;
    private CatalogRevision current;

    /**
     * @param cache the file the latest revision is kept in ({@value #FILE_NAME} in the data folder)
     */
    public TeamCatalog(SharedCatalogRepository repository, Path cache) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** The revision in the cache file, as last read or published by this client. */
    public synchronized Optional<CatalogRevision> current() {
        return Optional.ofNullable(current);
    }

    /** Reads the latest revision into the cache file; empty (and no cache file) when nothing was shared yet. */
    public Optional<CatalogRevision> refresh() throws IOException {
        Optional<SharedCatalog> latest = repository.latestSharedCatalog();
        synchronized (this) {
            if (latest.isEmpty()) {
                Files.deleteIfExists(cache);
                current = null;
            } else {
                keep(latest.get().revision(), latest.get().json());
            }
            return current();
        }
    }

    /** The latest revision in the team store (who, when), without its document; empty when none. */
    public Optional<CatalogRevision> latest() {
        return repository.sharedCatalogRevisions(1).stream().findFirst();
    }

    /** The newest {@code limit} revisions, newest first. */
    public List<CatalogRevision> revisions(int limit) {
        return repository.sharedCatalogRevisions(limit);
    }

    /**
     * Makes {@code change} on the latest revision and publishes the result as the next one; when a colleague
     * published meanwhile, makes it again on theirs. The cache file then holds the new revision.
     *
     * @throws StaleRevisionException when newer revisions kept arriving {@value #ATTEMPTS} times in a row
     * @throws IOException when the change could not be made; nothing was published
     */
    public CatalogRevision publish(Change change) throws IOException {
        Objects.requireNonNull(change, "change");
        StaleRevisionException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SharedCatalog> base = repository.latestSharedCatalog();
            String json = changed(base.map(SharedCatalog::json), change);
            long basedOn = base.map(b -> b.revision().number()).orElse(0L);
            try {
                CatalogRevision published = repository.publishSharedCatalog(basedOn, json);
                synchronized (this) {
                    keep(published, json);
                }
                return published;
            } catch (StaleRevisionException e) {
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    /**
     * Starts the team catalog from {@code personal} (this computer's {@code catalog.json}) as revision 1.
     *
     * @throws StaleRevisionException when someone shared a team catalog already (nothing is overwritten)
     * @throws IOException when the file cannot be read
     */
    public CatalogRevision share(Path personal) throws IOException {
        String json = Files.isRegularFile(personal)
                ? Files.readString(personal, StandardCharsets.UTF_8)
                : "{\"schemaVersion\": 1, \"models\": []}";
        try {
            if (!JSON.readTree(json).isObject()) {
                throw new IOException(personal + " is not a catalog object; fix it and share again");
            }
        } catch (JsonProcessingException e) {
            throw new IOException(
                    personal + " is not valid JSON (" + e.getOriginalMessage()
                            + "); fix it and share again — nothing was shared",
                    e);
        }
        List<CatalogProblem> problems = CatalogReader.read(
                        personal.getFileName().toString(),
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        Origin.USER)
                .problems();
        if (!problems.isEmpty()) { // the whole team would price with it: only a catalog that loads cleanly is shared
            throw new IOException(personal + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems")
                    + " ("
                    + problems.stream().limit(3).map(CatalogProblem::toString).collect(Collectors.joining("; "))
                    + (problems.size() > 3 ? "; …" : "") + "); fix it and share again — nothing was shared");
        }
        CatalogRevision published = repository.publishSharedCatalog(0, json);
        synchronized (this) {
            keep(published, json);
        }
        return published;
    }

    @Override
    public Path file() {
        return cache;
    }

    @Override
    public String describe() {
        return current()
                .map(r -> "the team catalog (" + r.label() + ")")
                .orElse("the team catalog (nothing shared yet)");
    }

    @Override
    public String write(Change change) throws IOException {
        return "the team catalog, " + publish(change).label();
    }

    /** A short random wait after a lost race, so that clients racing each other do not collide again at once. */
    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * (attempt + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while publishing the team catalog");
        }
    }

    /** The document after {@code change}, made on a scratch copy of {@code base} beside the cache file. */
    private String changed(Optional<String> base, Change change) throws IOException {
        Path parent = cache.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, "team-catalog-edit");
        try {
            Path file = scratch.resolve("catalog.json");
            if (base.isPresent()) {
                Files.writeString(file, base.get(), StandardCharsets.UTF_8);
            }
            change.applyTo(file);
            if (!Files.isRegularFile(file)) {
                throw new IOException("the change wrote no catalog; nothing was published");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Writes {@code json} to the cache file unless it holds a newer revision already (callers hold the lock). */
    private void keep(CatalogRevision revision, String json) throws IOException {
        if (current != null && current.number() > revision.number() && Files.isRegularFile(cache)) {
            return;
        }
        Path parent = cache.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        current = revision;
    }
}

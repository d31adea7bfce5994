// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.TrialCell;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several clients on one team store: who created what, what they see of each other, parallel writers. */
class TeamStoreTest extends StoreClientsTest {

    @StoreTest
    void historySaysWhoCreatedEachExperiment(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        JdbcLabStore s = open(stores, "alice");
        Experiment a = s.createExperiment(new NewExperiment("Alice's", null, 1, null, List.of("gpt-5")));
        s.author("  bob  ");
        assertEquals("bob", s.author(), "trimmed");
        Experiment b = s.createExperiment(new NewExperiment("Bob's", null, 1, null, List.of("gpt-5")));
        s.author(" ");
        assertEquals(System.getProperty("user.name"), s.author(), "blank: the OS user name");
        assertEquals("alice", overview(s, a.id()).createdBy());
        assertEquals("bob", overview(s, b.id()).createdBy());
    }

    @Test
    void twoClientsOnOneServerSeeEachOthersExperimentsAndScenarios() {
        StoreKind.StoreFactory stores = StoreKind.POSTGRESQL.fresh(dir);
        JdbcLabStore alice = open(stores, "alice");
        JdbcLabStore bob = open(stores, "bob");
        Experiment e = alice.createExperiment(new NewExperiment("Tickets", null, 1, null, List.of("gpt-5")));
        alice.saveScenario("Launch", "{\"users\":1000}");
        ExperimentOverview seen = overview(bob, e.id());
        assertEquals("Tickets", seen.experiment().name());
        assertEquals("alice", seen.createdBy());
        assertEquals(
                "{\"users\":1000}", bob.findScenario("Launch").orElseThrow().json());
        bob.appendLedger(new NewLedgerEntry(
                Instant.now(), "openai", "gpt-5", new BigDecimal("0.25"), e.id(), null, LedgerPurpose.TRIAL));
        assertEquals(0, new BigDecimal("0.25").compareTo(alice.spentOnExperiment(e.id())));
    }

    @Test
    void aServerStoreNeverMarksAnotherClientsRunAsInterrupted() {
        StoreKind.StoreFactory stores = StoreKind.POSTGRESQL.fresh(dir);
        JdbcLabStore running = open(stores, "alice");
        Experiment e = running.createExperiment(new NewExperiment("Live", null, 1, null, List.of("gpt-5")));
        running.setStatus(e.id(), ExperimentStatus.RUNNING);
        JdbcLabStore second = open(stores, "bob");
        assertTrue(second.interruptedOnOpen().isEmpty());
        assertEquals(ExperimentStatus.RUNNING, second.loadExperiment(e.id()).status());
    }

    @Test
    void parallelWritersFromTwoClientsLoseNothing() throws Exception {
        StoreKind.StoreFactory stores = StoreKind.POSTGRESQL.fresh(dir);
        JdbcLabStore one = open(stores, "alice");
        JdbcLabStore two = open(stores, "bob");
        int reps = 40;
        Fixtures.Setup s = Fixtures.setup(one, "parallel", 2, 2, List.of("gpt-4o-mini"), reps);
        List<TrialCell> cells = one.missingTrials(s.id());
        assertEquals(2 * 2 * reps, cells.size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                JdbcLabStore store = w % 2 == 0 ? one : two;
                int worker = w;
                work.add(() -> {
                    for (int i = worker; i < cells.size(); i += 4) {
                        NewTrial t = Fixtures.success(s.id(), cells.get(i));
                        store.addTrial(t, Fixtures.charge(t));
                        // everyone saves the same scenario and the same media: the last write wins, none fails
                        store.saveScenario("Shared", "{\"n\":" + i + "}");
                        store.putMedia(new byte[] {1, 2, 3}, "image/png");
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ExperimentOverview o = overview(two, s.id());
        assertEquals(cells.size(), o.trials(), "every trial counted once");
        assertEquals(cells.size(), one.trials(s.id()).size());
        assertTrue(one.missingTrials(s.id()).isEmpty());
        BigDecimal charged = cells.stream()
                .map(c ->
                        Jdbc.money(Fixtures.charge(Fixtures.success(s.id(), c)).costUsd()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, charged.compareTo(o.spentUsd()), charged + " charged, " + o.spentUsd() + " counted");
        assertEquals(0, o.spentUsd().compareTo(two.spentOnExperiment(s.id())));
        assertEquals(1, one.listScenarios().size());
        assertEquals(1, count(two, "media_blob"));
    }

    @Test
    void aServerThatCannotBeReachedSaysSoWithoutThePassword() {
        StoreUrl url = StoreUrl.parse("jdbc:postgresql://127.0.0.1:1/team?user=ana&password=s3cret-pw", null);
        assertEquals("s3cret-pw", url.password());
        assertFalse(url.jdbcUrl().contains("s3cret"), url.jdbcUrl());
        LabStoreException e = assertThrows(LabStoreException.class, () -> ServerLabStore.open(url, url.password()));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/team?user=ana"), e.getMessage());
        assertTrue(e.getMessage().contains("Check that the server runs"), e.getMessage());
    }

    @Test
    void aStoreUrlMustNameAPostgreSqlDatabase() {
        IllegalArgumentException notPg =
                assertThrows(IllegalArgumentException.class, () -> StoreUrl.parse("jdbc:mysql://h/db", null));
        assertTrue(notPg.getMessage().contains("jdbc:postgresql://host:5432/database"), notPg.getMessage());
        IllegalArgumentException noDb =
                assertThrows(IllegalArgumentException.class, () -> StoreUrl.parse("jdbc:postgresql://h:5432", null));
        assertTrue(noDb.getMessage().contains("names no database"), noDb.getMessage());
        StoreUrl u = StoreUrl.parse("jdbc:postgresql://h:5432/db?sslmode=require&user=ana", "bob");
        assertEquals("bob", u.user(), "the user given wins over the URL's");
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=require", u.jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=require&user=bob", u.redacted());
        assertNull(u.password());
    }

    private static ExperimentOverview overview(JdbcLabStore s, long id) {
        return s.overviews().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    private static long count(JdbcLabStore s, String table) throws SQLException {
        StoreUrl url = ((ServerLabStore) s).url();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

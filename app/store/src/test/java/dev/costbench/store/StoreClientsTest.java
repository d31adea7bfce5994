// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A store test with several clients: each store handle is opened with its author name and closed after the test. */
abstract class StoreClientsTest {

    @TempDir
    Path dir;

    private final List<JdbcLabStore> open = new ArrayList<>();

    @AfterEach
    final void closeClients() {
        open.forEach(JdbcLabStore::close);
    }

    /** A new handle on the store of {@code stores}, whose new rows are recorded as created by {@code author}. */
    final JdbcLabStore open(StoreKind.StoreFactory stores, String author) {
        JdbcLabStore s = stores.open();
        s.author(author);
        open.add(s);
        return s;
    }
}

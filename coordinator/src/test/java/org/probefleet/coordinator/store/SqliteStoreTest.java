package org.probefleet.coordinator.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends OutcomeStoreContract {

    @TempDir
    Path folder;
    int stores;

    @Override
    String freshStoreUrl() {
        return "sqlite:" + folder.resolve("store-" + ++stores + ".db");
    }
}

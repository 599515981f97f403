package org.seuil.sync.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.seuil.server.SeuilServer;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.protocol.Fixtures;

/** A real server on a loopback port and real local stores that sync with it through the real client. */
final class SyncHarness implements AutoCloseable {
    final ServerStore serverStore;
    final SeuilServer server;
    final URI uri;

    SyncHarness(ServerStore serverStore, ServerConfig config) {
        this.serverStore = serverStore;
        this.server = new SeuilServer(serverStore, config).start("127.0.0.1", 0);
        this.uri = URI.create("http://127.0.0.1:" + server.port());
    }

    String token(String user) {
        return serverStore.createToken(user, Role.REPORTER, Fixtures.T0);
    }

    static PlaceStore localStore(Path dir, String name) {
        return SqlitePlaceStore.open(dir.resolve(name + ".db"));
    }

    SyncClient client(PlaceStore store, String token, HttpTransport transport, long seed) {
        return new SyncClient(store, new SyncApi(uri, token, transport), uri.toString(), null,
                new Backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(8), 4), d -> { }, new Random(seed), Clock.systemUTC());
    }

    @Override
    public void close() {
        server.close();
        serverStore.close();
    }
}

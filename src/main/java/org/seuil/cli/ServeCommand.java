package org.seuil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.seuil.server.SeuilServer;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.ServerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seuil serve}: runs the shared sync server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the shared server that devices sync reports with (see docs/sync-protocol.md).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerDatabaseOptions database = new ServerDatabaseOptions();

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all, behind a TLS proxy)")
    String host;

    @Option(names = "--maps", paramLabel = "DIR", description = "folder of offline map packs (.map, .mbtiles) offered for download")
    Path maps;

    @Option(names = "--rate", defaultValue = "50", description = "requests a second per token (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--burst", defaultValue = "200", description = "requests a token may send at once (default: ${DEFAULT-VALUE})")
    int burst;

    @Option(names = "--pool", defaultValue = "16", description = "PostgreSQL connections of this instance (default: ${DEFAULT-VALUE})")
    int pool;

    @Override
    public Integer call() throws InterruptedException {
        if (maps != null && !Files.isDirectory(maps)) {
            throw new IllegalArgumentException("--maps " + maps + " is not a folder");
        }
        ServerStore store = database.open(pool);
        SeuilServer server = new SeuilServer(store, ServerConfig.DEFAULT.withRate(rate, burst).withMaps(maps)).start(host, port);
        System.out.println("seuil server on http://" + host + ":" + server.port() + "/api/v1 with " + database.describe());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "seuil-server-stop"));
        stopped.await();
        return 0;
    }
}

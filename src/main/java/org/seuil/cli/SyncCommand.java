package org.seuil.cli;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.seuil.domain.BoundingBox;
import org.seuil.store.DataFolder;
import org.seuil.store.SyncConflict;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.client.Backoff;
import org.seuil.sync.client.HttpTransport;
import org.seuil.sync.client.SyncApi;
import org.seuil.sync.client.SyncClient;
import org.seuil.sync.client.SyncSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seuil sync}: pushes local changes to a server and pulls everyone else's. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Syncs the local store with a Seuil server: pushes pending changes, pulls new ones; "
                + "then the same for the district audit campaigns you belong to.")
public final class SyncCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "the server, e.g. https://seuil.example.org")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SEUIL_TOKEN}",
            description = "bearer token from `seuil server token create` (default: env SEUIL_TOKEN)")
    String token;

    @Option(names = "--db", paramLabel = "FILE", description = "local store (default: the data folder's seuil.db)")
    Path db;

    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "pull only this area")
    String bbox;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token is required: --token TOKEN or env SEUIL_TOKEN");
        }
        if (server.getScheme() == null || !server.getScheme().matches("https?")) {
            throw new IllegalArgumentException("--server must be an http:// or https:// URL, got " + server);
        }
        Path file = db != null ? db : DataFolder.defaultDatabase();
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            SyncClient client = new SyncClient(store, new SyncApi(server, token, HttpTransport.jdk()), server.toString(),
                    file.toAbsolutePath().resolveSibling("photos"), Backoff.DEFAULT, d -> Thread.sleep(d.toMillis()),
                    new SecureRandom(), Clock.systemUTC()).withCampaigns(store.campaignSync());
            if (bbox != null) {
                client.withArea(BoundingBox.parse(bbox));
            }
            int before = store.conflicts().size();
            SyncSummary summary = client.sync();
            var out = spec.commandLine().getOut();
            out.println(summary);
            var conflicts = store.conflicts();
            for (SyncConflict c : conflicts.subList(before, conflicts.size())) {
                out.println((c.theirs() != null ? "conflict: " : "refused: ") + "report " + c.mine().id()
                        + (c.theirs() != null ? " is at revision " + c.theirs().revision() + " on the server, yours is "
                        + c.mine().revision() : ", " + c.reason()));
            }
        }
        return 0;
    }
}

package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.VenueSelection;
import org.seuil.server.SeuilServer;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.protocol.CampaignFixtures;

/** {@code seuil sync} syncs campaigns along with reports: one command, both directions. */
class CampaignSyncCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneSeuilSyncPushesTheAuditorsCampaignAndAnotherBringsItToTheVolunteer() {
        Instant now = Instant.parse("2026-01-12T10:00:00Z");
        try (ServerStore store = SqliteServerStore.open(dir.resolve("server.db"));
             SeuilServer server = new SeuilServer(store, ServerConfig.DEFAULT).start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port();
            String carol = store.createToken("carol", Role.AUDITOR, now);
            String alice = store.createToken("alice", Role.REPORTER, now);
            CampaignId id = CampaignId.random();
            try (SqlitePlaceStore local = SqlitePlaceStore.open(dir.resolve("carol.db"))) {
                for (int i = 0; i < 3; i++) {
                    local.savePlace(CampaignFixtures.venuePlace(i));
                }
                local.campaigns().create(CampaignFixtures.campaign(id, "Monte-Carlo", List.of("alice")), VenueSelection.VENUES);
            }

            CommandLineRun pushed = CommandLineRun.of("sync", "--server", url, "--token", carol, "--db", dir.resolve("carol.db").toString());
            assertEquals(0, pushed.exitCode(), pushed.err());
            assertTrue(pushed.out().contains("campaigns: pushed 1 campaign(s)"), pushed.out());

            CommandLineRun pulled = CommandLineRun.of("sync", "--server", url, "--token", alice, "--db", dir.resolve("alice.db").toString());
            assertEquals(0, pulled.exitCode(), pulled.err());
            assertTrue(pulled.out().contains("pulled 1 campaign(s)"), pulled.out());
            try (SqlitePlaceStore local = SqlitePlaceStore.open(dir.resolve("alice.db"))) {
                assertEquals(List.of(id), local.campaigns().list().stream().map(Campaign::id).toList());
                assertEquals(3, local.campaigns().venues(id).size());
            }
        }
    }
}

package org.seuil.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.place;
import static org.seuil.sync.protocol.Fixtures.report;
import static org.seuil.sync.protocol.Fixtures.uuid;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.Protocol;
import org.seuil.sync.protocol.ReportFeature;

/** The change feed read a page ahead gives exactly the pages read one after the other, on a real server. */
class ChangeFeedTest {
    private static final int REPORTS = 53;
    private static final int PAGE = 7;

    @TempDir
    Path dir;
    private SyncHarness harness;
    private String token;

    @BeforeEach
    void start() throws Exception {
        harness = new SyncHarness(SqliteServerStore.open(dir.resolve("server.db")), ServerConfig.DEFAULT);
        token = harness.token("alice");
        List<ReportFeature> batch = new ArrayList<>();
        for (int i = 1; i <= REPORTS; i++) {
            Place place = place(uuid(i), 7.40 + i * 0.0005, 43.73);
            batch.add(new ReportFeature(place, report(uuid(1000 + i), place, "alice", 1, Accessibility.YES, i % 3)));
        }
        new SyncApi(harness.uri, token, HttpTransport.jdk()).push(batch);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static List<ChangePage> oneAfterTheOther(SyncApi api) throws SyncException {
        List<ChangePage> pages = new ArrayList<>();
        long cursor = 0;
        ChangePage page;
        do {
            page = api.changes(cursor, null, PAGE);
            pages.add(page);
            cursor = page.nextCursor();
        } while (page.more());
        return pages;
    }

    private static List<ChangePage> pageAhead(ChangeFeed feed) throws Exception {
        List<ChangePage> pages = new ArrayList<>();
        long cursor = 0;
        ChangePage page;
        do {
            page = feed.page(cursor);
            pages.add(page);
            cursor = page.nextCursor();
        } while (page.more());
        return pages;
    }

    @Test
    void readingAPageAheadGivesTheSamePagesAndAsksForEachPageOnce() throws Exception {
        List<String> asked = new ArrayList<>();
        HttpTransport jdk = HttpTransport.jdk();
        HttpTransport counting = request -> {
            synchronized (asked) {
                asked.add(request.uri().getQuery());
            }
            return jdk.send(request);
        };
        List<ChangePage> expected = oneAfterTheOther(new SyncApi(harness.uri, token, jdk));
        List<ChangePage> read;
        try (ChangeFeed feed = new ChangeFeed(new SyncApi(harness.uri, token, counting), null, PAGE)) {
            read = pageAhead(feed);
        }
        assertEquals(expected, read);
        assertEquals((REPORTS + PAGE - 1) / PAGE, read.size());
        assertEquals(read.size(), asked.size(), "each page asked for once: " + asked);
        assertEquals(asked.size(), asked.stream().distinct().count(), "a page asked for twice: " + asked);
    }

    @Test
    void theServerNamesTheNextCursorInAHeaderExceptOnTheLastPage() throws Exception {
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        HttpTransport jdk = HttpTransport.jdk();
        SyncApi api = new SyncApi(harness.uri, token, request -> {
            HttpResponse<byte[]> answer = jdk.send(request);
            answers.add(answer);
            return answer;
        });
        List<ChangePage> pages = oneAfterTheOther(api);
        for (int i = 0; i < pages.size(); i++) {
            var header = answers.get(i).headers().firstValue(Protocol.NEXT_CURSOR);
            if (pages.get(i).more()) {
                assertEquals(Long.toString(pages.get(i).nextCursor()), header.orElse("absent"));
            } else {
                assertFalse(header.isPresent(), "the last page names a next cursor");
            }
        }
    }

    @Test
    void aPageWhoseRequestAheadFailedIsAskedForAgainAndTheFeedIsWhole() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpTransport jdk = HttpTransport.jdk();
        // Every second request is lost: these are the pages asked for ahead.
        HttpTransport losing = request -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IOException("connection reset (injected)");
            }
            return jdk.send(request);
        };
        Retrying retrying = new Retrying(new Backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2), 5),
                millis -> { }, new java.util.Random(1));
        List<ChangePage> expected = oneAfterTheOther(new SyncApi(harness.uri, token, jdk));
        List<ChangePage> read;
        try (ChangeFeed feed = new ChangeFeed(new SyncApi(harness.uri, token, losing), null, PAGE, retrying)) {
            read = pageAhead(feed);
        }
        assertEquals(expected, read);
        assertTrue(calls.get() > read.size(), "no request was lost: the test did not test");
    }
}

package org.seuil.sync.client;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.seuil.domain.BoundingBox;
import org.seuil.sync.protocol.ChangePage;

/**
 * Reads the change feed one page ahead. As soon as a page has come, the next one is asked for
 * (its cursor is in the {@code Seuil-Next-Cursor} header), so the server reads and writes it
 * while this one is parsed and stored: on two cores, the two halves of a pull overlap instead of
 * taking turns. A page asked for ahead is only a guess: it is used when the caller then asks for
 * exactly that cursor, and fetched again (with the caller's retries) when asking ahead failed.
 * GET is safe, so a page asked for and never used costs the server a read, nothing else.
 */
public final class ChangeFeed implements AutoCloseable {
    private final SyncApi api;
    private final BoundingBox area;
    private final int pageSize;
    private final Retrying retrying;
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "seuil-change-feed");
        thread.setDaemon(true);
        return thread;
    });
    private Future<SyncApi.FetchedPage> next;
    private long nextSince;

    /** A feed whose failed requests fail the caller at once (for benchmarks and tools). */
    public ChangeFeed(SyncApi api, BoundingBox area, int pageSize) {
        this(api, area, pageSize, null);
    }

    ChangeFeed(SyncApi api, BoundingBox area, int pageSize, Retrying retrying) {
        this.api = api;
        this.area = area;
        this.pageSize = pageSize;
        this.retrying = retrying;
    }

    /** The page of changes after {@code since}. */
    public ChangePage page(long since) throws SyncException, InterruptedException {
        SyncApi.FetchedPage fetched = null;
        if (next != null) {
            if (nextSince == since) {
                try {
                    fetched = next.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof SyncException)) {
                        throw e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e.getCause());
                    }
                    fetched = null; // a failed request: asked again below, with the caller's retries
                }
            } else {
                next.cancel(true);
            }
            next = null;
        }
        if (fetched == null) {
            fetched = retrying == null ? api.fetchChanges(since, area, pageSize)
                    : retrying.call(() -> api.fetchChanges(since, area, pageSize));
        }
        if (fetched.nextCursor().isPresent()) {
            long after = fetched.nextCursor().getAsLong();
            nextSince = after;
            next = ahead.submit(() -> api.fetchChanges(after, area, pageSize));
        }
        return fetched.read();
    }

    @Override
    public void close() {
        if (next != null) {
            next.cancel(true);
        }
        ahead.shutdownNow();
    }
}

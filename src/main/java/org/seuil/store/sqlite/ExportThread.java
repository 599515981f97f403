package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.store.StoreException;

/**
 * Reads the places of an export with their reports (one query, places joined with their reports,
 * so no statement per place) and parses the report JSON on a second thread, while the caller's
 * thread hands the previous records to the sink (which encodes and writes them): on two cores an
 * export goes about as fast as the slower of the two halves. The session's read transaction must
 * be open; the thread is finished when {@link #close()} returns, so the session is free again.
 */
final class ExportThread implements AutoCloseable {
    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();
    private static final int BATCH = 256;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile boolean cancelled;

    private ExportThread(Session session, FilterSql sql) {
        thread = new Thread(() -> produce(session, sql), "seuil-export-reader");
        thread.setDaemon(true);
    }

    static ExportThread start(Session session, FilterSql sql) {
        ExportThread reader = new ExportThread(session, sql);
        reader.thread.start();
        return reader;
    }

    private void produce(Session session, FilterSql sql) {
        try {
            // Reports in the order ReportTable.ofPlace gives them: oldest survey first, ties by id.
            PreparedStatement select = session.prepare("SELECT p.id, p.lat, p.lon, p.name, p.category, p.address, r.id, r.body FROM "
                    + sql.from() + " LEFT JOIN reports r ON r.place_id = p.id WHERE " + sql.where()
                    + " ORDER BY p.id, r.surveyed_at, r.id");
            sql.bind(select);
            List<PlaceRecord> batch = new ArrayList<>(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                boolean more = rows.next();
                while (more && !cancelled) {
                    String id = rows.getString(1);
                    Place place = new Place(new PlaceId(id), new GeoPoint(rows.getDouble(2), rows.getDouble(3)),
                            rows.getString(4), rows.getString(5), rows.getString(6));
                    List<Report> reports = new ArrayList<>(2);
                    do {
                        String reportId = rows.getString(7);
                        if (reportId != null) {
                            reports.add(Codecs.report(rows.getString(8), reportId));
                        }
                        more = rows.next();
                    } while (more && id.equals(rows.getString(1)));
                    batch.add(new PlaceRecord(place, reports));
                    if (batch.size() == BATCH) {
                        queue.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // cancelled by close(): the caller is no longer listening
        } catch (Throwable failure) {
            try {
                queue.put(new Failure(failure));
            } catch (InterruptedException e) {
                // cancelled meanwhile
            }
        }
    }

    /** The next records in order, or null at the end; rethrows what reading threw. */
    @SuppressWarnings("unchecked")
    List<PlaceRecord> next() throws SQLException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the export was interrupted");
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Failure failure) {
            Throwable cause = failure.cause();
            if (cause instanceof SQLException sqlFailure) {
                throw sqlFailure;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("reading the places failed: " + cause, cause);
        }
        return (List<PlaceRecord>) item;
    }

    /** Stops the thread if it still runs (the sink failed) and waits for it. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            cancelled = true;
            thread.interrupt();
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.seuil.store.sqlite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.store.StoreException;

/**
 * Reads an import's records and encodes them (report JSON, derived accessibility) on a second
 * thread, while the importing thread writes the previous ones to SQLite: on two cores an import
 * goes about as fast as its database writes alone. Whatever the iterator throws is handed to the
 * importing thread and thrown there unchanged.
 */
final class EncodingThread implements AutoCloseable {
    /** A record with everything computed that needs no database. */
    record Encoded(PlaceRecord record, List<String> bodies, PlaceTable.Derived own) {
        static Encoded of(PlaceRecord record) {
            List<String> bodies = new ArrayList<>(record.reports().size());
            for (Report report : record.reports()) {
                bodies.add(Codecs.reportBody(report));
            }
            return new Encoded(record, bodies, PlaceTable.Derived.of(record.reports()));
        }
    }

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();
    private static final int BATCH = 256;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile boolean cancelled;

    private EncodingThread(Iterator<PlaceRecord> records) {
        thread = new Thread(() -> produce(records), "seuil-import-encoder");
        thread.setDaemon(true);
    }

    static EncodingThread start(Iterator<PlaceRecord> records) {
        EncodingThread encoder = new EncodingThread(records);
        encoder.thread.start();
        return encoder;
    }

    private void produce(Iterator<PlaceRecord> records) {
        try {
            List<Encoded> batch = new ArrayList<>(BATCH);
            while (!cancelled && records.hasNext()) {
                batch.add(Encoded.of(records.next()));
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // cancelled by close(): the importing thread is no longer listening
        } catch (Throwable failure) {
            try {
                queue.put(new Failure(failure));
            } catch (InterruptedException e) {
                // cancelled meanwhile
            }
        }
    }

    /** The next records in order, or null when the iterator is done; rethrows what it threw. */
    @SuppressWarnings("unchecked")
    List<Encoded> next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the import was interrupted");
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Failure failure) {
            if (failure.cause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure.cause() instanceof Error error) {
                throw error;
            }
            throw new StoreException("reading the records failed: " + failure.cause(), failure.cause());
        }
        return (List<Encoded>) item;
    }

    /** Stops the thread if it still runs (after a failure) and waits for it, so the iterator is left alone. */
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

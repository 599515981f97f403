package org.seuil.store.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.seuil.store.StoreException;

/**
 * Items made on a second thread and taken in batches, in order, by the calling thread: on two
 * cores an import encodes while it writes, an export reads while it writes. Whatever the producer
 * throws is thrown unchanged by {@link #next()} in the calling thread; {@link #close()} stops the
 * producer if it still runs and waits for it, so what it used (an iterator, a session) is free again.
 */
final class BatchPipe<T> implements AutoCloseable {
    interface Producer<T> {
        void produce(Sink<T> sink) throws Exception;
    }

    interface Sink<T> {
        /** Hands one item on; blocks while the consumer is behind. */
        void add(T item) throws InterruptedException;

        /** True once the consumer has closed the pipe: stop producing. */
        boolean cancelled();
    }

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();
    private static final int BATCH = 256;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final String work;
    private final Thread thread;
    private volatile boolean cancelled;
    /** The batch being filled; only the producer's thread touches it. */
    private List<T> pending = new ArrayList<>(BATCH);

    private BatchPipe(String work, Producer<T> producer) {
        this.work = work;
        this.thread = new Thread(() -> run(producer), "seuil-" + work);
        thread.setDaemon(true);
    }

    /** @param work what the producer does, for the thread's name and messages ("import", "export") */
    static <T> BatchPipe<T> start(String work, Producer<T> producer) {
        BatchPipe<T> pipe = new BatchPipe<>(work, producer);
        pipe.thread.start();
        return pipe;
    }

    private void run(Producer<T> producer) {
        try {
            producer.produce(new Sink<>() {
                @Override
                public void add(T item) throws InterruptedException {
                    pending.add(item);
                    if (pending.size() == BATCH) {
                        queue.put(pending);
                        pending = new ArrayList<>(BATCH);
                    }
                }

                @Override
                public boolean cancelled() {
                    return cancelled;
                }
            });
            if (!pending.isEmpty()) {
                queue.put(pending);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // cancelled by close(): the consumer is no longer listening
        } catch (Throwable failure) {
            try {
                queue.put(new Failure(failure));
            } catch (InterruptedException e) {
                // cancelled meanwhile
            }
        }
    }

    /** The next items in order, or null at the end; rethrows what the producer threw. */
    @SuppressWarnings("unchecked")
    List<T> next() throws SQLException {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the " + work + " was interrupted");
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
            throw new StoreException("the " + work + " failed: " + cause, cause);
        }
        return (List<T>) item;
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            cancelled = true;
            thread.interrupt();
        }
        join(thread);
    }

    /** Waits for the thread to end, even when interrupted meanwhile (the interrupt is kept). */
    static void join(Thread thread) {
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

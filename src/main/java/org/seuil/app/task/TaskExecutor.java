package org.seuil.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (store queries, index builds, file copies) off the UI thread and hands the
 * result back on it. View models take one, so tests run them with {@link CurrentThreadTaskExecutor}
 * and no UI thread at all, as JabRef does.
 */
public interface TaskExecutor extends AutoCloseable {
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a small piece of code on the UI thread (or right away in tests). */
    void runOnUi(Runnable action);

    @Override
    default void close() {
    }
}

package org.seuil.app.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.task.TaskExecutor;

/**
 * Background threads that are busy: work waits until {@link #runAll()}, in the order it was asked
 * for, as it does behind a slow query; then each piece runs and delivers its result in turn.
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final TaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        waiting.add(() -> now.execute(work, onSuccess, onFailure));
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    /** Runs the work waiting so far (and what it asks for meanwhile), oldest first. */
    public void runAll() {
        while (!waiting.isEmpty()) {
            waiting.remove(0).run();
        }
    }
}

package org.seuil.sync.client;

import java.util.Random;

/**
 * Runs a sync call again after transient failures (no answer, 429, 5xx), waiting as
 * {@link Backoff} says; any other failure, or the last attempt's, comes out.
 */
final class Retrying {
    interface Call<T> {
        T run() throws SyncException;
    }

    private final Backoff backoff;
    private final SyncClient.Sleeper sleeper;
    private final Random random;

    Retrying(Backoff backoff, SyncClient.Sleeper sleeper, Random random) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.random = random;
    }

    <T> T call(Call<T> call) throws SyncException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (SyncException e) {
                if (!e.retryable() || attempt + 1 >= backoff.maxAttempts()) {
                    throw e;
                }
                sleeper.sleep(backoff.delay(attempt, e.retryAfterSeconds(), random));
            }
        }
    }
}

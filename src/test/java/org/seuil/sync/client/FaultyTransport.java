package org.seuil.sync.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * An HTTP layer between the real client and the real server that breaks things on purpose,
 * from a seed: requests lost on the way, answers lost after the server committed (as when the
 * server crashes between commit and reply), requests delivered twice, requests delivered late
 * after newer ones (reordering), and the client process dying mid-sync.
 */
final class FaultyTransport implements HttpTransport {
    enum Fault { DROP_REQUEST, DROP_RESPONSE, DUPLICATE, LATE, CRASH }

    /** The client process dies here; whatever it committed locally stays. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("client crashed", null, false, false);
        }
    }

    private final HttpTransport real;
    private final Random random;
    private final Deque<HttpRequest> inFlight = new ArrayDeque<>();
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    private double rate;

    FaultyTransport(HttpTransport real, Random random) {
        this.real = real;
        this.random = random;
    }

    void rate(double faultRate) {
        this.rate = faultRate;
    }

    Map<Fault, Integer> injected() {
        return injected;
    }

    // Synchronized: the change feed asks for its next page from a thread of its own.
    @Override
    public synchronized HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        if (!inFlight.isEmpty() && random.nextDouble() < 0.5) {
            deliverLate(inFlight.poll());
        }
        if (random.nextDouble() >= rate) {
            return real.send(request);
        }
        Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
        injected.merge(fault, 1, Integer::sum);
        switch (fault) {
            case DROP_REQUEST -> throw new IOException("request lost");
            case DROP_RESPONSE -> {
                real.send(request);
                throw new IOException("answer lost after the server committed");
            }
            case DUPLICATE -> {
                real.send(request);
                return real.send(request);
            }
            case LATE -> {
                inFlight.add(request);
                throw new IOException("timed out; the request is still on its way");
            }
            case CRASH -> {
                if (random.nextBoolean()) {
                    real.send(request); // crash after the server committed, before the answer was recorded
                }
                throw new Crash();
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Delivers everything still on its way; its answers reach nobody. */
    void flush() throws IOException, InterruptedException {
        while (!inFlight.isEmpty()) {
            deliverLate(inFlight.poll());
        }
    }

    private void deliverLate(HttpRequest request) throws IOException, InterruptedException {
        real.send(request);
    }
}

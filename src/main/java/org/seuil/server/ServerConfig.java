package org.seuil.server;

import java.nio.file.Path;
import java.time.Clock;
import org.seuil.sync.protocol.WireLimits;

/**
 * How a server instance behaves. Limits are per request; the rate limit is per token and per
 * instance (two instances behind a balancer each allow this rate).
 *
 * @param requestsPerSecond steady rate a token may send
 * @param burst             requests a token may send at once after a pause
 * @param maps              folder of offline map packs ({@code .map}, {@code .mbtiles}) offered for download, or null
 */
public record ServerConfig(WireLimits limits, int maxPhotoBytes, int maxPageSize,
                           double requestsPerSecond, int burst, Path maps, Clock clock) {
    public static final ServerConfig DEFAULT = new ServerConfig(WireLimits.DEFAULT, 10 * 1024 * 1024, 5000, 50, 200, null, Clock.systemUTC());

    public ServerConfig {
        if (limits == null || clock == null) {
            throw new IllegalArgumentException("limits and clock are required");
        }
        if (maxPhotoBytes < 1024 || maxPageSize < 1 || requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    public ServerConfig withRate(double perSecond, int newBurst) {
        return new ServerConfig(limits, maxPhotoBytes, maxPageSize, perSecond, newBurst, maps, clock);
    }

    public ServerConfig withLimits(WireLimits newLimits) {
        return new ServerConfig(newLimits, maxPhotoBytes, maxPageSize, requestsPerSecond, burst, maps, clock);
    }

    public ServerConfig withMaps(Path folder) {
        return new ServerConfig(limits, maxPhotoBytes, maxPageSize, requestsPerSecond, burst, folder, clock);
    }

    public ServerConfig withClock(Clock newClock) {
        return new ServerConfig(limits, maxPhotoBytes, maxPageSize, requestsPerSecond, burst, maps, newClock);
    }
}

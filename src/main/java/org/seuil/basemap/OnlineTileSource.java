package org.seuil.basemap;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.seuil.geo.TileId;

/**
 * Raster tiles downloaded from a tile server (OpenStreetMap's by default), only while the user
 * allows network use. Follows the OSM tile usage policy
 * (https://operations.osmfoundation.org/policies/tiles/): an identifying User-Agent, at most two
 * requests at a time, every tile kept in the disk cache in front of this source (so a tile is
 * downloaded once), no bulk download (prefetch only renders offline packs), and a pause after a
 * refusal or an error instead of hammering the server.
 */
public final class OnlineTileSource implements TileSource {
    private static final System.Logger LOG = System.getLogger(OnlineTileSource.class.getName());

    public static final String OSM_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    /** tile.openstreetmap.org serves zooms 0 to 19. */
    public static final int OSM_MAX_ZOOM = 19;
    private static final int MAX_CONNECTIONS = 2;
    private static final Duration BACK_OFF = Duration.ofSeconds(30);

    private final String template;
    private final BooleanSupplier networkAllowed;
    private final String userAgent;
    private final int maxZoom;
    /** Made at the first download: building one sets up TLS (some 300 classes), which the app's start need not wait for. */
    private volatile HttpClient client;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    /**
     * @param template       URL with {z}, {x} and {y}
     * @param networkAllowed asked before every request: the user's "use the network" switch
     * @param userAgent      e.g. {@link #userAgent(String)}
     */
    public OnlineTileSource(String template, BooleanSupplier networkAllowed, String userAgent, int maxZoom, Clock clock) {
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("tile URL template needs {z}, {x} and {y}: " + template);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a tile server must be told who is asking: empty User-Agent");
        }
        this.template = template;
        this.networkAllowed = Objects.requireNonNull(networkAllowed, "networkAllowed");
        this.userAgent = userAgent;
        this.maxZoom = maxZoom;
        this.clock = clock;
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    /** OpenStreetMap's standard tiles. */
    public static OnlineTileSource openStreetMap(BooleanSupplier networkAllowed, String version) {
        return new OnlineTileSource(OSM_TEMPLATE, networkAllowed, userAgent(version), OSM_MAX_ZOOM, Clock.systemUTC());
    }

    public static String userAgent(String version) {
        return "Seuil/" + (version == null || version.isBlank() ? "dev" : version) + " (+https://github.com/seuil-map/seuil)";
    }

    @Override
    public Optional<TileImage> tile(TileId id) throws IOException {
        if (id.zoom() > maxZoom || !networkAllowed.getAsBoolean() || clock.instant().isBefore(pausedUntil)) {
            return Optional.empty();
        }
        URI uri = URI.create(template.replace("{z}", Integer.toString(id.zoom()))
                .replace("{x}", Integer.toString(id.x())).replace("{y}", Integer.toString(id.y())));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("User-Agent", userAgent)
                .header("Accept", "image/png,image/*;q=0.8")
                .timeout(Duration.ofSeconds(20))
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            connections.acquire();
            try {
                response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                connections.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            pause(BACK_OFF, uri + ": " + e.getMessage());
            throw new IOException(uri + ": " + e.getMessage(), e);
        }
        int status = response.statusCode();
        if (status == 200) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("image/") || response.body().length == 0) {
                throw new IOException(uri + ": expected an image, got '" + type + "' (" + response.body().length + " bytes)");
            }
            return Optional.of(TileImage.ofEncoded(response.body()));
        }
        if (status == 404) {
            return Optional.empty();
        }
        // 429 Too Many Requests, 403 (blocked) or a server error: stop asking for a while.
        Duration wait = response.headers().firstValue("Retry-After").flatMap(OnlineTileSource::seconds).orElse(BACK_OFF);
        pause(wait, uri + " answered " + status);
        throw new IOException(uri + " answered HTTP " + status);
    }

    private void pause(Duration wait, String why) {
        pausedUntil = clock.instant().plus(wait);
        LOG.log(Level.INFO, "pausing tile downloads for " + wait.toSeconds() + " s: " + why);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(1, Math.min(3600, Long.parseLong(header.strip())))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "online " + URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")).getHost();
    }
}

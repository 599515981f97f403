package org.seuil.sync.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seuil.domain.BoundingBox;
import org.seuil.formats.json.Json;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.Protocol;
import org.seuil.sync.protocol.ProtocolException;
import org.seuil.sync.protocol.WireCodec;
import org.seuil.sync.protocol.WireLimits;

/**
 * Lists the offline packs a shared server offers and downloads one into a maps folder. The bytes
 * go to {@code .NAME.part} (with the pack's ETag beside it in {@code .NAME.part.etag}); a later call
 * resumes from the part's size with {@code Range}, and {@code If-Range} makes a server whose pack
 * changed meanwhile send the new pack whole. The finished file must match the listed SHA-256 and
 * pass the caller's check (it opens as a map) before it is moved into place in one atomic rename,
 * so the maps folder never holds half a pack.
 */
public final class PackDownloader {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PACK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(map|mbtiles)");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final WireCodec PROBLEMS = new WireCodec(new WireLimits(1 << 20, 1000, Json.MAX_STRING_LENGTH));

    /** A pack as the server lists it; {@code bounds} is null when the server could not read them. */
    public record RemotePack(String name, long size, String sha256, String kind, BoundingBox bounds) {
        public RemotePack {
            if (name == null || !PACK_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("pack name '" + name + "' is not a plain .map or .mbtiles file name");
            }
            if (size < 0 || sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("pack " + name + ": size and a lower-case sha256 are required");
            }
        }
    }

    /** Told how many bytes of the pack are on disk; it may throw to cancel (the part file stays, to resume). */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesOnDisk, long total);
    }

    /** Refuses a downloaded file that does not open as the pack it claims to be. */
    @FunctionalInterface
    public interface PackCheck {
        void check(Path file, String kind) throws IOException;
    }

    /**
     * @param resumedFrom   bytes already on disk when the transfer began (0 for a fresh download)
     * @param httpStatus    206 when the server sent only the rest, 200 when it sent the whole pack
     * @param bytesReceived bytes that came over the network in this call
     */
    public record Result(Path installed, long resumedFrom, int httpStatus, long bytesReceived) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http;

    /** @param server the server's root, e.g. {@code http://127.0.0.1:8080}; token may be null */
    public PackDownloader(URI server, String token) {
        this.base = URI.create(server.toString().replaceAll("/+$", "") + Protocol.BASE);
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Path partFile(Path folder, String name) {
        return folder.resolve("." + name + ".part");
    }

    private static Path etagFile(Path folder, String name) {
        return folder.resolve("." + name + ".part.etag");
    }

    public List<RemotePack> list() throws SyncException {
        HttpResponse<byte[]> response = send(request("/maps").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw failure(response, response.body());
        }
        try (JsonParser in = Json.FACTORY.createParser(response.body())) {
            return readListing(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new SyncException(200, null, 0, "the server's pack list is not valid: " + e.getMessage(), e);
        }
    }

    private static List<RemotePack> readListing(JsonParser in) throws IOException {
        List<RemotePack> packs = new ArrayList<>();
        expect(in.nextToken(), JsonToken.START_OBJECT, "the answer");
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            if (!field.equals("maps")) {
                in.skipChildren();
                continue;
            }
            expect(in.currentToken(), JsonToken.START_ARRAY, "maps");
            while (in.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                String sha = null;
                String kind = null;
                long size = -1;
                BoundingBox bounds = null;
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String key = in.currentName();
                    JsonToken value = in.nextToken();
                    switch (key) {
                        case "name" -> name = in.getValueAsString();
                        case "sha256" -> sha = in.getValueAsString();
                        case "kind" -> kind = in.getValueAsString();
                        case "size" -> size = value == JsonToken.VALUE_NUMBER_INT ? in.getLongValue() : -1;
                        case "bounds" -> {
                            expect(value, JsonToken.START_ARRAY, "maps[" + packs.size() + "].bounds");
                            double[] b = new double[4];
                            for (int i = 0; i < 4; i++) {
                                in.nextToken();
                                b[i] = in.getValueAsDouble();
                            }
                            expect(in.nextToken(), JsonToken.END_ARRAY, "maps[" + packs.size() + "].bounds");
                            bounds = new BoundingBox(b[0], b[1], b[2], b[3]);
                        }
                        default -> in.skipChildren();
                    }
                }
                packs.add(new RemotePack(name, size, sha, kind, bounds));
            }
        }
        return packs;
    }

    private static void expect(JsonToken actual, JsonToken expected, String where) throws IOException {
        if (actual != expected) {
            throw new IOException(where + ": expected " + expected + ", found " + actual);
        }
    }

    /**
     * Downloads (or resumes) {@code pack} into {@code folder} and installs it as {@code folder/NAME},
     * replacing an older file of that name.
     *
     * @throws PackRefusedException when the finished bytes are not the listed pack; nothing is installed
     *                              and the part file is deleted
     * @throws SyncException        when the server refuses or the transfer breaks; the part file stays
     */
    public Result download(RemotePack pack, Path folder, PackCheck check, Progress progress)
            throws SyncException, PackRefusedException, IOException {
        Files.createDirectories(folder);
        Path part = partFile(folder, pack.name());
        Path etagFile = etagFile(folder, pack.name());
        String partEtag = Files.isRegularFile(etagFile) ? Files.readString(etagFile, StandardCharsets.US_ASCII).strip() : null;
        long onDisk = Files.isRegularFile(part) && partEtag != null ? Files.size(part) : 0;
        if (onDisk > pack.size() || (onDisk == pack.size() && !partEtag.equals(etag(pack)))) {
            onDisk = 0; // longer than the pack, or complete but of another version: start again
        }
        Result result;
        if (onDisk == pack.size() && onDisk > 0) {
            result = new Result(null, onDisk, 0, 0); // complete already: only verify and install
        } else {
            result = transfer(pack, part, etagFile, partEtag, onDisk, progress);
        }
        Path target = folder.resolve(pack.name());
        verify(pack, part, etagFile, check);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(etagFile);
        return new Result(target, result.resumedFrom(), result.httpStatus(), result.bytesReceived());
    }

    private Result transfer(RemotePack pack, Path part, Path etagFile, String partEtag, long onDisk, Progress progress)
            throws SyncException, IOException {
        HttpRequest.Builder builder = request("/maps/" + URLEncoder.encode(pack.name(), StandardCharsets.UTF_8)).GET();
        if (onDisk > 0) {
            builder.header("Range", "bytes=" + onDisk + "-").header("If-Range", partEtag);
        }
        HttpResponse<InputStream> response = send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long start;
            long total;
            if (status == 206) {
                Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != onDisk) {
                    throw new SyncException(206, null, 0, "the server answered a resume of " + pack.name() + " from byte " + onDisk
                            + " with Content-Range '" + response.headers().firstValue("Content-Range").orElse("") + "'", null);
                }
                start = onDisk;
                total = Long.parseLong(range.group(3));
            } else if (status == 200) {
                start = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(pack.size());
            } else {
                if (status == 416) { // the part no longer fits the pack: the next call starts over
                    Files.deleteIfExists(part);
                    Files.deleteIfExists(etagFile);
                }
                throw failure(response, body.readNBytes(1 << 20));
            }
            String etag = response.headers().firstValue("ETag").orElse(etag(pack));
            Files.writeString(etagFile, etag, StandardCharsets.US_ASCII);
            long received = copy(body, part, start, total, progress);
            long length = Files.size(part);
            if (length < total) {
                throw new SyncException(0, null, 0, "the download of " + pack.name() + " stopped at " + length + " of " + total
                        + " bytes; run it again to resume", null);
            }
            return new Result(null, start, status, received);
        }
    }

    private static long copy(InputStream body, Path part, long start, long total, Progress progress) throws SyncException, IOException {
        long received = 0;
        StandardOpenOption mode = start > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[1 << 16];
            progress.update(start, total);
            int n;
            while (true) {
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw new SyncException(0, null, 0, "the connection broke after " + (start + received) + " of " + total
                            + " bytes (" + e.getMessage() + "); run it again to resume", e);
                }
                if (n < 0) {
                    break;
                }
                if (start + received + n > total) {
                    throw new SyncException(0, null, 0, "the server sent more than the " + total + " bytes it announced", null);
                }
                out.write(buffer, 0, n);
                received += n;
                progress.update(start + received, total);
            }
        }
        return received;
    }

    private static void verify(RemotePack pack, Path part, Path etagFile, PackCheck check) throws IOException, PackRefusedException {
        String actual = sha256(part);
        try {
            if (!actual.equals(pack.sha256())) {
                throw new PackRefusedException(pack.name() + ": the downloaded bytes have SHA-256 " + actual + ", the server lists "
                        + pack.sha256() + "; the download is discarded and nothing was installed");
            }
            try {
                check.check(part, pack.kind());
            } catch (IOException | RuntimeException e) {
                throw new PackRefusedException(pack.name() + ": the download matches its checksum but does not open as a "
                        + pack.kind() + " pack (" + e.getMessage() + "); nothing was installed", e);
            }
        } catch (PackRefusedException e) {
            Files.deleteIfExists(part);
            Files.deleteIfExists(etagFile);
            throw e;
        }
    }

    static String etag(RemotePack pack) {
        return "\"" + pack.sha256() + "\"";
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws SyncException {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new SyncException(0, null, 0, "no answer from " + request.uri().getHost() + ":" + request.uri().getPort()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(0, null, 0, "interrupted", e);
        }
    }

    private static SyncException failure(HttpResponse<?> response, byte[] body) {
        Problem problem = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith(Protocol.PROBLEM_JSON)) {
            try {
                problem = PROBLEMS.readProblem(new ByteArrayInputStream(body));
            } catch (ProtocolException | java.io.UncheckedIOException e) {
                problem = null;
            }
        }
        String detail = problem == null ? "" : ": " + problem.title() + (problem.detail() == null ? "" : " (" + problem.detail() + ")");
        return new SyncException(response.statusCode(), problem, 0,
                response.request().method() + " " + response.request().uri().getPath() + " answered " + response.statusCode() + detail, null);
    }
}

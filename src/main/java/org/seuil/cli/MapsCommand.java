package org.seuil.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.reader.header.MapFileInfo;
import org.seuil.basemap.MBTiles;
import org.seuil.basemap.MapTheme;
import org.seuil.basemap.MapsforgeTileSource;
import org.seuil.basemap.PackInstaller;
import org.seuil.basemap.PackLocator;
import org.seuil.basemap.Prefetcher;
import org.seuil.basemap.build.MapBuilder;
import org.seuil.basemap.build.MapWriterRuntime;
import org.seuil.basemap.world.TopoJsonReader;
import org.seuil.basemap.world.WorldData;
import org.seuil.basemap.world.WorldFile;
import org.seuil.basemap.world.WorldOverview;
import org.seuil.domain.BoundingBox;
import org.seuil.store.DataFolder;
import org.seuil.sync.client.PackDownloader;
import org.seuil.sync.client.PackRefusedException;
import org.seuil.sync.client.SyncException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seuil maps}: offline map packs (install, list, prefetch) and the world overview file. */
@Command(name = "maps", mixinStandardHelpOptions = true,
        description = "Offline maps: install mapsforge packs, list them, build one from an OSM extract, pre-render an area, build the world overview.",
        subcommands = {MapsCommand.Install.class, MapsCommand.ListPacks.class, MapsCommand.Build.class, MapsCommand.Prefetch.class, MapsCommand.World.class,
                MapsCommand.Remote.class, MapsCommand.Download.class})
public final class MapsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The data folder option shared by the subcommands that use it. */
    static final class DataFolderOption {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Seuil's data folder (default: the platform's, or SEUIL_HOME).")
        Path dataDir;

        Path resolve() {
            return dataDir != null ? dataDir : DataFolder.resolve();
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Checks that FILE is a mapsforge .map or an MBTiles .mbtiles pack and copies it into the data folder's maps/ folder.")
    static final class Install implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The pack to install: FILE.map (mapsforge) or FILE.mbtiles.")
        Path file;

        @Option(names = "--force", description = "Replace an installed pack of the same name.")
        boolean force;

        @CommandLine.Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file");
            }
            PackLocator.Kind kind = PackInstaller.kindOf(file).orElseThrow(() ->
                    new IllegalArgumentException(file + ": an offline pack must end in .map (mapsforge) or .mbtiles"));
            Path target = PackInstaller.target(file, data.resolve());
            if (Files.exists(target) && !force) {
                throw new IllegalArgumentException(target + " is already installed (use --force to replace it)");
            }
            Path installed = PackInstaller.install(file, data.resolve(), force, PackInstaller.Progress.none());
            String summary = kind == PackLocator.Kind.VECTOR_MAP ? describeMap(installed) : describeMbtiles(installed);
            spec.commandLine().getOut().println("installed " + installed + " (" + summary + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the offline packs the app will use.")
    static final class ListPacks implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> folders = PackLocator.defaultFolders(data.resolve());
            List<PackLocator.Pack> packs = PackLocator.find(folders);
            if (packs.isEmpty()) {
                out.println("no offline packs in " + folders + "; the map shows the world overview"
                        + " (and OpenStreetMap tiles when the network is allowed)");
            }
            for (PackLocator.Pack pack : packs) {
                String description;
                try {
                    description = pack.kind() == PackLocator.Kind.VECTOR_MAP ? describeMap(pack.file()) : describeMbtiles(pack.file());
                } catch (IOException e) {
                    description = "UNREADABLE: " + e.getMessage();
                }
                out.println((pack.kind() == PackLocator.Kind.VECTOR_MAP ? "vector " : "raster ") + pack.file() + "  " + description);
            }
            try {
                out.println("world  " + WorldOverview.RESOURCE + "  " + WorldOverview.loadBundled().countryCount() + " countries (shown wherever no pack covers)");
            } catch (IOException e) {
                out.println("world  UNAVAILABLE: " + e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Builds a mapsforge .map pack from an OpenStreetMap extract with mapsforge-map-writer 0.4.1 in osmosis 0.45,"
                    + " keeping the tags the accessibility theme draws (steps, kerbs, ramps, elevators, toilets, wheelchair).",
                    "The writer is not part of the app: see docs/offline-maps.md, or run the command to be told how to get it."})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "EXTRACT", description = "An OSM extract: .osm.pbf, .osm, .osm.gz or .osm.bz2.")
        Path extract;

        @Option(names = "--out", required = true, paramLabel = "FILE.map", description = "The pack to write.")
        Path out;

        @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Keep only this area (default: the whole extract).")
        String bbox;

        @Option(names = "--tag-conf", paramLabel = "FILE.xml",
                description = "A map-writer tag mapping (default: Seuil's, maps/seuil-tag-mapping.xml).")
        Path tagConf;

        @Option(names = "--hd", description = "Keep the writer's working data on disk, not in memory (for country-sized extracts).")
        boolean hd;

        @Option(names = "--writer-dir", paramLabel = "DIR", description = "A folder holding the map writer's jars.")
        Path writerDir;

        @Option(names = "--force", description = "Overwrite FILE.map if it exists.")
        boolean force;

        @CommandLine.Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out) && !force) {
                throw new IllegalArgumentException(out + " exists (use --force to overwrite it)");
            }
            BoundingBox area = bbox == null ? null : BoundingBox.parse(bbox);
            MapBuilder.inputTask(extract);
            List<Path> folders = new java.util.ArrayList<>();
            if (writerDir != null) {
                folders.add(writerDir);
            }
            folders.addAll(MapWriterRuntime.defaultFolders(data.resolve()));
            Path repository = MapWriterRuntime.defaultMavenRepository();
            PrintWriter err = spec.commandLine().getErr();
            java.util.Optional<MapWriterRuntime> runtime = MapWriterRuntime.locate(folders, repository);
            if (runtime.isEmpty()) {
                err.print("seuil: the map writer is not installed. " + MapWriterRuntime.missingMessage(folders, repository));
                err.flush();
                return 3;
            }
            err.println("building " + out + " from " + extract.getFileName() + (area == null ? "" : " (area " + bbox + ")")
                    + (tagConf == null ? " with Seuil's accessibility tag mapping" : " with " + tagConf));
            MapBuilder.Result result = new MapBuilder(runtime.get()).build(
                    new MapBuilder.Request(extract, out, area, tagConf, hd ? MapBuilder.Storage.HD : MapBuilder.Storage.RAM),
                    line -> {
                        err.println("  " + line);
                        err.flush();
                    });
            BoundingBox b = result.bounds();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, bbox %.5f,%.5f,%.5f,%.5f, zooms %d-%d) in %.1f s%n",
                    result.file(), size(result.bytes()), b.minLon(), b.minLat(), b.maxLon(), b.maxLat(), result.minZoom(), result.maxZoom(),
                    result.seconds());
            spec.commandLine().getOut().println("install it with: seuil maps install " + result.file());
            return 0;
        }
    }

    @Command(name = "prefetch", mixinStandardHelpOptions = true,
            description = "Pre-renders an area of a mapsforge pack into an MBTiles raster pack.")
    static final class Prefetch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--map", required = true, paramLabel = "FILE.map", description = "The mapsforge pack to render.")
        Path map;

        @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Area to render (default: the whole pack).")
        String bbox;

        @Option(names = "--zooms", defaultValue = "12-18", paramLabel = "MIN-MAX", description = "Zoom levels (default: ${DEFAULT-VALUE}).")
        String zooms;

        @Option(names = "--out", required = true, paramLabel = "FILE.mbtiles", description = "The raster pack to write.")
        Path out;

        @Option(names = "--tile-size", defaultValue = "256", description = "256, or 512 for HiDPI screens (default: ${DEFAULT-VALUE}).")
        int tileSize;

        @Option(names = "--theme", defaultValue = "accessibility", paramLabel = "THEME",
                description = "accessibility, default (mapsforge's) or a theme XML file (default: ${DEFAULT-VALUE}).")
        String theme;

        @Option(names = "--force", description = "Overwrite FILE.mbtiles if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            int[] range = parseZooms(zooms);
            if (tileSize != 256 && tileSize != 512) {
                throw new IllegalArgumentException("--tile-size: must be 256 or 512, got " + tileSize);
            }
            if (Files.exists(out) && !force) {
                throw new IllegalArgumentException(out + " exists (use --force to overwrite it)");
            }
            try (MapsforgeTileSource renderer = new MapsforgeTileSource(List.of(map), MapTheme.parse(theme), tileSize, 0)) {
                BoundingBox area = bbox == null ? renderer.coverage() : BoundingBox.parse(bbox);
                long total = Prefetcher.tileCount(area, range[0], range[1]);
                PrintWriter err = spec.commandLine().getErr();
                err.println("rendering " + total + " tiles of " + map.getFileName() + " (zooms " + range[0] + "-" + range[1]
                        + ", " + tileSize + " px) into " + out);
                ProgressBar bar = new ProgressBar(err);
                Prefetcher.Summary summary = Prefetcher.prefetch(renderer, area, range[0], range[1], out, bar::show);
                bar.finish();
                spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d tiles (%.1f MB) to %s in %.1f s%n",
                        summary.tiles(), summary.bytes() / 1e6, out, summary.seconds());
            }
            return 0;
        }
    }

    @Command(name = "world", mixinStandardHelpOptions = true,
            description = "Converts Natural Earth TopoJSON (world-atlas countries-*.json) into the compact world overview file.")
    static final class World implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--topojson", required = true, paramLabel = "FILE.json", description = "e.g. countries-50m.json")
        Path topojson;

        @Option(names = "--out", defaultValue = "maps/world.bin", paramLabel = "FILE", description = "Default: ${DEFAULT-VALUE}")
        Path out;

        @Override
        public Integer call() throws IOException {
            WorldData world = TopoJsonReader.read(topojson);
            Path absolute = out.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
            try (OutputStream stream = Files.newOutputStream(temp)) {
                WorldFile.write(world, stream);
            }
            WorldOverview.load(temp); // refuse to ship a file that does not read back
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long points = world.arcs().stream().mapToLong(a -> a.length / 2).sum();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d countries, %d land polygons, %d arcs, %d points, %d bytes%n",
                    out, world.countries().size(), world.land().size(), world.arcs().size(), points, Files.size(absolute));
            return 0;
        }
    }

    /** The shared server and token, as {@code seuil sync} takes them. */
    static final class ServerOption {
        @Option(names = "--server", required = true, paramLabel = "URL", description = "the shared server, e.g. https://seuil.example.org")
        URI server;

        @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:SEUIL_TOKEN}",
                description = "bearer token from `seuil server token create` (default: env SEUIL_TOKEN)")
        String token;

        PackDownloader downloader() {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a token is required: --token TOKEN or env SEUIL_TOKEN");
            }
            return new PackDownloader(server, token);
        }
    }

    @Command(name = "remote", mixinStandardHelpOptions = true, description = "Lists the offline packs a shared server offers.")
    static final class Remote implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ServerOption server = new ServerOption();

        @Override
        public Integer call() throws SyncException {
            PrintWriter out = spec.commandLine().getOut();
            List<PackDownloader.RemotePack> packs = server.downloader().list();
            if (packs.isEmpty()) {
                out.println("the server offers no packs");
            }
            for (PackDownloader.RemotePack p : packs) {
                String bounds = p.bounds() == null ? "bounds unknown" : String.format(Locale.ROOT, "bbox %.5f,%.5f,%.5f,%.5f",
                        p.bounds().minLon(), p.bounds().minLat(), p.bounds().maxLon(), p.bounds().maxLat());
                out.println(p.name() + "  " + p.kind() + "  " + size(p.size()) + "  " + bounds + "  sha256 " + p.sha256());
            }
            return 0;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Downloads a pack from a shared server into the data folder's maps/ folder, resuming an interrupted"
                    + " download, and installs it once its checksum and header are verified.")
    static final class Download implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The pack's name as `seuil maps remote` lists it.")
        String name;

        @Option(names = "--force", description = "Replace an installed pack of the same name.")
        boolean force;

        @CommandLine.Mixin
        ServerOption server = new ServerOption();

        @CommandLine.Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() throws IOException, SyncException, PackRefusedException {
            PackDownloader downloader = server.downloader();
            PackDownloader.RemotePack pack = downloader.list().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + ": the server offers no such pack (see `seuil maps remote`)"));
            Path folder = PackLocator.installFolder(data.resolve());
            Path target = folder.resolve(pack.name());
            if (Files.exists(target) && !force) {
                throw new IllegalArgumentException(target + " is already installed (use --force to replace it)");
            }
            PrintWriter err = spec.commandLine().getErr();
            ByteBar bar = new ByteBar(err);
            PackDownloader.Result result;
            try {
                result = downloader.download(pack, folder, PackLocator::checkReadable, bar::show);
            } finally {
                bar.finish();
            }
            spec.commandLine().getOut().println("installed " + result.installed() + " (" + pack.kind() + ", " + size(pack.size())
                    + (result.resumedFrom() > 0 ? ", resumed from " + size(result.resumedFrom()) : "") + ", sha256 verified)");
            return 0;
        }
    }

    /** A byte progress bar redrawn in place, at most once a percent. */
    static final class ByteBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private int lastPercent = -1;

        ByteBar(PrintWriter err) {
            this.err = err;
        }

        void show(long done, long total) {
            int percent = total == 0 ? 100 : (int) (100 * done / total);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * WIDTH / 100;
            err.printf(Locale.ROOT, "\r[%s%s] %3d%% %s of %s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, size(done), size(total));
            err.flush();
        }

        void finish() {
            if (lastPercent >= 0) {
                err.println();
                err.flush();
            }
        }
    }

    static int[] parseZooms(String text) {
        String[] parts = text.split("-");
        try {
            int min = Integer.parseInt(parts[0].strip());
            int max = parts.length == 1 ? min : Integer.parseInt(parts[1].strip());
            if (parts.length > 2 || min < 0 || max > 22 || min > max) {
                throw new NumberFormatException();
            }
            return new int[] {min, max};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--zooms: expected MIN-MAX within 0-22, e.g. 12-18, got '" + text + "'");
        }
    }

    /** Opens a .map file as mapsforge would and summarises its header; refuses a corrupt file. */
    static String describeMap(Path file) throws IOException {
        MapFile mapFile = MapsforgeTileSource.openMapFile(file);
        try {
            MapFileInfo info = mapFile.getMapFileInfo();
            org.mapsforge.core.model.BoundingBox b = info.boundingBox;
            return String.format(Locale.ROOT, "mapsforge v%d, bbox %.5f,%.5f,%.5f,%.5f, zooms %d-%d, %s",
                    info.fileVersion, b.minLongitude, b.minLatitude, b.maxLongitude, b.maxLatitude,
                    info.zoomLevelMin, info.zoomLevelMax, size(Files.size(file)));
        } finally {
            mapFile.close();
        }
    }

    static String describeMbtiles(Path file) throws IOException {
        try (MBTiles mbtiles = MBTiles.openReadOnly(file)) {
            Map<String, String> m = mbtiles.metadata();
            return "MBTiles " + m.getOrDefault("format", "?") + ", bbox " + m.getOrDefault("bounds", "?") + ", zooms "
                    + m.getOrDefault("minzoom", "?") + "-" + m.getOrDefault("maxzoom", "?") + ", " + mbtiles.tileCount()
                    + " tiles, " + size(Files.size(file));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : String.format(Locale.ROOT, "%d KB", bytes / 1000);
    }

    /** A one-line progress bar redrawn in place with a carriage return. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private int lastPercent = -1;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void show(Prefetcher.Progress progress) {
            int percent = progress.total() == 0 ? 100 : (int) (100 * progress.done() / progress.total());
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * WIDTH / 100;
            err.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d tiles %.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent,
                    progress.done(), progress.total(), (System.nanoTime() - started) / 1e9);
            err.flush();
        }

        void finish() {
            err.println();
            err.flush();
        }
    }
}

package org.seuil.basemap.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapsforge.core.model.Tag;
import org.mapsforge.core.model.Tile;
import org.mapsforge.map.datastore.MapReadResult;
import org.mapsforge.map.datastore.PointOfInterest;
import org.mapsforge.map.datastore.Way;
import org.mapsforge.map.reader.MapFile;
import org.seuil.basemap.MapTheme;
import org.seuil.basemap.MapsforgeTileSource;
import org.seuil.basemap.SharedData;
import org.seuil.basemap.TestImages;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code seuil maps build} on the real Monaco extract: the writer runs in its own class loader,
 * the pack opens with the app's mapsforge reader, keeps the accessibility tags the default
 * mapping drops, and renders with our theme.
 */
class MapBuildTest {
    private static final Color WHEELCHAIR_GREEN = new Color(0x1A, 0x96, 0x41);

    @TempDir
    static Path shared;

    private static Path built;
    private static MapBuilder.Result result;
    private static final List<String> progress = new ArrayList<>();

    @TempDir
    Path dir;

    private static MapWriterRuntime runtimeOrSkip() {
        var folders = MapWriterRuntime.defaultFolders(shared);
        var runtime = MapWriterRuntime.locate(folders, MapWriterRuntime.defaultMavenRepository());
        assumeTrue(runtime.isPresent(), "the map writer's jars are absent (mvn -Pmapwriter package, or see docs/offline-maps.md); test skipped");
        return runtime.get();
    }

    /** Built once for the class: the writer takes 10-20 s on Monaco. */
    @BeforeAll
    static void buildMonaco() throws IOException {
        String root = System.getProperty("seuil.shared.data");
        if (root == null || !Files.isRegularFile(Path.of(root, "osm/monaco-2021-04-21.osm.pbf"))) {
            return;
        }
        var runtime = MapWriterRuntime.locate(MapWriterRuntime.defaultFolders(shared), MapWriterRuntime.defaultMavenRepository());
        if (runtime.isEmpty()) {
            return;
        }
        built = shared.resolve("monaco-a11y.map");
        result = new MapBuilder(runtime.get()).build(new MapBuilder.Request(Path.of(root, "osm/monaco-2021-04-21.osm.pbf"), built, null, null,
                MapBuilder.Storage.RAM), progress::add);
    }

    private static Path builtOrSkip() {
        SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        runtimeOrSkip();
        assertTrue(built != null && Files.isRegularFile(built), "the build did not leave a pack");
        return built;
    }

    @Test
    void theMonacoPackCoversMonacoAndReportsProgress() {
        Path pack = builtOrSkip();
        assertEquals(pack.toAbsolutePath(), result.file());
        BoundingBox b = result.bounds();
        // the bounds of the extract, as in the shared pack built from it with the same writer
        assertEquals(7.40921, b.minLon(), 1e-4);
        assertEquals(43.72335, b.minLat(), 1e-4);
        assertEquals(7.44864, b.maxLon(), 1e-4);
        assertEquals(43.75169, b.maxLat(), 1e-4);
        assertTrue(result.bytes() > 100_000, "a Monaco pack is about 190 KB, got " + result.bytes());
        assertTrue(result.comment() == null || !result.comment().contains("default-profile"), result.comment());
        assertFalse(Files.exists(pack.resolveSibling(pack.getFileName() + ".part")), "the partial file is renamed");
        assertTrue(progress.contains("reading the extract"), progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("written 100%")), progress.toString());
    }

    @Test
    void ourTagMappingKeepsTheAccessibilityTagsTheDefaultOneDrops() throws IOException {
        Path pack = builtOrSkip();
        Map<String, Integer> ours = tagCounts(pack, 16);
        Map<String, Integer> defaults = tagCounts(SharedData.monacoMap(), 16);
        // Monaco's extract has 122 wheelchair=yes places; most are nodes.
        assertTrue(ours.getOrDefault("poi:wheelchair=yes", 0) > 50, ours.toString());
        assertTrue(ours.getOrDefault("poi:wheelchair=no", 0) > 0, ours.toString());
        assertEquals(0, defaults.getOrDefault("poi:wheelchair=yes", 0), "the shared pack used the default mapping");
        assertTrue(ours.getOrDefault("way:highway=steps", 0) >= defaults.getOrDefault("way:highway=steps", 0));
        assertTrue(ours.getOrDefault("poi:amenity=toilets", 0) > 0, ours.toString());
        // steps appear from zoom 14 with our mapping, from 16 with the default one
        assertTrue(tagCounts(pack, 14).getOrDefault("way:highway=steps", 0) > 0);
        assertEquals(0, tagCounts(SharedData.monacoMap(), 14).getOrDefault("way:highway=steps", 0));
    }

    @Test
    void theBuiltPackRendersWheelchairPlacesWithOurTheme() throws IOException {
        Path pack = builtOrSkip();
        int greenOurs = 0;
        int greenDefault = 0;
        int drawn = 0;
        try (MapsforgeTileSource ours = new MapsforgeTileSource(List.of(pack), new MapTheme.Accessibility(), 256, 10);
                MapsforgeTileSource shipped = new MapsforgeTileSource(List.of(SharedData.monacoMap()), new MapTheme.Accessibility(), 256, 10)) {
            for (TileId id : tilesOf(ours.coverage(), 16)) {
                var image = ours.render(id);
                if (TestImages.distinctColours(image) > 20) {
                    drawn++;
                }
                greenOurs += TestImages.pixelsNear(image, WHEELCHAIR_GREEN, 12);
                greenDefault += TestImages.pixelsNear(shipped.render(id), WHEELCHAIR_GREEN, 12);
            }
        }
        assertTrue(drawn >= 10, "tiles over Monaco are drawn, not blank: " + drawn);
        assertTrue(greenOurs > 500, "wheelchair=yes places are drawn green: " + greenOurs);
        assertTrue(greenOurs > 5 * Math.max(1, greenDefault), "ours " + greenOurs + " vs default mapping " + greenDefault);
    }

    @Test
    void anAreaKeepsOnlyThatPartOfTheExtract() throws IOException {
        Path extract = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        MapWriterRuntime runtime = runtimeOrSkip();
        BoundingBox area = new BoundingBox(7.415, 43.728, 7.425, 43.735);
        MapBuilder.Result small = new MapBuilder(runtime).build(new MapBuilder.Request(extract, dir.resolve("part.map"), area, null,
                MapBuilder.Storage.HD), line -> { });
        assertEquals(area.minLon(), small.bounds().minLon(), 1e-6);
        assertEquals(area.maxLat(), small.bounds().maxLat(), 1e-6);
        assertTrue(small.bytes() < 150_000, "a part of Monaco is smaller than Monaco: " + small.bytes());
    }

    @Test
    void aCorruptExtractFailsWithTheWritersReasonAndLeavesNothing() throws IOException {
        MapWriterRuntime runtime = runtimeOrSkip();
        Path broken = dir.resolve("broken.osm.pbf");
        Files.write(broken, "this is not a protocol buffer, just some text long enough to be read".getBytes());
        Path out = dir.resolve("out.map");
        IOException e = assertThrows(IOException.class, () -> new MapBuilder(runtime).build(
                new MapBuilder.Request(broken, out, null, null, MapBuilder.Storage.RAM), line -> { }));
        assertTrue(e.getMessage().startsWith("the map writer failed: "), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("broken.osm.pbf"), files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void anExtractOfAnotherKindIsRefusedByName() {
        IOException e = assertThrows(IOException.class, () -> MapBuilder.inputTask(Path.of("places.geojson")));
        assertTrue(e.getMessage().contains("expected .osm.pbf"), e.getMessage());
    }

    @Test
    void withoutTheWriterTheMessageSaysWhereItLookedAndHowToGetIt() {
        List<Path> folders = List.of(dir.resolve("nowhere"), dir.resolve("data/mapwriter"));
        assertTrue(MapWriterRuntime.locate(folders, dir.resolve("no-m2")).isEmpty());
        String message = MapWriterRuntime.missingMessage(folders, dir.resolve("no-m2"));
        assertTrue(message.contains(dir.resolve("nowhere").toString()), message);
        assertTrue(message.contains("mvn -Pmapwriter -DskipTests package"), message);
        assertTrue(message.contains("org.mapsforge:mapsforge-map-writer:0.4.1"), message);
        assertTrue(message.contains("org.openstreetmap.osmosis:osmosis-core:0.45"), message);
    }

    @Test
    void aFolderHoldingEveryJarIsFoundBeforeTheMavenRepository() throws IOException {
        Path folder = dir.resolve("mapwriter");
        Files.createDirectories(folder);
        for (MapWriterRuntime.Artifact a : MapWriterRuntime.ARTIFACTS) {
            Files.writeString(folder.resolve(a.fileName()), "stand-in");
        }
        var found = MapWriterRuntime.locate(List.of(dir.resolve("empty"), folder), null);
        assertEquals(folder.resolve("mapsforge-map-writer-0.4.1.jar"), found.orElseThrow().jars().get(0));
        Files.delete(folder.resolve("osmosis-pbf-0.45.jar"));
        assertTrue(MapWriterRuntime.locate(List.of(folder), null).isEmpty(), "a folder missing one jar does not count");
    }

    @Test
    void theMavenProfileCopiesExactlyTheJarsTheRuntimeLooksFor() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList profiles = document.getElementsByTagName("profile");
        List<String> inPom = new ArrayList<>();
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (!"mapwriter".equals(text(profile, "id"))) {
                continue;
            }
            NodeList items = profile.getElementsByTagName("artifactItem");
            for (int j = 0; j < items.getLength(); j++) {
                Element item = (Element) items.item(j);
                inPom.add(text(item, "groupId") + ":" + text(item, "artifactId") + ":" + text(item, "version"));
            }
        }
        assertEquals(MapWriterRuntime.ARTIFACTS.stream().map(Object::toString).toList(), inPom);
    }

    @Test
    void theTagMappingKeepsEveryAccessibilityTagTheThemeDraws() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("maps/seuil-tag-mapping.xml").toFile());
        Set<String> mapped = new java.util.HashSet<>();
        for (String group : List.of("pois", "ways")) {
            NodeList groups = document.getElementsByTagName(group);
            for (int i = 0; i < groups.getLength(); i++) {
                NodeList tags = ((Element) groups.item(i)).getElementsByTagName("osm-tag");
                for (int j = 0; j < tags.getLength(); j++) {
                    Element tag = (Element) tags.item(j);
                    mapped.add(group + ":" + tag.getAttribute("key") + "=" + tag.getAttribute("value"));
                }
            }
        }
        // the features of the theme's legend (docs/offline-maps.md, "Accessibility render theme")
        for (String needed : List.of("ways:highway=steps", "ways:ramp=yes", "ways:ramp:wheelchair=yes", "ways:ramp:stroller=yes",
                "ways:stairlift=yes", "pois:kerb=lowered", "pois:kerb=flush", "pois:kerb=no", "pois:kerb=rolled", "pois:kerb=raised",
                "pois:kerb=yes", "pois:barrier=kerb", "pois:ramp=yes", "pois:ramp:wheelchair=yes", "ways:man_made=ramp",
                "pois:highway=elevator", "ways:highway=elevator", "ways:building=elevator", "pois:amenity=toilets", "ways:amenity=toilets",
                "pois:toilets:wheelchair=yes", "pois:wheelchair=yes", "pois:wheelchair=designated", "pois:wheelchair=limited",
                "pois:wheelchair=no", "ways:wheelchair=yes", "ways:wheelchair=limited", "ways:wheelchair=no", "ways:highway=footway")) {
            assertTrue(mapped.contains(needed), "the tag mapping lacks " + needed);
        }
    }

    @Test
    void theTagMappingOnTheClassPathIsTheOneInMaps() throws IOException {
        try (var in = MapBuilder.class.getResourceAsStream(MapBuilder.ACCESSIBILITY_TAG_MAPPING)) {
            assertTrue(in != null, "the tag mapping must be in the jar");
            assertEquals(Files.readString(Path.of("maps/seuil-tag-mapping.xml")), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    /** "poi:key=value" and "way:key=value" counts over every tile of the pack at one zoom. */
    private static Map<String, Integer> tagCounts(Path pack, int zoom) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        MapFile mapFile = MapsforgeTileSource.openMapFile(pack);
        try {
            var b = mapFile.boundingBox();
            for (TileId id : tilesOf(new BoundingBox(b.minLongitude, b.minLatitude, b.maxLongitude, b.maxLatitude), zoom)) {
                MapReadResult read = mapFile.readMapData(new Tile(id.x(), id.y(), (byte) zoom, 256));
                if (read == null) {
                    continue;
                }
                for (PointOfInterest poi : read.pois) {
                    for (Tag tag : poi.tags) {
                        counts.merge("poi:" + tag.key + "=" + tag.value, 1, Integer::sum);
                    }
                }
                for (Way way : read.ways) {
                    for (Tag tag : way.tags) {
                        counts.merge("way:" + tag.key + "=" + tag.value, 1, Integer::sum);
                    }
                }
            }
        } finally {
            mapFile.close();
        }
        return counts;
    }

    private static List<TileId> tilesOf(BoundingBox box, int zoom) {
        TileId nw = WebMercator.tileAt(new GeoPoint(box.maxLat(), box.minLon()), zoom);
        TileId se = WebMercator.tileAt(new GeoPoint(box.minLat(), box.maxLon()), zoom);
        List<TileId> tiles = new ArrayList<>();
        for (int x = nw.x(); x <= se.x(); x++) {
            for (int y = nw.y(); y <= se.y(); y++) {
                tiles.add(new TileId(zoom, x, y));
            }
        }
        return tiles;
    }
}

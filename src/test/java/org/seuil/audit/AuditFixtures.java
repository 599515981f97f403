package org.seuil.audit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.osm.OsmReader;
import org.seuil.store.ImportSource;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** Real data for audit tests: the Monaco extract in ../shared/data and the Monaco-Ville polygon in test resources. */
public final class AuditFixtures {
    private AuditFixtures() {
    }

    public static Path monacoPbf() {
        Path file = Path.of(System.getProperty("seuil.shared.data", "../shared/data")).resolve("osm/monaco-2021-04-21.osm.pbf");
        assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is absent: skipping the audit test on real OSM data");
        return file;
    }

    /** A new store in {@code dir} holding the Monaco extract. */
    public static SqlitePlaceStore monacoStore(Path dir) {
        Path pbf = monacoPbf();
        SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
        store.importRecords(OsmReader.places(pbf), ImportSource.OSM);
        return store;
    }

    public static Path resource(String name) {
        try {
            return Path.of(AuditFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path monacoVille() {
        return resource("monaco-ville.geojson");
    }

    /** The outer ring of the Monaco-Ville polygon as [lon, lat] pairs, read without JTS. */
    static List<double[]> monacoVilleRing() {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(monacoVille()));
            List<double[]> ring = new ArrayList<>();
            for (JsonNode p : root.get("features").get(0).get("geometry").get("coordinates").get(0)) {
                ring.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
            }
            return ring;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Even-odd ray casting: an independent check of JTS and the R*Tree. */
    static boolean inRing(List<double[]> ring, GeoPoint p) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[1] > p.lat()) != (b[1] > p.lat()) && p.lon() < (b[0] - a[0]) * (p.lat() - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Counts the extract's places inside the Monaco-Ville ring that the selection accepts, straight from the file. */
    static long independentCount(VenueSelection selection) {
        List<double[]> ring = monacoVilleRing();
        long count = 0;
        Iterator<PlaceRecord> places = OsmReader.places(monacoPbf());
        while (places.hasNext()) {
            var place = places.next().place();
            if (selection.accepts(place.category()) && inRing(ring, place.location())) {
                count++;
            }
        }
        return count;
    }
}

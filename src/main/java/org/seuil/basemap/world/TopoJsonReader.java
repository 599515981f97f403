package org.seuil.basemap.world;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Natural Earth TopoJSON of world-atlas (countries-50m.json, countries-110m.json): a
 * quantised topology (https://github.com/topojson/topojson-specification) whose arcs are
 * delta-encoded. Takes the "countries" object and, when present, the "land" object.
 */
public final class TopoJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20).build())
            .build());

    private TopoJsonReader() {
    }

    public static WorldData read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static WorldData read(InputStream in, String source) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !"Topology".equals(root.path("type").asText())) {
            throw new IOException(source + ": not a TopoJSON Topology (type is '" + root.path("type").asText() + "')");
        }
        JsonNode transform = root.path("transform");
        if (!transform.isObject()) {
            throw new IOException(source + ": transform: missing; only quantised topologies are supported");
        }
        WorldData.Grid grid = new WorldData.Grid(number(transform, "scale", 0, source), number(transform, "scale", 1, source),
                number(transform, "translate", 0, source), number(transform, "translate", 1, source));
        List<int[]> arcs = readArcs(root.path("arcs"), source);
        JsonNode countriesNode = root.path("objects").path("countries");
        if (!countriesNode.isObject()) {
            throw new IOException(source + ": objects.countries: missing");
        }
        List<WorldData.Country> countries = new ArrayList<>();
        JsonNode geometries = countriesNode.path("geometries");
        for (int i = 0; i < geometries.size(); i++) {
            JsonNode g = geometries.get(i);
            String path = source + ": objects.countries.geometries[" + i + "]";
            List<WorldData.Polygon> polygons = polygons(g, path);
            if (!polygons.isEmpty()) {
                countries.add(new WorldData.Country(g.path("id").asText(""), g.path("properties").path("name").asText(""), polygons));
            }
        }
        List<WorldData.Polygon> land = new ArrayList<>();
        JsonNode landNode = root.path("objects").path("land");
        if (landNode.isObject()) {
            JsonNode landGeometries = landNode.has("geometries") ? landNode.path("geometries") : MAPPER.createArrayNode().add(landNode);
            for (int i = 0; i < landGeometries.size(); i++) {
                land.addAll(polygons(landGeometries.get(i), source + ": objects.land.geometries[" + i + "]"));
            }
        } else {
            countries.forEach(c -> land.addAll(c.polygons()));
        }
        try {
            return new WorldData(grid, arcs, land, countries);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode transform, String field, int index, String source) throws IOException {
        JsonNode n = transform.path(field).path(index);
        if (!n.isNumber()) {
            throw new IOException(source + ": transform." + field + "[" + index + "]: expected a number");
        }
        return n.asDouble();
    }

    private static List<int[]> readArcs(JsonNode arcsNode, String source) throws IOException {
        if (!arcsNode.isArray()) {
            throw new IOException(source + ": arcs: expected an array");
        }
        List<int[]> arcs = new ArrayList<>(arcsNode.size());
        for (int i = 0; i < arcsNode.size(); i++) {
            JsonNode arc = arcsNode.get(i);
            int[] points = new int[arc.size() * 2];
            int x = 0;
            int y = 0;
            for (int p = 0; p < arc.size(); p++) {
                JsonNode point = arc.get(p);
                if (!point.path(0).isIntegralNumber() || !point.path(1).isIntegralNumber()) {
                    throw new IOException(source + ": arcs[" + i + "][" + p + "]: expected two integers (quantised delta)");
                }
                x += point.get(0).asInt();
                y += point.get(1).asInt();
                points[2 * p] = x;
                points[2 * p + 1] = y;
            }
            arcs.add(points);
        }
        return arcs;
    }

    private static List<WorldData.Polygon> polygons(JsonNode geometry, String path) throws IOException {
        String type = geometry.path("type").asText("");
        JsonNode arcs = geometry.path("arcs");
        List<WorldData.Polygon> out = new ArrayList<>();
        switch (type) {
            case "Polygon" -> out.add(polygon(arcs, path + ".arcs"));
            case "MultiPolygon" -> {
                for (int i = 0; i < arcs.size(); i++) {
                    out.add(polygon(arcs.get(i), path + ".arcs[" + i + "]"));
                }
            }
            case "" -> { } // a null geometry: a feature without a shape at this scale
            default -> throw new IOException(path + ".type: '" + type + "' is not a Polygon or MultiPolygon");
        }
        return out;
    }

    private static WorldData.Polygon polygon(JsonNode rings, String path) throws IOException {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IOException(path + ": expected a non-empty array of rings");
        }
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            int[] refs = new int[ring.size()];
            for (int k = 0; k < refs.length; k++) {
                if (!ring.get(k).isIntegralNumber()) {
                    throw new IOException(path + "[" + r + "][" + k + "]: expected an arc index");
                }
                refs[k] = ring.get(k).asInt();
            }
            out.add(refs);
        }
        return new WorldData.Polygon(out);
    }
}

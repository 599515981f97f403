package org.seuil.formats.area;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.seuil.formats.InputException;
import org.seuil.formats.json.Json;

/**
 * Reads an area (a district, a study zone) from a GeoJSON or KML file as one polygon or
 * multipolygon in WGS 84. GeoJSON: a Polygon or MultiPolygon geometry, a Feature holding one, or a
 * FeatureCollection whose polygons are all taken (their union). KML: every {@code Polygon} in the
 * document, with its inner boundaries as holes. Anything else is an {@link InputException} naming
 * the file, the feature or polygon, and the field.
 */
public final class AreaReader {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private AreaReader() {
    }

    public static Geometry read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), null, null, "no such file");
        }
        List<Polygon> polygons = name.endsWith(".kml") ? kml(file) : geoJson(file);
        if (polygons.isEmpty()) {
            throw new InputException(file.toString(), null, null, "holds no polygon");
        }
        Geometry area = polygons.size() == 1 ? polygons.get(0) : GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        if (!area.isValid()) {
            TopologyValidationError error = new IsValidOp(area).getValidationError();
            if (polygons.size() > 1 && polygons.stream().allMatch(Geometry::isValid)) {
                // Overlapping or touching districts: one area is their union.
                return area.union();
            }
            throw new InputException(file.toString(), null, null, "the polygon is not valid: " + error.getMessage().toLowerCase(Locale.ROOT)
                    + " near " + error.getCoordinate().x + ", " + error.getCoordinate().y);
        }
        return area;
    }

    private static List<Polygon> geoJson(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper(Json.FACTORY).readTree(in);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), null, null, "no such file", e);
        } catch (JsonParseException e) {
            throw new InputException(file.toString(), "line " + e.getLocation().getLineNr(), null, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), null, null, e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file.toString(), null, null, "not a GeoJSON object");
        }
        List<Polygon> polygons = new ArrayList<>();
        String type = root.path("type").asText();
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.path("features");
                if (!features.isArray()) {
                    throw new InputException(file.toString(), null, "features", "missing or not an array");
                }
                for (int i = 0; i < features.size(); i++) {
                    geometry(file, "feature " + i, "geometry", features.get(i).path("geometry"), polygons);
                }
            }
            case "Feature" -> geometry(file, null, "geometry", root.path("geometry"), polygons);
            default -> geometry(file, null, null, root, polygons);
        }
        return polygons;
    }

    private static void geometry(Path file, String where, String field, JsonNode geometry, List<Polygon> out) {
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        String at = field == null ? "coordinates" : field + ".coordinates";
        switch (type) {
            case "Polygon" -> out.add(polygon(file, where, at, coordinates));
            case "MultiPolygon" -> {
                if (!coordinates.isArray()) {
                    throw new InputException(file.toString(), where, at, "not an array of polygons");
                }
                for (int i = 0; i < coordinates.size(); i++) {
                    out.add(polygon(file, where, at + "[" + i + "]", coordinates.get(i)));
                }
            }
            default -> throw new InputException(file.toString(), where, field == null ? "type" : field + ".type",
                    (type.isEmpty() ? "no geometry" : "a " + type) + " is not a Polygon or MultiPolygon");
        }
    }

    private static Polygon polygon(Path file, String where, String field, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InputException(file.toString(), where, field, "a polygon needs at least one ring");
        }
        LinearRing[] linear = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            String ringField = field + "[" + r + "]";
            if (!ring.isArray()) {
                throw new InputException(file.toString(), where, ringField, "a ring is an array of positions");
            }
            Coordinate[] points = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode p = ring.get(i);
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    throw new InputException(file.toString(), where, ringField + "[" + i + "]", "a position is [longitude, latitude]");
                }
                points[i] = coordinate(file, where, ringField + "[" + i + "]", p.get(0).asDouble(), p.get(1).asDouble());
            }
            linear[r] = ring(file, where, ringField, points);
        }
        return GEOMETRY.createPolygon(linear[0], java.util.Arrays.copyOfRange(linear, 1, linear.length));
    }

    private static Coordinate coordinate(Path file, String where, String field, double lon, double lat) {
        if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
            throw new InputException(file.toString(), where, field, "longitude " + lon + ", latitude " + lat
                    + " is not a WGS 84 position (longitude -180..180, latitude -90..90)");
        }
        return new Coordinate(lon, lat);
    }

    private static LinearRing ring(Path file, String where, String field, Coordinate[] points) {
        if (points.length < 4) {
            throw new InputException(file.toString(), where, field, "a ring needs at least 4 positions, got " + points.length);
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            throw new InputException(file.toString(), where, field, "the ring is not closed (the last position must repeat the first)");
        }
        return GEOMETRY.createLinearRing(points);
    }

    private static List<Polygon> kml(Path file) {
        List<Polygon> polygons = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            LinearRing outer = null;
            List<LinearRing> holes = new ArrayList<>();
            boolean inner = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Polygon" -> {
                            outer = null;
                            holes.clear();
                        }
                        case "innerBoundaryIs" -> inner = true;
                        case "outerBoundaryIs" -> inner = false;
                        case "coordinates" -> {
                            String where = "polygon " + polygons.size() + " (line " + xml.getLocation().getLineNumber() + ")";
                            LinearRing ring = ring(file, where, inner ? "innerBoundaryIs" : "outerBoundaryIs",
                                    kmlCoordinates(file, where, xml.getElementText()));
                            if (inner) {
                                holes.add(ring);
                            } else {
                                outer = ring;
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Polygon")) {
                    if (outer == null) {
                        throw new InputException(file.toString(), "polygon " + polygons.size(), "outerBoundaryIs", "missing");
                    }
                    polygons.add(GEOMETRY.createPolygon(outer, holes.toArray(LinearRing[]::new)));
                }
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? null : "line " + e.getLocation().getLineNumber();
            throw new InputException(file.toString(), where, null, "not KML: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), null, null, e.getMessage(), e);
        }
        return polygons;
    }

    /** KML {@code lon,lat[,alt]} tuples separated by white space. */
    private static Coordinate[] kmlCoordinates(Path file, String where, String text) {
        String[] tuples = text.strip().split("\\s+");
        Coordinate[] points = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] parts = tuples[i].split(",");
            try {
                if (parts.length < 2) {
                    throw new NumberFormatException();
                }
                points[i] = coordinate(file, where, "coordinates[" + i + "]", Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), where, "coordinates[" + i + "]", "'" + tuples[i] + "' is not longitude,latitude[,altitude]");
            }
        }
        return points;
    }
}

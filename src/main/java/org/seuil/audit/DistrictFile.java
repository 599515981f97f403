package org.seuil.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.seuil.domain.InvalidValueException;
import org.seuil.formats.InputException;
import org.seuil.formats.json.Json;

/**
 * Reads a district from a GeoJSON file (a Polygon or MultiPolygon, a Feature, or a
 * FeatureCollection whose polygons are merged) or a KML file (every Placemark's Polygon). Errors
 * name the file, the feature (GeoJSON) or line (KML) and the field.
 */
public final class DistrictFile {
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY);

    /** The district and the name the file gives it (a feature's {@code name}, a Placemark's name), or null. */
    public record Read(District district, String name) {
    }

    private DistrictFile() {
    }

    public static Read read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".kml")) {
            return readKml(file);
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return readGeoJson(file);
        }
        throw new InputException(file.toString(), null, null, "a district file must be .geojson, .json or .kml");
    }

    // ------------------------------------------------------------------ GeoJSON

    private static Read readGeoJson(Path file) {
        String where = file.toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(Json.FACTORY.createParser(in));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
            throw new InputException(where, line, null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(where, null, null, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(where, null, null, "GeoJSON must be an object");
        }
        String type = root.path("type").asText("");
        List<Geometry> parts = new ArrayList<>();
        String name = null;
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.get("features");
                if (features == null || !features.isArray()) {
                    throw new InputException(where, null, "features", "a FeatureCollection needs a features array");
                }
                for (int i = 0; i < features.size(); i++) {
                    JsonNode feature = features.get(i);
                    String location = "feature " + i;
                    Geometry g = featureGeometry(feature, where, location);
                    if (g != null) {
                        parts.add(g);
                        if (name == null) {
                            name = featureName(feature);
                        }
                    }
                }
            }
            case "Feature" -> {
                Geometry g = featureGeometry(root, where, "feature 0");
                if (g != null) {
                    parts.add(g);
                }
                name = featureName(root);
            }
            case "Polygon", "MultiPolygon" -> parts.add(geometry(root, where, null, ""));
            default -> throw new InputException(where, null, "type", "'" + type
                    + "' is not a district: expected FeatureCollection, Feature, Polygon or MultiPolygon");
        }
        if (parts.isEmpty()) {
            throw new InputException(where, null, "geometry", "has no Polygon or MultiPolygon");
        }
        return new Read(district(parts, where), name);
    }

    private static String featureName(JsonNode feature) {
        JsonNode n = feature.path("properties").path("name");
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    /** The feature's polygonal geometry; null for points and lines, which a district file may carry as decoration. */
    private static Geometry featureGeometry(JsonNode feature, String file, String location) {
        if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw new InputException(file, location, "type", "must be a Feature");
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw new InputException(file, location, "geometry", "is missing");
        }
        String type = geometry.path("type").asText("");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            return null;
        }
        return geometry(geometry, file, location, "geometry.");
    }

    private static Geometry geometry(JsonNode geometry, String file, String location, String prefix) {
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        String field = prefix + "coordinates";
        if (coordinates == null || !coordinates.isArray()) {
            throw new InputException(file, location, field, "is missing or not an array");
        }
        try {
            if (type.equals("Polygon")) {
                return polygon(coordinates, field);
            }
            List<Polygon> polygons = new ArrayList<>();
            for (int i = 0; i < coordinates.size(); i++) {
                polygons.add(polygon(coordinates.get(i), field + "[" + i + "]"));
            }
            return District.GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        } catch (InvalidValueException e) {
            throw new InputException(file, location, e.field(), e.getMessage().substring(e.field().length() + 2), e);
        }
    }

    private static Polygon polygon(JsonNode rings, String field) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidValueException(field, "a polygon needs at least an outer ring");
        }
        LinearRing shell = ring(rings.get(0), field + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), field + "[" + i + "]");
        }
        return District.GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String field) {
        if (!positions.isArray()) {
            throw new InvalidValueException(field, "a ring is an array of [longitude, latitude] positions");
        }
        List<Coordinate> coordinates = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            JsonNode p = positions.get(i);
            String at = field + "[" + i + "]";
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new InvalidValueException(at, "a position is [longitude, latitude] in numbers");
            }
            coordinates.add(coordinate(p.get(0).asDouble(), p.get(1).asDouble(), at));
        }
        return closedRing(coordinates, field);
    }

    private static Coordinate coordinate(double lon, double lat, String field) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new InvalidValueException(field, "longitude " + lon + " is outside [-180, 180]");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidValueException(field, "latitude " + lat + " is outside [-90, 90] (are longitude and latitude swapped?)");
        }
        return new Coordinate(lon, lat);
    }

    private static LinearRing closedRing(List<Coordinate> coordinates, String field) {
        if (coordinates.size() < 4) {
            throw new InvalidValueException(field, "a ring needs at least 4 positions, got " + coordinates.size());
        }
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            throw new InvalidValueException(field, "the ring is not closed: its last position must repeat its first");
        }
        return District.GEOMETRY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }

    private static District district(List<Geometry> parts, String file) {
        try {
            Geometry area = parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
            return new District(area);
        } catch (InvalidValueException e) {
            throw new InputException(file, null, e.field(), e.getMessage().substring(e.field().length() + 2), e);
        } catch (RuntimeException e) {
            // JTS cannot union polygons that are themselves invalid (self-intersections).
            throw new InputException(file, null, "geometry", "the polygons cannot be merged: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ KML

    private static Read readKml(Path file) {
        String where = file.toString();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Geometry> parts = new ArrayList<>();
        String name = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean inPlacemark = false;
            String placemarkName = null;
            LinearRing shell = null;
            List<LinearRing> holes = new ArrayList<>();
            String boundary = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Placemark" -> {
                            inPlacemark = true;
                            placemarkName = null;
                        }
                        case "name" -> {
                            if (inPlacemark && placemarkName == null) {
                                placemarkName = xml.getElementText().strip();
                            }
                        }
                        case "Polygon" -> {
                            shell = null;
                            holes.clear();
                        }
                        case "outerBoundaryIs", "innerBoundaryIs" -> boundary = xml.getLocalName();
                        case "coordinates" -> {
                            if (boundary != null) {
                                int line = xml.getLocation().getLineNumber();
                                LinearRing ring = kmlRing(xml.getElementText(), where, line, boundary);
                                if (boundary.equals("outerBoundaryIs")) {
                                    shell = ring;
                                } else {
                                    holes.add(ring);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Placemark" -> inPlacemark = false;
                        case "outerBoundaryIs", "innerBoundaryIs" -> boundary = null;
                        case "Polygon" -> {
                            if (shell == null) {
                                throw new InputException(where, "line " + xml.getLocation().getLineNumber(), "Polygon",
                                        "has no outerBoundaryIs ring");
                            }
                            parts.add(District.GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new)));
                            if (name == null) {
                                name = placemarkName;
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            String line = e.getLocation() == null ? null : "line " + e.getLocation().getLineNumber();
            throw new InputException(where, line, null, "not valid XML: " + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""), e);
        } catch (IOException e) {
            throw new InputException(where, null, null, "cannot read: " + e.getMessage(), e);
        }
        if (parts.isEmpty()) {
            throw new InputException(where, null, "Polygon", "the KML has no Placemark with a Polygon");
        }
        return new Read(district(parts, where), name);
    }

    private static LinearRing kmlRing(String text, String file, int line, String boundary) {
        String field = boundary + ".LinearRing.coordinates";
        List<Coordinate> coordinates = new ArrayList<>();
        try {
            String[] tuples = text.strip().split("\\s+");
            for (int i = 0; i < tuples.length; i++) {
                String[] parts = tuples[i].split(",");
                String at = field + "[" + i + "]";
                if (parts.length < 2) {
                    throw new InvalidValueException(at, "'" + tuples[i] + "' is not longitude,latitude[,altitude]");
                }
                double lon;
                double lat;
                try {
                    lon = Double.parseDouble(parts[0]);
                    lat = Double.parseDouble(parts[1]);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(at, "'" + tuples[i] + "' is not longitude,latitude[,altitude]");
                }
                coordinates.add(coordinate(lon, lat, at));
            }
            return closedRing(coordinates, field);
        } catch (InvalidValueException e) {
            throw new InputException(file, "line " + line, e.field(), e.getMessage().substring(e.field().length() + 2), e);
        }
    }
}

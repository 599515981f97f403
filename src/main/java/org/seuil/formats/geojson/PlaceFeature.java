package org.seuil.formats.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.formats.CriterionTags;
import org.seuil.formats.PlaceTags;
import org.seuil.formats.json.ReportJson;

/**
 * One GeoJSON Feature as one place. A feature whose properties hold {@code reports} is in Seuil's
 * own form and is read exactly; any other Point feature is third-party data whose properties are
 * OSM-like tags, read into one report authored {@value #IMPORT_AUTHOR}. Every error is an
 * {@link InvalidValueException} whose field is a path inside the feature, such as
 * {@code properties.reports[0].entrance.stepCount}.
 */
final class PlaceFeature {
    static final String IMPORT_AUTHOR = "import";
    /** Properties of the Seuil form; the summary ones are derived on export and ignored on import. */
    private static final Set<String> SEUIL_PROPERTIES = Set.of("name", "category", "address", "reports",
            "wheelchair", "toilets:wheelchair", "last_surveyed");
    private PlaceFeature() {
    }

    /** Reads a feature; {@code fileTime} dates the report made for third-party features. */
    static PlaceRecord read(JsonNode feature, Instant fileTime) {
        if (!feature.isObject()) {
            throw new InvalidValueException("(feature)", "expected a Feature object, got " + describe(feature));
        }
        JsonNode type = feature.get("type");
        if (type == null || !"Feature".equals(type.textValue())) {
            throw new InvalidValueException("type", "expected \"Feature\", got " + describe(type));
        }
        GeoPoint location = point(feature.get("geometry"));
        JsonNode properties = feature.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            throw new InvalidValueException("properties", "expected an object, got " + describe(properties));
        }
        if (properties != null && properties.has("reports")) {
            return seuilPlace(feature.get("id"), location, properties);
        }
        return thirdPartyPlace(feature.get("id"), location, properties, fileTime);
    }

    private static GeoPoint point(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            throw new InvalidValueException("geometry", "is missing: a place needs a Point geometry");
        }
        if (!geometry.isObject()) {
            throw new InvalidValueException("geometry", "expected an object, got " + describe(geometry));
        }
        JsonNode type = geometry.get("type");
        if (type == null || !"Point".equals(type.textValue())) {
            throw new InvalidValueException("geometry.type", "expected \"Point\" (a place is one point), got " + describe(type));
        }
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2 || coordinates.size() > 3) {
            throw new InvalidValueException("geometry.coordinates", "expected [longitude, latitude], got " + describe(coordinates));
        }
        double lon = coordinate(coordinates, 0);
        double lat = coordinate(coordinates, 1);
        if (coordinates.size() == 3) {
            coordinate(coordinates, 2);
        }
        try {
            return new GeoPoint(lat, lon);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.field().equals("lat") ? "geometry.coordinates[1]" : "geometry.coordinates[0]", reason(e));
        }
    }

    private static double coordinate(JsonNode coordinates, int index) {
        JsonNode value = coordinates.get(index);
        String field = "geometry.coordinates[" + index + "]";
        if (!value.isNumber()) {
            throw new InvalidValueException(field, "expected a number, got " + describe(value));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidValueException(field, "expected a finite number, got " + value.asText() + " (beyond the range of a double)");
        }
        return d;
    }

    private static PlaceRecord seuilPlace(JsonNode idNode, GeoPoint location, JsonNode properties) {
        for (var names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SEUIL_PROPERTIES.contains(name)) {
                throw new InvalidValueException("properties." + name, "unknown property of a Seuil place (expected "
                        + String.join(", ", SEUIL_PROPERTIES) + ")");
            }
        }
        if (idNode == null || !idNode.isTextual()) {
            throw new InvalidValueException("id", "a Seuil place needs its id as a string, got " + describe(idNode));
        }
        PlaceId id = placeId(idNode.textValue());
        Place place = place(id, location, text(properties, "name"), text(properties, "category"), text(properties, "address"));
        JsonNode reportNodes = properties.get("reports");
        if (!reportNodes.isArray()) {
            throw new InvalidValueException("properties.reports", "expected an array, got " + describe(reportNodes));
        }
        List<Report> reports = new ArrayList<>(reportNodes.size());
        Set<String> reportIds = new HashSet<>();
        for (int i = 0; i < reportNodes.size(); i++) {
            String path = "properties.reports[" + i + "]";
            Report report = ReportJson.read(reportNodes.get(i), path);
            if (!report.placeId().equals(id)) {
                throw new InvalidValueException(path + ".placeId", "is " + report.placeId() + " but the feature's id is " + id);
            }
            if (!reportIds.add(report.id().value())) {
                throw new InvalidValueException(path + ".id", "report " + report.id() + " appears twice in this feature");
            }
            reports.add(report);
        }
        try {
            return new PlaceRecord(place, reports);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("properties." + e.field(), reason(e));
        }
    }

    private static PlaceRecord thirdPartyPlace(JsonNode idNode, GeoPoint location, JsonNode properties, Instant fileTime) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (properties != null && !properties.isNull()) {
            properties.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    tags.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        PlaceId id = thirdPartyId(idNode);
        Place place = place(id, location, tags.get("name"), PlaceTags.category(tags::get), PlaceTags.address(tags::get));
        Report report = CriterionTags.report(CriterionTags.importedReportId(id, IMPORT_AUTHOR, fileTime), id,
                IMPORT_AUTHOR, fileTime, tags::get, tags.keySet(), key -> "properties." + key);
        return new PlaceRecord(place, List.of(report));
    }

    /**
     * A Seuil or overpass-style id is kept; any other id (a number, a name) becomes a name-based
     * UUID of it, so re-importing the same file finds the same places. Only features without an
     * id get a random one.
     */
    private static PlaceId thirdPartyId(JsonNode idNode) {
        if (idNode != null && (idNode.isTextual() || idNode.isIntegralNumber())) {
            String text = idNode.asText();
            try {
                return PlaceTags.placeId(text);
            } catch (InvalidValueException notAPlaceId) {
                return new PlaceId(java.util.UUID.nameUUIDFromBytes(("geojson-id:" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
            }
        }
        return PlaceId.generate();
    }

    private static PlaceId placeId(String text) {
        try {
            return new PlaceId(text);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("id", reason(e));
        }
    }

    private static Place place(PlaceId id, GeoPoint location, String name, String category, String address) {
        try {
            return new Place(id, location, name, category, address);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("properties." + e.field(), reason(e));
        }
    }

    private static String text(JsonNode properties, String field) {
        JsonNode value = properties.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidValueException("properties." + field, "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    static String reason(InvalidValueException e) {
        return e.getMessage().substring(e.field().length() + 2);
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String t = value.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array of " + value.size() : "an object";
        }
        return value.toString();
    }
}

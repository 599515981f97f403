package org.seuil.formats.geojson;

import static org.seuil.formats.json.PlainJson.once;
import static org.seuil.formats.json.PlainJson.require;
import static org.seuil.formats.json.PlainJson.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.formats.json.PlainJson;
import org.seuil.formats.json.ReportJson;

/**
 * Reads a feature in Seuil's own form (as {@link GeoJsonWriter} writes it) straight from the
 * parser's tokens into a {@link PlaceRecord}, without a tree: a Jackson tree per feature was a
 * third of the reading thread's time in a large import. Only what {@link PlaceFeature#read}
 * accepts, giving the same record; anything else (a third-party feature, an unknown or repeated
 * member, another type, a value the records refuse) throws {@link ReportJson.NotPlain}, and the
 * caller reads the feature again as a tree with {@link PlaceFeature#read}, whose message names the
 * field. So there is one set of rules and one set of messages.
 */
final class PlainPlaceFeature {
    private PlainPlaceFeature() {
    }

    /** Reads the feature object at the parser's current token; leaves the parser on its END_OBJECT. */
    static PlaceRecord read(JsonParser p) throws IOException {
        return PlainJson.read(p, PlainPlaceFeature::readFeature);
    }

    private static PlaceRecord readFeature(JsonParser p) throws IOException {
        boolean sawType = false;
        String id = null;
        GeoPoint location = null;
        Properties properties = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> {
                    require(!sawType && t == JsonToken.VALUE_STRING && "Feature".equals(p.getText()));
                    sawType = true;
                }
                case "id" -> {
                    require(id == null && t == JsonToken.VALUE_STRING);
                    id = p.getText();
                }
                case "geometry" -> {
                    require(location == null);
                    location = PlainJson.point(p, t);
                }
                case "properties" -> {
                    require(properties == null);
                    properties = properties(p);
                }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
        }
        require(sawType && id != null && location != null && properties != null && properties.reports != null);
        PlaceId placeId = new PlaceId(id);
        Place place = new Place(placeId, location, properties.name, properties.category, properties.address);
        // Most places have one report: a set of ids only when there are more.
        Set<String> reportIds = properties.reports.size() > 1 ? new HashSet<>() : null;
        for (Report report : properties.reports) {
            require(report.placeId().equals(placeId) && (reportIds == null || reportIds.add(report.id().value())));
        }
        return new PlaceRecord(place, properties.reports);
    }

    /** The members of a Seuil place's properties; {@code reports} null if absent. */
    private static final class Properties {
        private String name;
        private String category;
        private String address;
        private List<Report> reports;
    }

    private static Properties properties(JsonParser p) throws IOException {
        require(p.currentToken() == JsonToken.START_OBJECT);
        Properties properties = new Properties();
        // Members seen so far, a bit each (no set per feature on the import's reading thread).
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "name" -> 1;
                case "category" -> 2;
                case "address" -> 4;
                case "wheelchair" -> 8;
                case "toilets:wheelchair" -> 16;
                case "last_surveyed" -> 32;
                case "reports" -> 64;
                default -> throw ReportJson.NotPlain.INSTANCE;
            };
            seen = once(seen, bit);
            switch (name) {
                case "name" -> properties.name = text(p, t);
                case "category" -> properties.category = text(p, t);
                case "address" -> properties.address = text(p, t);
                case "reports" -> {
                    require(t == JsonToken.START_ARRAY);
                    List<Report> reports = new ArrayList<>(1);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        reports.add(ReportJson.readPlain(p));
                    }
                    properties.reports = reports;
                }
                // Derived on export, ignored on import whatever they hold (as PlaceFeature does).
                default -> p.skipChildren();
            }
        }
        return properties;
    }
}

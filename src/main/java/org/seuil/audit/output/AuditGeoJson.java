package org.seuil.audit.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Finding;
import org.seuil.formats.json.Json;

/**
 * An RFC 7946 FeatureCollection: the district first ({@code "role": "district"}, with the summary
 * figures), then one Point per venue with the CSV's columns and its barriers as an array.
 */
public final class AuditGeoJson {
    private AuditGeoJson() {
    }

    public static void write(AuditSnapshot snapshot, Writer out) throws IOException {
        Campaign c = snapshot.campaign();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");

            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeFieldName("geometry");
            geometry(g, c.district().area());
            g.writeObjectFieldStart("properties");
            g.writeStringField("role", "district");
            g.writeStringField("campaign", c.id().value());
            g.writeStringField("name", c.name());
            g.writeStringField("rules", c.rules().code());
            g.writeStringField("at", snapshot.at().toString());
            g.writeNumberField("venues", snapshot.coverage().total().total());
            g.writeNumberField("audited", snapshot.coverage().total().audited());
            g.writeNumberField("audited_percent", snapshot.coverage().total().percent());
            g.writeStringField("licence", ReportLicence.SHORT);
            g.writeEndObject();
            g.writeEndObject();

            for (AuditSnapshot.VenueAudit v : snapshot.venues()) {
                CampaignVenue venue = v.venue();
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", venue.placeId().value());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(venue.location().lon());
                g.writeNumber(venue.location().lat());
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("role", "venue");
                g.writeStringField("name", venue.name());
                g.writeStringField("category", venue.category());
                g.writeStringField("status", venue.status().code());
                g.writeStringField("volunteer", venue.volunteer());
                if (venue.zone() == null) {
                    g.writeNullField("zone");
                } else {
                    g.writeNumberField("zone", venue.zone() + 1);
                }
                g.writeStringField("status_at", venue.statusAt() == null ? null : venue.statusAt().toString());
                g.writeBooleanField("found_on_ground", venue.foundOnGround());
                g.writeBooleanField("audited", v.audited());
                g.writeStringField("grade", v.shownGrade().osm());
                g.writeStringField("grade_source", v.gradeSource());
                g.writeStringField("toilets", v.grading().toilets().osm());
                g.writeArrayFieldStart("barriers");
                for (Finding f : v.grading().barriers()) {
                    g.writeStartObject();
                    g.writeStringField("rule", f.ruleId());
                    g.writeStringField("section", f.section().code());
                    g.writeStringField("outcome", f.outcome().osm());
                    g.writeStringField("observed", f.observed());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void geometry(JsonGenerator g, Geometry area) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", area instanceof Polygon ? "Polygon" : "MultiPolygon");
        g.writeArrayFieldStart("coordinates");
        if (area instanceof Polygon p) {
            polygon(g, p);
        } else {
            for (int i = 0; i < area.getNumGeometries(); i++) {
                g.writeStartArray();
                polygon(g, (Polygon) area.getGeometryN(i));
                g.writeEndArray();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Rings of a polygon; RFC 7946 wants the outer ring counter-clockwise, holes clockwise. */
    private static void polygon(JsonGenerator g, Polygon p) throws IOException {
        ring(g, p.getExteriorRing(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(g, p.getInteriorRingN(i), false);
        }
    }

    private static void ring(JsonGenerator g, LinearRing ring, boolean counterClockwise) throws IOException {
        Coordinate[] points = ring.getCoordinates();
        boolean ccw = org.locationtech.jts.algorithm.Orientation.isCCW(points);
        g.writeStartArray();
        for (int i = 0; i < points.length; i++) {
            Coordinate c = points[ccw == counterClockwise ? i : points.length - 1 - i];
            g.writeStartArray();
            g.writeNumber(c.x);
            g.writeNumber(c.y);
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}

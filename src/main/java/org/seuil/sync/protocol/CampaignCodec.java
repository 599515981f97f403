package org.seuil.sync.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.Checklist;
import org.seuil.audit.ChecklistFile;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.Volunteers;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.formats.InputException;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;

/**
 * Reads and writes the campaign bodies of the sync protocol (docs/sync-protocol.md, "Campaigns"):
 * a campaign as a GeoJSON Feature whose geometry is the district, the changes members push, the
 * answers and the listing. Bodies are read under the limits of {@link WireLimits} (bytes, string
 * length, nesting depth) plus a cap on venues and changes; every refusal is a 400 or 413
 * {@link ProtocolException} naming the field.
 */
public final class CampaignCodec {
    /** Venues one campaign may hold: a district, not a country. */
    public static final int MAX_VENUES = 20_000;
    private static final Set<String> PROPERTIES = Set.of("name", "created", "rules", "revisitYears", "checklist", "members",
            "venues", "owner", "version");
    private static final Set<String> VENUE_FIELDS = Set.of("place", "location", "status", "volunteer", "zone", "statusAt",
            "statusBy", "foundOnGround");
    private static final Set<String> PLACE_FIELDS = Set.of("id", "name", "category", "address");
    private static final Set<String> EDIT_FIELDS = Set.of("kind", "place", "location", "volunteer", "zone", "status", "at");

    private final WireLimits limits;
    private final ObjectMapper mapper;

    public CampaignCodec(WireLimits limits) {
        this.limits = limits;
        this.mapper = WireBodies.mapper(limits);
    }

    // ---------------------------------------------------------------- campaign feature

    public byte[] writeCampaign(SharedCampaign shared) {
        return write(out -> {
            Campaign c = shared.campaign();
            out.writeStartObject();
            out.writeStringField("type", "Feature");
            out.writeStringField("id", c.id().value());
            out.writeFieldName("geometry");
            writeGeometry(out, c.district().area());
            out.writeObjectFieldStart("properties");
            out.writeStringField("name", c.name());
            out.writeStringField("created", c.created().toString());
            out.writeStringField("rules", c.rules().code());
            out.writeNumberField("revisitYears", c.revisitYears());
            out.writeFieldName("checklist");
            out.writeRawValue(ChecklistFile.write(c.checklist()));
            out.writeArrayFieldStart("members");
            for (String m : c.volunteers()) {
                out.writeString(m);
            }
            out.writeEndArray();
            if (shared.owner() != null) {
                out.writeStringField("owner", shared.owner());
            }
            if (shared.version() > 0) {
                out.writeNumberField("version", shared.version());
            }
            out.writeArrayFieldStart("venues");
            for (SharedVenue v : shared.venues()) {
                writeVenue(out, v);
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndObject();
        });
    }

    private static void writeVenue(JsonGenerator out, SharedVenue v) throws IOException {
        out.writeStartObject();
        writePlace(out, v.place());
        out.writeStringField("status", v.status().code());
        optional(out, "volunteer", v.volunteer());
        if (v.zone() != null) {
            out.writeNumberField("zone", v.zone());
        }
        if (v.statusAt() != null) {
            out.writeStringField("statusAt", v.statusAt().toString());
        }
        optional(out, "statusBy", v.statusBy());
        out.writeBooleanField("foundOnGround", v.foundOnGround());
        out.writeEndObject();
    }

    private static void writePlace(JsonGenerator out, Place p) throws IOException {
        out.writeObjectFieldStart("place");
        out.writeStringField("id", p.id().value());
        optional(out, "name", p.name());
        optional(out, "category", p.category());
        optional(out, "address", p.address());
        out.writeEndObject();
        out.writeArrayFieldStart("location");
        out.writeNumber(p.location().lon());
        out.writeNumber(p.location().lat());
        out.writeEndArray();
    }

    private static void writeGeometry(JsonGenerator out, Geometry area) throws IOException {
        out.writeStartObject();
        if (area instanceof Polygon polygon) {
            out.writeStringField("type", "Polygon");
            out.writeFieldName("coordinates");
            writePolygon(out, polygon);
        } else {
            out.writeStringField("type", "MultiPolygon");
            out.writeArrayFieldStart("coordinates");
            for (int i = 0; i < area.getNumGeometries(); i++) {
                writePolygon(out, (Polygon) area.getGeometryN(i));
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void writePolygon(JsonGenerator out, Polygon polygon) throws IOException {
        out.writeStartArray();
        writeRing(out, polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(out, polygon.getInteriorRingN(i));
        }
        out.writeEndArray();
    }

    private static void writeRing(JsonGenerator out, LinearRing ring) throws IOException {
        out.writeStartArray();
        for (Coordinate c : ring.getCoordinates()) {
            out.writeStartArray();
            out.writeNumber(c.x);
            out.writeNumber(c.y);
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    /**
     * Reads a campaign Feature. {@code owner} and {@code version} are read when present (answers
     * from the server); a server ignores them in a push.
     */
    public SharedCampaign readCampaign(InputStream body) {
        return parse(body, root -> {
            try {
                return campaign(root);
            } catch (InvalidValueException e) {
                throw Problem.badRequest(e.getMessage(), -1, e.field());
            }
        });
    }

    private SharedCampaign campaign(JsonNode root) {
        if (root == null || !root.isObject() || !"Feature".equals(root.path("type").asText(null))) {
            throw new InvalidValueException("type", "a campaign is a GeoJSON Feature");
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isTextual()) {
            throw new InvalidValueException("id", "is required: the campaign's lower-case UUID");
        }
        CampaignId id;
        try {
            id = new CampaignId(idNode.textValue());
        } catch (InvalidValueException e) {
            throw new InvalidValueException("id", e.getMessage().substring(e.field().length() + 2));
        }
        District district = district(root.get("geometry"));
        JsonNode props = root.get("properties");
        if (props == null || !props.isObject()) {
            throw new InvalidValueException("properties", "expected an object");
        }
        onlyKnown(props, PROPERTIES, "properties");
        String name = text(props, "name", "properties");
        Instant created = instant(props, "created", "properties");
        RuleSetName rules = RuleSetName.parse("properties.rules", text(props, "rules", "properties"));
        JsonNode years = props.get("revisitYears");
        if (years == null || !years.canConvertToInt() || !years.isIntegralNumber()) {
            throw new InvalidValueException("properties.revisitYears", "expected a whole number of years");
        }
        Checklist checklist = checklist(props.get("checklist"));
        List<String> members = new ArrayList<>();
        JsonNode memberNodes = props.get("members");
        if (memberNodes != null && !memberNodes.isNull()) {
            if (!memberNodes.isArray()) {
                throw new InvalidValueException("properties.members", "expected an array of user names");
            }
            for (int i = 0; i < memberNodes.size(); i++) {
                if (!memberNodes.get(i).isTextual()) {
                    throw new InvalidValueException("properties.members[" + i + "]", "expected a user name");
                }
                members.add(Volunteers.check("properties.members[" + i + "]", memberNodes.get(i).textValue()));
            }
        }
        Campaign campaign;
        try {
            campaign = new Campaign(id, name == null ? "" : name, district, checklist, rules,
                    created == null ? Instant.EPOCH : created, years.intValue(), members);
        } catch (InvalidValueException e) {
            throw e.field().equals("id") || e.field().equals("district") ? e : e.within("properties");
        }
        if (created == null) {
            throw new InvalidValueException("properties.created", "is required");
        }
        List<SharedVenue> venues = new ArrayList<>();
        JsonNode venueNodes = props.get("venues");
        if (venueNodes != null && !venueNodes.isNull()) {
            if (!venueNodes.isArray()) {
                throw new InvalidValueException("properties.venues", "expected an array");
            }
            if (venueNodes.size() > MAX_VENUES) {
                throw Problem.tooLarge("a campaign holds at most " + MAX_VENUES + " venues");
            }
            for (int i = 0; i < venueNodes.size(); i++) {
                venues.add(venue(venueNodes.get(i), "properties.venues[" + i + "]"));
            }
        }
        JsonNode version = props.get("version");
        String owner = props.hasNonNull("owner") ? text(props, "owner", "properties") : null;
        try {
            return new SharedCampaign(campaign, owner, version != null && version.canConvertToLong() ? version.longValue() : 0, venues);
        } catch (InvalidValueException e) {
            throw e.within("properties");
        }
    }

    private Checklist checklist(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidValueException("properties.checklist", "expected a seuil-checklist/1 object");
        }
        try {
            return ChecklistFile.parse(mapper.writeValueAsString(node), "properties.checklist");
        } catch (InputException e) {
            String field = e.field() == null ? "properties.checklist" : "properties.checklist." + e.field();
            throw new InvalidValueException(field, e.reason());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static District district(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            throw new InvalidValueException("geometry", "expected the district as a Polygon or MultiPolygon");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw new InvalidValueException("geometry.coordinates", "expected an array");
        }
        Geometry area = switch (type) {
            case "Polygon" -> polygon(coordinates, "geometry.coordinates");
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), "geometry.coordinates[" + i + "]");
                }
                MultiPolygon multi = District.GEOMETRY.createMultiPolygon(parts);
                yield multi;
            }
            default -> throw new InvalidValueException("geometry.type", "must be Polygon or MultiPolygon, got '" + type + "'");
        };
        try {
            return new District(area);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("geometry", e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static Polygon polygon(JsonNode rings, String at) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new InvalidValueException(at, "expected an array of linear rings");
        }
        LinearRing shell = ring(rings.get(0), at + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), at + "[" + i + "]");
        }
        return District.GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String at) {
        if (positions == null || !positions.isArray() || positions.size() < 4) {
            throw new InvalidValueException(at, "a linear ring needs at least 4 positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            GeoPoint p = position(positions.get(i), at + "[" + i + "]");
            coordinates[i] = new Coordinate(p.lon(), p.lat());
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new InvalidValueException(at, "a linear ring must end where it starts");
        }
        return District.GEOMETRY.createLinearRing(coordinates);
    }

    private static GeoPoint position(JsonNode node, String at) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3) {
            throw new InvalidValueException(at, "expected [longitude, latitude]");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber() || !Double.isFinite(node.get(i).doubleValue())) {
                throw new InvalidValueException(at + "[" + i + "]", "expected a finite number, got " + node.get(i));
            }
        }
        try {
            return new GeoPoint(node.get(1).doubleValue(), node.get(0).doubleValue());
        } catch (InvalidValueException e) {
            throw new InvalidValueException(at, e.getMessage());
        }
    }

    private static SharedVenue venue(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new InvalidValueException(at, "expected a venue object");
        }
        onlyKnown(node, VENUE_FIELDS, at);
        Place place = place(node, at);
        VenueStatus status = node.hasNonNull("status") ? VenueStatus.parse(at + ".status", text(node, "status", at)) : VenueStatus.TO_VISIT;
        Integer zone = null;
        if (node.hasNonNull("zone")) {
            if (!node.get("zone").isIntegralNumber() || !node.get("zone").canConvertToInt()) {
                throw new InvalidValueException(at + ".zone", "expected a whole number");
            }
            zone = node.get("zone").intValue();
        }
        JsonNode ground = node.get("foundOnGround");
        if (ground != null && !ground.isNull() && !ground.isBoolean()) {
            throw new InvalidValueException(at + ".foundOnGround", "expected true or false");
        }
        try {
            return new SharedVenue(place, status, text(node, "volunteer", at), zone, instant(node, "statusAt", at),
                    text(node, "statusBy", at), ground != null && ground.booleanValue());
        } catch (InvalidValueException e) {
            throw e.field().startsWith(at) ? e : e.within(at);
        }
    }

    /** A venue's place: {@code place} (id, name, category, address) and {@code location} [lon, lat]. */
    private static Place place(JsonNode node, String at) {
        JsonNode p = node.get("place");
        if (p == null || !p.isObject()) {
            throw new InvalidValueException(at + ".place", "expected an object with id, name, category, address");
        }
        onlyKnown(p, PLACE_FIELDS, at + ".place");
        GeoPoint location = position(node.get("location"), at + ".location");
        try {
            return new Place(new PlaceId(text(p, "id", at + ".place")), location, text(p, "name", at + ".place"),
                    text(p, "category", at + ".place"), text(p, "address", at + ".place"));
        } catch (InvalidValueException e) {
            throw e.field().startsWith(at) ? e : e.within(at + ".place");
        }
    }

    // ---------------------------------------------------------------- changes

    public byte[] writeEdits(List<CampaignEdit> edits) {
        return write(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("changes");
            for (CampaignEdit e : edits) {
                out.writeStartObject();
                if (e instanceof CampaignEdit.Assign a) {
                    out.writeStringField("kind", "assignment");
                    out.writeStringField("place", a.placeId().value());
                    out.writeStringField("volunteer", a.volunteer());
                    if (a.zone() != null) {
                        out.writeNumberField("zone", a.zone());
                    }
                } else if (e instanceof CampaignEdit.SetStatus s) {
                    out.writeStringField("kind", "status");
                    out.writeStringField("place", s.placeId().value());
                    out.writeStringField("status", s.status().code());
                    out.writeStringField("at", s.at().toString());
                } else if (e instanceof CampaignEdit.AddVenue v) {
                    out.writeStringField("kind", "venue");
                    writePlace(out, v.place());
                    out.writeStringField("status", v.status().code());
                    out.writeStringField("at", v.at().toString());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /** Reads {@code {"changes": [...]}}; at most {@link WireLimits#maxFeatures()} changes. */
    public List<CampaignEdit> readEdits(InputStream body) {
        return parse(body, root -> {
            JsonNode changes = root == null ? null : root.get("changes");
            if (changes == null || !changes.isArray()) {
                throw Problem.badRequest("expected {\"changes\": [...]}", -1, "changes");
            }
            if (changes.size() > limits.maxFeatures()) {
                throw Problem.tooLarge("a push holds at most " + limits.maxFeatures() + " changes");
            }
            List<CampaignEdit> edits = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                String at = "changes[" + i + "]";
                try {
                    edits.add(edit(changes.get(i), at));
                } catch (InvalidValueException e) {
                    throw Problem.badRequest(e.getMessage(), i, e.field().startsWith(at) ? e.field() : at + "." + e.field());
                }
            }
            return edits;
        });
    }

    private static CampaignEdit edit(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new InvalidValueException(at, "expected a change object");
        }
        onlyKnown(node, EDIT_FIELDS, at);
        String kind = text(node, "kind", at);
        return switch (kind == null ? "" : kind) {
            case "assignment" -> {
                Integer zone = null;
                if (node.hasNonNull("zone")) {
                    if (!node.get("zone").isIntegralNumber() || !node.get("zone").canConvertToInt()) {
                        throw new InvalidValueException(at + ".zone", "expected a whole number");
                    }
                    zone = node.get("zone").intValue();
                }
                yield new CampaignEdit.Assign(placeId(node, at), text(node, "volunteer", at), zone);
            }
            case "status" -> new CampaignEdit.SetStatus(placeId(node, at),
                    VenueStatus.parse(at + ".status", text(node, "status", at)), instant(node, "at", at));
            case "venue" -> new CampaignEdit.AddVenue(place(node, at),
                    VenueStatus.parse(at + ".status", text(node, "status", at)), instant(node, "at", at));
            default -> throw new InvalidValueException(at + ".kind", "unknown kind '" + kind + "', expected assignment, status or venue");
        };
    }

    private static PlaceId placeId(JsonNode node, String at) {
        String id = text(node, "place", at);
        if (id == null) {
            throw new InvalidValueException(at + ".place", "is required: the venue's place id");
        }
        try {
            return new PlaceId(id);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(at + ".place", e.getMessage().substring(e.field().length() + 2));
        }
    }

    // ---------------------------------------------------------------- answers and listing

    public byte[] writeAnswer(CampaignAnswer answer) {
        return write(out -> {
            out.writeStartObject();
            out.writeNumberField("protocol", Protocol.VERSION);
            out.writeStringField("campaign", answer.campaign());
            out.writeStringField("outcome", answer.outcome());
            out.writeNumberField("version", answer.version());
            out.writeArrayFieldStart("results");
            for (String r : answer.results()) {
                out.writeString(r);
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    public CampaignAnswer readAnswer(InputStream body) {
        return parse(body, root -> {
            List<String> results = new ArrayList<>();
            root.path("results").forEach(n -> results.add(n.asText()));
            return new CampaignAnswer(root.path("campaign").asText(), root.path("outcome").asText(),
                    root.path("version").asLong(), results);
        });
    }

    public byte[] writeListing(List<CampaignListing> campaigns) {
        return write(out -> {
            out.writeStartObject();
            out.writeArrayFieldStart("campaigns");
            for (CampaignListing c : campaigns) {
                out.writeStartObject();
                out.writeStringField("id", c.id().value());
                out.writeStringField("name", c.name());
                out.writeStringField("owner", c.owner());
                out.writeNumberField("version", c.version());
                out.writeNumberField("venues", c.venues());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    public List<CampaignListing> readListing(InputStream body) {
        return parse(body, root -> {
            List<CampaignListing> list = new ArrayList<>();
            JsonNode campaigns = root.path("campaigns");
            for (int i = 0; i < campaigns.size(); i++) {
                JsonNode c = campaigns.get(i);
                try {
                    list.add(new CampaignListing(new CampaignId(c.path("id").asText()), c.path("name").asText(),
                            c.path("owner").asText(), c.path("version").asLong(), c.path("venues").asInt()));
                } catch (InvalidValueException e) {
                    throw Problem.badRequest(e.getMessage(), -1, "campaigns[" + i + "]." + e.field());
                }
            }
            return list;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private static String text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidValueException(at + "." + field, "expected a string");
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode node, String field, String at) {
        String text = text(node, field, at);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(at + "." + field, "'" + text + "' is not an ISO 8601 UTC time like 2025-03-01T10:00:00Z");
        }
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String at) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidValueException(at + "." + name, "unknown field");
            }
        }
    }

    private static void optional(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private interface TreeReader<T> {
        T read(JsonNode root);
    }

    /** Reads the whole body as a tree: bodies are capped in bytes, depth and string length before any node is built. */
    private <T> T parse(InputStream body, TreeReader<T> reader) {
        return WireBodies.read(mapper, limits, body, parser -> {
            JsonNode root = mapper.readTree(parser);
            if (root == null || !root.isObject()) {
                throw Problem.badRequest("expected a JSON object", -1, null);
            }
            return reader.read(root);
        });
    }

    private static byte[] write(WireBodies.Writer body) {
        return WireBodies.write(body);
    }
}

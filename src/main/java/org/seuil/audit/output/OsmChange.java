package org.seuil.audit.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.Grading;
import org.seuil.audit.RuleSets;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.PlaceId;
import org.seuil.formats.CriterionTags;

/**
 * The osmChange 0.6 file of the tag changes a campaign implies, for review in JOSM; Seuil never
 * uploads it. Only visited venues imported from OSM appear, each as a {@code <modify>} that lists
 * the tags to set, nothing else: the store keeps neither the element's other tags nor its version
 * nor a way's nodes, so the file is a tag patch to merge onto the downloaded element (JOSM's
 * "Paste Tags" after opening it), not a complete element to upload as is (docs/audits.md).
 * {@code wheelchair} and {@code toilets:wheelchair} follow the OSM rule set whatever rules the
 * campaign grades with, because OSM's tags mean what the OSM wiki says.
 */
public final class OsmChange {
    /** Criteria tagged on the venue itself; path and parking ones describe other elements in OSM. */
    static final Set<Criterion> VENUE_TAGS = Set.of(Criterion.STEP_COUNT, Criterion.STEP_HEIGHT, Criterion.RAMP,
            Criterion.DOOR_WIDTH, Criterion.AUTOMATIC_DOOR, Criterion.DOORBELL, Criterion.TOILET_DOOR_WIDTH,
            Criterion.TOILET_TURNING_SPACE, Criterion.TOILET_GRAB_BARS);

    /** What the file holds. */
    public record Summary(int elements, int tags, int notFromOsm) {
    }

    private OsmChange() {
    }

    /** The tags one venue should get, in a stable order; empty when OSM already says it all. */
    public static Map<String, String> tagChanges(AuditSnapshot.VenueAudit v) {
        Map<String, String> tags = new LinkedHashMap<>();
        Grading osmGrading = RuleSets.osm().grade(v.current());
        grade(tags, Criterion.WHEELCHAIR, osmGrading.overall(), v);
        grade(tags, Criterion.TOILETS_WHEELCHAIR, osmGrading.toilets(), v);
        for (Criterion c : Criterion.values()) {
            if (!VENUE_TAGS.contains(c)) {
                continue;
            }
            String now = CriterionTags.format(c, v.current().values().get(c));
            String before = CriterionTags.format(c, v.osm().values().get(c));
            if (now != null && !now.equals(before)) {
                tags.put(c.key(), now);
            }
        }
        return tags;
    }

    private static void grade(Map<String, String> tags, Criterion criterion, Accessibility computed, AuditSnapshot.VenueAudit v) {
        Accessibility grade = computed != Accessibility.UNKNOWN ? computed : (Accessibility) v.current().values().get(criterion);
        if (grade == null || grade == Accessibility.UNKNOWN) {
            return;
        }
        Accessibility before = (Accessibility) v.osm().values().get(criterion);
        // designated is a stronger yes that measurements cannot tell: keep it.
        if (before == grade || (before == Accessibility.DESIGNATED && grade == Accessibility.YES)) {
            return;
        }
        tags.put(criterion.key(), grade.osm());
    }

    public static Summary write(AuditSnapshot snapshot, OutputStream out, String generator) throws IOException {
        int elements = 0;
        int tagCount = 0;
        int notFromOsm = 0;
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("osmChange");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute("generator", generator);
            xml.writeCharacters("\n");
            xml.writeComment(" Campaign '" + snapshot.campaign().name().replace("--", "- -") + "' (" + snapshot.campaign().id()
                    + "), " + snapshot.at() + ". Tag patch for review: each element lists only the tags the audit sets."
                    + " Versions are not known to Seuil. Do not upload as is. ");
            xml.writeCharacters("\n");
            xml.writeStartElement("modify");
            xml.writeCharacters("\n");
            for (AuditSnapshot.VenueAudit v : snapshot.venues()) {
                if (v.venue().status() != VenueStatus.VISITED) {
                    continue;
                }
                PlaceId id = v.venue().placeId();
                Map<String, String> tags = tagChanges(v);
                if (tags.isEmpty()) {
                    continue;
                }
                if (!id.isOsm()) {
                    notFromOsm++;
                    continue;
                }
                String[] typeAndId = id.value().substring("osm:".length()).split("/");
                xml.writeCharacters("  ");
                xml.writeStartElement(typeAndId[0]);
                xml.writeAttribute("id", typeAndId[1]);
                if (typeAndId[0].equals("node")) {
                    xml.writeAttribute("lat", Double.toString(v.venue().location().lat()));
                    xml.writeAttribute("lon", Double.toString(v.venue().location().lon()));
                }
                xml.writeCharacters("\n");
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    xml.writeCharacters("    ");
                    xml.writeEmptyElement("tag");
                    xml.writeAttribute("k", tag.getKey());
                    xml.writeAttribute("v", tag.getValue());
                    xml.writeCharacters("\n");
                    tagCount++;
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                elements++;
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the osmChange file: " + e.getMessage(), e);
        }
        return new Summary(elements, tagCount, notFromOsm);
    }
}

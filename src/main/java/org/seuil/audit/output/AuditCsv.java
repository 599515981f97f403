package org.seuil.audit.output;

import java.io.IOException;
import java.io.Writer;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.CampaignVenue;
import org.seuil.formats.csv.CsvWriter;

/** One row per venue of the campaign, the same rows as the PDF's table. */
public final class AuditCsv {
    static final String[] HEADER = {"place_id", "name", "category", "lat", "lon", "status", "volunteer", "zone", "status_at",
            "status_by", "found_on_ground", "audited", "grade", "grade_source", "toilets", "barriers"};

    private AuditCsv() {
    }

    public static void write(AuditSnapshot snapshot, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (String column : HEADER) {
            csv.field(column);
        }
        csv.endRow();
        for (AuditSnapshot.VenueAudit v : snapshot.venues()) {
            CampaignVenue venue = v.venue();
            csv.field(venue.placeId().value());
            csv.field(venue.name());
            csv.field(venue.category());
            csv.field(Double.toString(venue.location().lat()));
            csv.field(Double.toString(venue.location().lon()));
            csv.field(venue.status().code());
            csv.field(venue.volunteer());
            csv.field(venue.zone() == null ? null : Integer.toString(venue.zone() + 1));
            csv.field(venue.statusAt() == null ? null : venue.statusAt().toString());
            csv.field(venue.statusBy());
            csv.field(venue.foundOnGround() ? "yes" : "no");
            csv.field(v.audited() ? "yes" : "no");
            csv.field(v.shownGrade().osm());
            csv.field(v.gradeSource());
            csv.field(v.grading().toilets().osm());
            csv.field(Barriers.text(v));
            csv.endRow();
        }
        out.flush();
    }
}

package org.seuil.app.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.output.AuditCsv;
import org.seuil.audit.output.AuditGeoJson;
import org.seuil.store.CampaignStore;
import org.seuil.store.PlaceStore;

/**
 * The campaign report as {@code seuil audit report} writes it (the audit output code), with
 * progress: reading every venue's reports is the long part, so progress counts venues read.
 */
final class CampaignReports {
    private CampaignReports() {
    }

    /**
     * Writes the campaign's report in {@code format} to {@code out}; {@code progress} gets the
     * share done (0-1) and may throw to stop the writer.
     */
    static void write(ReportExport.Format format, PlaceStore places, CampaignStore campaigns, Campaign campaign, Instant now,
                      Path out, DoubleConsumer progress) throws IOException {
        List<CampaignVenue> venues = campaigns.venues(campaign.id());
        int total = Math.max(1, venues.size());
        int step = Math.max(1, total / 100);
        int[] read = {0};
        AuditSnapshot snapshot = AuditSnapshot.of(campaign, venues, id -> {
            if (read[0]++ % step == 0) {
                progress.accept(0.9 * read[0] / total);
            }
            return places.reports(id);
        }, now);
        progress.accept(0.9);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            switch (format) {
                case CSV -> AuditCsv.write(snapshot, w);
                case GEOJSON -> AuditGeoJson.write(snapshot, w);
                case PDF -> throw new UnsupportedOperationException("PDF");
            }
        }
        progress.accept(1);
    }
}

package org.seuil.app.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.DoubleConsumer;
import org.seuil.audit.Campaign;
import org.seuil.store.CampaignStore;

/** The audit report writers, by format, as the app calls them. */
final class CampaignReports {
    private CampaignReports() {
    }

    /**
     * Writes the campaign's report in {@code format} to {@code out}; {@code progress} gets the
     * share done (0-1) and may throw to stop the writer.
     */
    static void write(ReportExport.Format format, CampaignStore store, Campaign campaign, Instant now, Path out,
                      DoubleConsumer progress) throws IOException {
        throw new UnsupportedOperationException("the audit report writers are not merged yet");
    }
}

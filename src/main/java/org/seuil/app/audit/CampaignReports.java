package org.seuil.app.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seuil.audit.output.AuditPdf;
import org.seuil.audit.output.MapBackdrop;
import org.seuil.basemap.MapTheme;
import org.seuil.basemap.MapsforgeTileSource;
import org.seuil.basemap.PackLocator;
import org.seuil.basemap.TileMosaic;
import org.seuil.domain.BoundingBox;
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
        if (format != ReportExport.Format.PDF) {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                if (format == ReportExport.Format.CSV) {
                    AuditCsv.write(snapshot, w);
                } else {
                    AuditGeoJson.write(snapshot, w);
                }
            }
        } else {
            try (OfflineBackdrop backdrop = OfflineBackdrop.open(places.file() == null ? null : places.file().toAbsolutePath().getParent());
                 OutputStream o = Files.newOutputStream(out)) {
                AuditPdf.write(snapshot, backdrop == null ? MapBackdrop.NONE : backdrop, o);
            }
        }
        progress.accept(1);
    }

    /**
     * The PDF's map from the offline vector packs of the data folder, as {@code seuil audit report}
     * draws it (org.seuil.cli.AuditBackdrop, which the app cannot reach): never online tiles, a
     * report must print offline.
     */
    private static final class OfflineBackdrop implements MapBackdrop, AutoCloseable {
        private static final int TILE_SIZE = 256;
        private final MapsforgeTileSource source;

        private OfflineBackdrop(MapsforgeTileSource source) {
            this.source = source;
        }

        static OfflineBackdrop open(Path dataFolder) throws IOException {
            if (dataFolder == null) {
                return null;
            }
            List<Path> packs = new ArrayList<>();
            for (PackLocator.Pack pack : PackLocator.find(PackLocator.defaultFolders(dataFolder))) {
                if (pack.kind() == PackLocator.Kind.VECTOR_MAP) {
                    packs.add(pack.file());
                }
            }
            return packs.isEmpty() ? null : new OfflineBackdrop(new MapsforgeTileSource(packs, new MapTheme.Accessibility(), TILE_SIZE, 0));
        }

        @Override
        public Optional<BufferedImage> render(BoundingBox box, int widthPx, int heightPx) throws IOException {
            return TileMosaic.render(source, TILE_SIZE, box, widthPx, heightPx, 18);
        }

        @Override
        public String attribution() {
            return "Map © OpenStreetMap contributors (ODbL), rendered offline with mapsforge";
        }

        @Override
        public void close() {
            source.close();
        }
    }
}

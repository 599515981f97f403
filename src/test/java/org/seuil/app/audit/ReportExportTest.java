package org.seuil.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.output.AuditCsv;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** The report from the app: the audit output code's bytes, written whole or not at all. */
class ReportExportTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private Campaign seeded(SqlitePlaceStore store) {
        Seed.monaco(store);
        District district = District.fromWkt("POLYGON ((7.4225 43.7365, 7.43 43.7365, 7.43 43.7415, 7.4225 43.7415, 7.4225 43.7365))");
        Campaign campaign = new Campaign(CampaignId.random(), "Casino", district, DefaultChecklist.get(), RuleSetName.OSM,
                NOW.minusSeconds(3600), 5, List.of("erin"));
        store.campaigns().create(campaign, VenueSelection.VENUES);
        store.campaigns().setStatus(campaign.id(), Seed.CAFE, VenueStatus.VISITED, "erin", NOW.minusSeconds(60));
        return campaign;
    }

    private AuditViewModel viewModel(SqlitePlaceStore store, Campaign campaign) {
        AuditViewModel vm = new AuditViewModel(store.campaigns(), new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH),
                new SimpleStringProperty("erin"), Clock.fixed(NOW, ZoneOffset.UTC));
        vm.refresh();
        vm.open(campaign);
        return vm;
    }

    @Test
    void theCsvFromTheAppIsTheAuditOutputOfTheCampaign() throws Exception {
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("s.db"))) {
            Campaign campaign = seeded(store);
            AuditViewModel vm = viewModel(store, campaign);
            ReportExport export = new ReportExport(vm, store, new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH));
            Path out = dir.resolve("casino.csv");
            export.export(out, ReportExport.Format.CSV);
            StringWriter expected = new StringWriter();
            AuditCsv.write(AuditSnapshot.of(campaign, store.campaigns().venues(campaign.id()), store::reports, NOW), expected);
            assertEquals(expected.toString(), Files.readString(out));
            assertEquals(1.0, export.progressProperty().get());
            assertEquals("Report written to " + out.toAbsolutePath(), export.messageProperty().get());
            assertFalse(export.runningProperty().get());
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temporary file left");
            }
        }
    }

    @Test
    void thePdfFromTheAppIsAPrintableReportOfTheCampaign() throws Exception {
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("s.db"))) {
            Campaign campaign = seeded(store);
            AuditViewModel vm = viewModel(store, campaign);
            ReportExport export = new ReportExport(vm, store, new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH));
            Path out = dir.resolve("casino.pdf");
            export.export(out, ReportExport.Format.PDF);
            assertEquals("Report written to " + out.toAbsolutePath(), export.messageProperty().get());
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                assertTrue(text.contains("Casino"), text);
                assertTrue(text.contains("Café de Paris"), text);
            }
        }
    }

    @Test
    void aCancelledReportLeavesThePreviousFile() throws Exception {
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("s.db"))) {
            Campaign campaign = seeded(store);
            AuditViewModel vm = viewModel(store, campaign);
            ReportExport export = new ReportExport(vm, store, new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH));
            Path out = dir.resolve("casino.geojson");
            Files.writeString(out, "previous");
            // Cancel as soon as the first progress shows, as a person pressing Cancel would.
            export.progressProperty().addListener((o, old, now) -> {
                if (now.doubleValue() > 0) {
                    export.cancel();
                }
            });
            export.export(out, ReportExport.Format.GEOJSON);
            assertEquals("previous", Files.readString(out));
            assertEquals("Report cancelled: no file was written.", export.messageProperty().get());
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temporary file left");
            }
        }
    }
}

package org.seuil.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** The checklist form without a window: live grades by rule set, answers checked, a visit saved. */
class ChecklistViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    private record Fixture(SqlitePlaceStore store, Campaign campaign, CampaignVenue cafe) {
    }

    private Fixture fixture(RuleSetName rules) {
        SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve(rules + ".db"));
        Seed.monaco(store);
        District district = District.fromWkt("POLYGON ((7.4225 43.7365, 7.43 43.7365, 7.43 43.7415, 7.4225 43.7415, 7.4225 43.7365))");
        Campaign campaign = new Campaign(CampaignId.random(), "Casino", district, DefaultChecklist.get(), rules, NOW, 5, List.of("erin"));
        store.campaigns().create(campaign, VenueSelection.VENUES);
        CampaignVenue cafe = store.campaigns().venues(campaign.id()).stream().filter(v -> v.placeId().equals(Seed.CAFE)).findFirst().orElseThrow();
        return new Fixture(store, campaign, cafe);
    }

    private ChecklistViewModel form(Fixture f, Locale locale) {
        return new ChecklistViewModel(f.store().campaigns(), new CurrentThreadTaskExecutor(), new Messages(locale),
                f.campaign(), f.cafe(), "erin", NOW);
    }

    @Test
    void underOsmRulesOneStepOfSixCentimetresIsLimitedAndTheStepRuleSaysWhy() {
        Fixture f = fixture(RuleSetName.OSM);
        try (SqlitePlaceStore store = f.store()) {
            ChecklistViewModel vm = form(f, Locale.ENGLISH);
            assertEquals(Accessibility.UNKNOWN, vm.gradingProperty().get().overall());
            vm.answer("entrance.step-count").textProperty().set("1");
            vm.answer("entrance.step-height").textProperty().set("6");
            assertEquals(Accessibility.LIMITED, vm.gradingProperty().get().overall());
            assertEquals("1 step of 6 cm → partly accessible (OSM wiki)", vm.decidedByProperty().get());
            vm.answer("entrance.ramp").choiceProperty().set(Ramp.FIXED);
            assertEquals(Accessibility.YES, vm.gradingProperty().get().overall(), "a fixed ramp bypasses the step");
        }
    }

    @Test
    void underFrenchErpRulesADoorOfEightyFiveCentimetresIsLimitedWithTheArreteAsSource() {
        Fixture f = fixture(RuleSetName.ERP);
        try (SqlitePlaceStore store = f.store()) {
            ChecklistViewModel vm = form(f, Locale.FRENCH);
            vm.answer("entrance.step-count").textProperty().set("0");
            vm.answer("entrance.door-width").textProperty().set("0,85");
            assertEquals(Accessibility.LIMITED, vm.gradingProperty().get().overall());
            assertEquals("entrance door 85 cm → partiellement accessible (Arrêté du 20 avril 2017)", vm.decidedByProperty().get());
        }
    }

    @Test
    void aWrongMeasurementIsRefusedBesideItsQuestionAndNothingIsSaved() {
        Fixture f = fixture(RuleSetName.OSM);
        try (SqlitePlaceStore store = f.store()) {
            ChecklistViewModel vm = form(f, Locale.ENGLISH);
            vm.answer("entrance.door-width").textProperty().set("wide");
            assertEquals("A number in m, e.g. 0.9 or 0,9", vm.answer("entrance.door-width").errorProperty().get());
            assertFalse(vm.save(r -> { }));
            assertNull(vm.toReport());
            assertEquals("Some answers need fixing (marked ⚠).", vm.formErrorProperty().get());
            assertTrue(store.reports(Seed.CAFE).stream().noneMatch(r -> r.author().equals("erin")));
        }
    }

    @Test
    void savingAVisitWritesTheReportWithNotesAndMarksTheVenueVisited() {
        Fixture f = fixture(RuleSetName.OSM);
        try (SqlitePlaceStore store = f.store()) {
            ChecklistViewModel vm = form(f, Locale.ENGLISH);
            long pending = store.pendingChanges();
            vm.answer("entrance.step-count").textProperty().set("0");
            vm.answer("entrance.door-width").textProperty().set("0.92");
            vm.answer("reception.hearing-loop").choiceProperty().set(Boolean.FALSE);
            vm.commentProperty().set("Staff very helpful");
            Report[] saved = new Report[1];
            assertTrue(vm.save(r -> saved[0] = r));
            assertEquals(Accessibility.YES, saved[0].wheelchair());
            assertEquals("Is there a hearing loop at the desk? no\nStaff very helpful", saved[0].descriptions().get("en"));
            assertEquals(saved[0], store.report(saved[0].id()).orElseThrow());
            assertEquals(pending + 1, store.pendingChanges(), "the visit's report is queued for sync like any report");
            CampaignVenue cafe = store.campaigns().venues(f.campaign().id()).stream()
                    .filter(v -> v.placeId().equals(Seed.CAFE)).findFirst().orElseThrow();
            assertEquals(VenueStatus.VISITED, cafe.status());
            assertEquals("erin", cafe.statusBy());
        }
    }
}

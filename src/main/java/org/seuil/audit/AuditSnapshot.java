package org.seuil.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;

/**
 * Everything the outputs of a campaign show, computed once so that the PDF, the CSV, the GeoJSON,
 * the osmChange file and {@code seuil audit status} all carry the same figures.
 *
 * @param at when the snapshot was taken; coverage and staleness are judged at this time
 */
public record AuditSnapshot(Campaign campaign, List<VenueAudit> venues, Coverage coverage, Instant at) {
    /**
     * One venue with what its reports say.
     *
     * @param current     latest value per criterion over every report (people's and OSM's)
     * @param osm         what the OSM import said (the report authored {@code osm}); empty for other places
     * @param reported    the {@code wheelchair} grade reports state, whoever wrote them
     * @param grading     the grades the campaign's rule set computes from {@code current}
     * @param audited     whether the venue counts as audited at {@link #at}
     */
    public record VenueAudit(CampaignVenue venue, Measurements current, Measurements osm, Accessibility reported,
                             Grading grading, boolean audited) {
        /** The grade a map shows: computed from measurements when they decide, else as reported. */
        public Accessibility shownGrade() {
            return grading.overall() != Accessibility.UNKNOWN ? grading.overall() : reported.shown();
        }

        /** Where {@link #shownGrade()} comes from: {@code measured}, {@code reported} or {@code unknown}. */
        public String gradeSource() {
            if (grading.overall() != Accessibility.UNKNOWN) {
                return "measured";
            }
            return reported == Accessibility.UNKNOWN ? "unknown" : "reported";
        }
    }

    public AuditSnapshot {
        venues = List.copyOf(venues);
    }

    /**
     * Builds the snapshot.
     *
     * @param reports every report of a place, tombstones included (as {@code PlaceStore.reports} gives them)
     */
    public static AuditSnapshot of(Campaign campaign, List<CampaignVenue> venues, Function<PlaceId, List<Report>> reports, Instant at) {
        RuleSet rules = RuleSets.of(campaign.rules());
        Instant freshSince = at.atZone(ZoneOffset.UTC).minusYears(campaign.revisitYears()).toInstant();
        List<VenueAudit> audits = new ArrayList<>(venues.size());
        for (CampaignVenue venue : venues) {
            List<Report> all = reports.apply(venue.placeId());
            PlaceAccessibility accessibility = PlaceAccessibility.derive(all);
            Measurements current = Measurements.of(accessibility);
            Measurements osm = all.stream().filter(r -> r.fromOsm() && !r.deleted()).findFirst()
                    .map(Measurements::of).orElse(new Measurements(java.util.Map.of()));
            audits.add(new VenueAudit(venue, current, osm, accessibility.wheelchair(), rules.grade(current),
                    Coverage.isAudited(venue, freshSince)));
        }
        return new AuditSnapshot(campaign, audits, Coverage.of(venues, at, campaign.revisitYears()), at);
    }

    /** How many venues the map shows with each grade. */
    public long countShown(Accessibility grade) {
        return venues.stream().filter(v -> v.shownGrade() == grade.shown()).count();
    }
}

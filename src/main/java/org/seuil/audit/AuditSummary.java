package org.seuil.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seuil.domain.Accessibility;

/**
 * The figures of a campaign as lines of text. {@code seuil audit status} prints them and the PDF
 * report sets them, so both always say the same thing.
 */
public final class AuditSummary {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private AuditSummary() {
    }

    public static List<String> lines(AuditSnapshot s) {
        Campaign c = s.campaign();
        Coverage cov = s.coverage();
        List<String> lines = new ArrayList<>();
        lines.add("Campaign: " + c.name() + " (" + c.id() + ")");
        lines.add("Created: " + DAY.format(c.created()) + "; figures at " + DAY.format(s.at())
                + "; visits older than " + c.revisitYears() + " years count as pending");
        lines.add("Rule set: " + c.rules().code() + "; checklist: " + c.checklist().id() + " (" + c.checklist().items().size() + " items)");
        lines.add("District: " + Math.round(c.district().squareMetres() / 10_000.0 * 10) / 10.0 + " ha");
        lines.add("Venues: " + cov.total().total());
        lines.add("Audited: " + cov.total().audited() + " of " + cov.total().total() + " (" + cov.total().percent() + " %)");
        List<String> statuses = new ArrayList<>();
        for (VenueStatus status : VenueStatus.values()) {
            statuses.add(status.code() + " " + cov.count(status));
        }
        lines.add("Status: " + String.join(", ", statuses));
        lines.add("Grades: yes " + s.countShown(Accessibility.YES) + ", limited " + s.countShown(Accessibility.LIMITED)
                + ", no " + s.countShown(Accessibility.NO) + ", unknown " + s.countShown(Accessibility.UNKNOWN)
                + " (" + s.venues().stream().filter(v -> v.gradeSource().equals("measured")).count() + " computed from measurements)");
        lines.add("Barriers found: " + s.venues().stream().mapToLong(v -> v.grading().barriers().size()).sum()
                + " at " + s.venues().stream().filter(v -> !v.grading().barriers().isEmpty()).count() + " venues");
        lines.add("Volunteers: " + (c.volunteers().isEmpty() ? "none yet" : String.join(", ", c.volunteers())));
        for (Map.Entry<Integer, Coverage.Tally> zone : cov.byZone().entrySet()) {
            lines.add("Zone " + (zone.getKey() + 1) + ": " + zone.getValue());
        }
        for (Map.Entry<String, Coverage.Tally> volunteer : sorted(cov.byVolunteer())) {
            lines.add("Volunteer " + volunteer.getKey() + ": " + volunteer.getValue());
        }
        return lines;
    }

    /** One line per category, most venues first. */
    public static List<String> categoryLines(AuditSnapshot s) {
        List<String> lines = new ArrayList<>();
        s.coverage().byCategory().entrySet().stream()
                .sorted(Map.Entry.<String, Coverage.Tally>comparingByValue(
                        (a, b) -> Long.compare(b.total(), a.total())).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> lines.add(e.getKey() + ": " + e.getValue()));
        return lines;
    }

    private static List<Map.Entry<String, Coverage.Tally>> sorted(Map<String, Coverage.Tally> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}

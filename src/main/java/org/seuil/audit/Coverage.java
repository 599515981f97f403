package org.seuil.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a campaign has got. A venue is <em>audited</em> when its status is an outcome of a visit
 * (visited, not found, closed, refused) set less than {@code revisitYears} ago; otherwise, even
 * if it was visited long ago, it is <em>pending</em>.
 *
 * @param byZone      zone number (0-based) to tally; venues in no zone are left out
 * @param byVolunteer volunteer to tally; unassigned venues under {@link #UNASSIGNED}
 * @param byCategory  OSM category to tally; uncategorised venues under {@link #UNCATEGORISED}
 */
public record Coverage(Tally total, Map<Integer, Tally> byZone, Map<String, Tally> byVolunteer,
                       Map<String, Tally> byCategory, Map<VenueStatus, Long> byStatus) {
    public static final String UNASSIGNED = "(unassigned)";
    public static final String UNCATEGORISED = "(no category)";

    /** Audited venues out of all venues. */
    public record Tally(long audited, long total) {
        public Tally {
            if (audited < 0 || total < audited) {
                throw new IllegalArgumentException("audited " + audited + " of " + total);
            }
        }

        public long pending() {
            return total - audited;
        }

        /** 0-100, one decimal; 0 for an empty tally. */
        public double percent() {
            return total == 0 ? 0 : Math.round(audited * 1000.0 / total) / 10.0;
        }

        Tally plus(boolean isAudited) {
            return new Tally(audited + (isAudited ? 1 : 0), total + 1);
        }

        @Override
        public String toString() {
            return audited + "/" + total + " (" + percent() + " %)";
        }
    }

    public Coverage {
        // Sorted, so every listing shows zones, volunteers and categories in the same order.
        byZone = Collections.unmodifiableMap(new TreeMap<>(byZone));
        byVolunteer = Collections.unmodifiableMap(new TreeMap<>(byVolunteer));
        byCategory = Collections.unmodifiableMap(new TreeMap<>(byCategory));
        EnumMap<VenueStatus, Long> statuses = new EnumMap<>(VenueStatus.class);
        statuses.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(statuses);
    }

    public static Coverage of(Collection<CampaignVenue> venues, Instant now, int revisitYears) {
        Instant freshSince = now.atZone(ZoneOffset.UTC).minusYears(revisitYears).toInstant();
        Tally total = new Tally(0, 0);
        Map<Integer, Tally> byZone = new TreeMap<>();
        Map<String, Tally> byVolunteer = new TreeMap<>();
        Map<String, Tally> byCategory = new TreeMap<>();
        Map<VenueStatus, Long> byStatus = new EnumMap<>(VenueStatus.class);
        for (CampaignVenue v : venues) {
            boolean audited = isAudited(v, freshSince);
            total = total.plus(audited);
            if (v.zone() != null) {
                add(byZone, v.zone(), audited);
            }
            add(byVolunteer, v.volunteer() == null ? UNASSIGNED : v.volunteer(), audited);
            add(byCategory, v.category() == null ? UNCATEGORISED : v.category(), audited);
            byStatus.merge(audited || v.status() == VenueStatus.TO_VISIT ? v.status() : VenueStatus.TO_VISIT, 1L, Long::sum);
        }
        return new Coverage(total, byZone, byVolunteer, byCategory, byStatus);
    }

    /** Whether the venue counts as audited at a time when visits since {@code freshSince} are still valid. */
    public static boolean isAudited(CampaignVenue v, Instant freshSince) {
        return v.status().isOutcome() && v.statusAt() != null && !v.statusAt().isBefore(freshSince);
    }

    private static <K> void add(Map<K, Tally> map, K key, boolean audited) {
        map.merge(key, new Tally(audited ? 1 : 0, 1), (a, b) -> new Tally(a.audited() + b.audited(), a.total() + b.total()));
    }

    /** The count of venues by status as a campaign shows them: stale outcomes count as to visit again. */
    public long count(VenueStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}

package org.seuil.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seuil.audit.Assignment;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.AuditSummary;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Checklist;
import org.seuil.audit.ChecklistFile;
import org.seuil.audit.ChecklistItem;
import org.seuil.audit.Coverage;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.DistrictFile;
import org.seuil.audit.LocalProjection;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.WalkingOrder;
import org.seuil.audit.Zones;
import org.seuil.audit.output.AuditCsv;
import org.seuil.audit.output.AuditGeoJson;
import org.seuil.audit.output.AuditPdf;
import org.seuil.audit.output.MapBackdrop;
import org.seuil.audit.output.OsmChange;
import org.seuil.domain.Criterion;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.formats.CriterionTags;
import org.seuil.store.CampaignStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seuil audit ...}: district audit campaigns (docs/audits.md). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit every venue of a district with a team of volunteers: campaigns, assignments, visits, reports.",
        subcommands = {AuditCommand.Create.class, AuditCommand.ListCampaigns.class, AuditCommand.Status.class,
                AuditCommand.Assign.class, AuditCommand.Walk.class, AuditCommand.Visit.class, AuditCommand.AddVenue.class,
                AuditCommand.ReportFile.class, AuditCommand.Osc.class})
public final class AuditCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A time given on the command line: an ISO instant, or a day (midnight UTC). */
    static Instant time(String option, String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a date (2026-11-20) or an instant (2026-11-20T10:00:00Z)");
        }
    }

    static AuditSnapshot snapshot(SqlitePlaceStore store, Campaign campaign, Instant at) {
        return AuditSnapshot.of(campaign, store.campaigns().venues(campaign.id()), store::reports, at);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a campaign over a district; its venues are the places of the store inside the polygon.")
    static final class Create implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--name", required = true, description = "The campaign's name.")
        String name;
        @Option(names = "--district", required = true, paramLabel = "FILE",
                description = "The district: a .geojson (Polygon, MultiPolygon, Feature or FeatureCollection) or a .kml file.")
        Path district;
        @Option(names = "--checklist", paramLabel = "FILE", description = "A checklist file (seuil-checklist/1 JSON). Default: Seuil's.")
        Path checklist;
        @Option(names = "--rules", defaultValue = "osm", paramLabel = "osm|erp",
                description = "The rule set grades are computed with: osm (wheelchair=*) or erp (French ERP rules). Default: ${DEFAULT-VALUE}.")
        String rules;
        @Option(names = "--revisit-years", defaultValue = "5", paramLabel = "N",
                description = "A visit older than N years counts as pending again. Default: ${DEFAULT-VALUE}.")
        int revisitYears;
        @Option(names = "--volunteers", split = ",", paramLabel = "NAME", description = "The team, comma-separated.")
        List<String> volunteers = List.of();
        @Option(names = "--all-places", description = "Take every place of the district, street furniture included, not only venues.")
        boolean allPlaces;

        @Override
        public Integer call() {
            DistrictFile.Read read = DistrictFile.read(ImportCommand.existing(district));
            Checklist list = checklist == null ? DefaultChecklist.get() : ChecklistFile.read(ImportCommand.existing(checklist));
            Campaign campaign = new Campaign(CampaignId.random(), name, read.district(), list, RuleSetName.parse("--rules", rules),
                    Instant.now(), revisitYears, volunteers);
            try (SqlitePlaceStore s = store.open()) {
                int venues = s.campaigns().create(campaign, allPlaces ? VenueSelection.ALL : VenueSelection.VENUES);
                spec.commandLine().getOut().printf(Locale.ROOT, "Created campaign %s (%s): %d venues in %.1f ha, checklist %s, rules %s%n",
                        campaign.name(), campaign.id(), venues, read.district().squareMetres() / 10_000, list.id(), campaign.rules().code());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the campaigns of the store, newest first.")
    static final class ListCampaigns implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SqlitePlaceStore s = store.open()) {
                List<Campaign> campaigns = s.campaigns().list();
                if (campaigns.isEmpty()) {
                    out.println("No campaign yet (seuil audit create --help).");
                }
                Instant now = Instant.now();
                for (Campaign c : campaigns) {
                    Coverage coverage = s.campaigns().coverage(c.id(), now);
                    out.printf(Locale.ROOT, "%s  %-30s  %s venues, %s audited, created %s, %d volunteers%n", c.id().value().substring(0, 8),
                            c.name(), coverage.total().total(), coverage.total().percent() + " %", c.created().toString().substring(0, 10),
                            c.volunteers().size());
                }
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print a campaign's figures: coverage by zone, volunteer and category, grades, barriers.")
    static final class Status implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--at", paramLabel = "DATE", description = "Figures as of this date (default: now).")
        String at;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SqlitePlaceStore s = store.open()) {
                AuditSnapshot snapshot = snapshot(s, s.campaigns().find(campaign), time("--at", at));
                AuditSummary.lines(snapshot).forEach(out::println);
                out.println("By category:");
                AuditSummary.categoryLines(snapshot).forEach(line -> out.println("  " + line));
            }
            return 0;
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Share the venues: split the district into zones for a team (--zones N --volunteers a,b), "
                    + "or give one venue by hand (--venue ID --volunteer NAME).")
    static final class Assign implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--zones", paramLabel = "N", description = "Split the venues into N zones of equal size; zone i goes to volunteer i modulo the team.")
        Integer zones;
        @Option(names = "--volunteers", split = ",", paramLabel = "NAME", description = "The team for --zones, comma-separated.")
        List<String> volunteers = List.of();
        @Option(names = "--venue", paramLabel = "ID", description = "A venue's place id (osm:node/123 or a UUID).")
        String venue;
        @Option(names = "--volunteer", paramLabel = "NAME", description = "Who visits --venue.")
        String volunteer;

        @Override
        public Integer call() {
            boolean byZones = zones != null;
            boolean byHand = venue != null || volunteer != null;
            if (byZones == byHand) {
                throw new IllegalArgumentException("give either --zones N --volunteers a,b or --venue ID --volunteer NAME");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (SqlitePlaceStore s = store.open()) {
                CampaignStore campaigns = s.campaigns();
                Campaign c = campaigns.find(campaign);
                if (byZones) {
                    if (volunteers.isEmpty()) {
                        throw new IllegalArgumentException("--zones needs --volunteers a,b,...");
                    }
                    List<CampaignVenue> venues = campaigns.venues(c.id());
                    List<Assignment> assignments = Zones.assign(venues, zones, volunteers, LocalProjection.around(c.district()));
                    campaigns.assign(c.id(), assignments);
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    volunteers.forEach(v -> counts.put(v.strip(), 0));
                    assignments.forEach(a -> counts.merge(a.volunteer(), 1, Integer::sum));
                    out.printf("%d venues in %d zones: %s%n", venues.size(), zones, counts.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
                } else {
                    if (venue == null || volunteer == null) {
                        throw new IllegalArgumentException("--venue and --volunteer go together");
                    }
                    campaigns.assign(c.id(), List.of(new Assignment(new PlaceId(venue), volunteer, null)));
                    out.printf("%s assigned to %s%n", venue, volunteer.strip());
                }
            }
            return 0;
        }
    }

    @Command(name = "walk", mixinStandardHelpOptions = true,
            description = "A volunteer's venues still to visit, in walking order from a start point.")
    static final class Walk implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--volunteer", required = true, paramLabel = "NAME", description = "Whose venues.")
        String volunteer;
        @Option(names = "--from", paramLabel = "LAT,LON", description = "Where the walk starts (default: the middle of the district).")
        String from;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SqlitePlaceStore s = store.open()) {
                Campaign c = s.campaigns().find(campaign);
                GeoPoint start = from == null ? c.district().centroid() : point(from);
                List<CampaignVenue> mine = s.campaigns().venues(c.id()).stream()
                        .filter(v -> volunteer.strip().equals(v.volunteer()) && !v.status().isOutcome()).toList();
                List<CampaignVenue> walk = WalkingOrder.from(start, mine);
                int n = 1;
                for (CampaignVenue v : walk) {
                    out.printf(Locale.ROOT, "%3d  %-40s  %-28s  %s%n", n++, v.displayName(), v.category() == null ? "" : v.category(), v.placeId());
                }
                out.printf(Locale.ROOT, "%d venues to visit, %.0f m as the crow flies%n", walk.size(), WalkingOrder.metres(start, walk));
            }
            return 0;
        }

        private static GeoPoint point(String text) {
            String[] parts = text.split(",");
            try {
                return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--from: '" + text + "' is not LAT,LON");
            }
        }
    }

    @Command(name = "visit", mixinStandardHelpOptions = true,
            description = "Record a visit: its outcome and, for a visited venue, the answers (measurements) as a report.")
    static final class Visit implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--venue", required = true, paramLabel = "ID", description = "The venue's place id.")
        String venue;
        @Option(names = "--status", required = true, paramLabel = "STATUS", description = "to-visit, visited, not-found, closed or refused.")
        String status;
        @Option(names = "--by", paramLabel = "NAME", description = "Who visited (default: the venue's volunteer).")
        String by;
        @Option(names = "--at", paramLabel = "TIME", description = "When (default: now).")
        String at;
        @Option(names = "--answer", paramLabel = "ITEM=VALUE",
                description = "An answer: a checklist item id or an OSM key, and its value in OSM form "
                        + "(entrance.door-width=0.85, entrance:step_count=1, entrance.ramp=no). Repeatable.")
        List<String> answers = List.of();

        @Override
        public Integer call() {
            VenueStatus outcome = VenueStatus.parse("--status", status);
            Instant when = time("--at", at);
            PlaceId place = new PlaceId(venue);
            try (SqlitePlaceStore s = store.open()) {
                CampaignStore campaigns = s.campaigns();
                Campaign c = campaigns.find(campaign);
                CampaignVenue v = campaigns.venues(c.id()).stream().filter(x -> x.placeId().equals(place)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(venue + " is not a venue of campaign " + c.name()));
                String who = by != null ? by : v.volunteer();
                if (who == null) {
                    throw new IllegalArgumentException("--by is needed: venue " + venue + " has no volunteer yet");
                }
                String saved = "";
                if (answers.isEmpty()) {
                    campaigns.setStatus(c.id(), place, outcome, who, when);
                } else {
                    if (outcome != VenueStatus.VISITED) {
                        throw new IllegalArgumentException("answers go with --status visited");
                    }
                    Report report = report(c.checklist(), place, who, when, answers);
                    campaigns.recordVisit(c.id(), report);
                    saved = ", report " + report.id() + " saved";
                }
                spec.commandLine().getOut().printf("%s: %s by %s%s%n", v.displayName(), outcome.code(), who, saved);
            }
            return 0;
        }

        /** Answers keyed by checklist item id or by OSM key become one report, as OSM tags would. */
        static Report report(Checklist checklist, PlaceId place, String author, Instant at, List<String> answers) {
            Map<String, String> tags = new LinkedHashMap<>();
            Map<String, String> given = new LinkedHashMap<>();
            for (String answer : answers) {
                int eq = answer.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--answer '" + answer + "' is not ITEM=VALUE");
                }
                String key = answer.substring(0, eq).strip();
                String value = answer.substring(eq + 1).strip();
                String tag = key;
                for (ChecklistItem item : checklist.items()) {
                    if (item.id().equals(key)) {
                        if (item.criterion() == null) {
                            throw new IllegalArgumentException("--answer " + key + ": this checklist item is a note without a report field");
                        }
                        tag = item.criterion().key();
                    }
                }
                boolean known = false;
                for (Criterion criterion : Criterion.values()) {
                    known |= criterion.key().equals(tag);
                }
                if (!known) {
                    throw new IllegalArgumentException("--answer " + key + ": neither an item of checklist " + checklist.id() + " nor a criterion key");
                }
                tags.put(tag, value);
                given.put(tag, key);
            }
            return CriterionTags.report(ReportId.generate(), place, author, at, tags::get, tags.keySet(),
                    tag -> "--answer " + given.getOrDefault(tag, tag));
        }
    }

    @Command(name = "add-venue", mixinStandardHelpOptions = true,
            description = "Add a venue found on the ground: a new place in the store, visited by you.")
    static final class AddVenue implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--name", required = true, description = "The venue's name.")
        String name;
        @Option(names = "--category", paramLabel = "KEY=VALUE", description = "OSM category, e.g. shop=bakery.")
        String category;
        @Option(names = "--lat", required = true, description = "Latitude.")
        double lat;
        @Option(names = "--lon", required = true, description = "Longitude.")
        double lon;
        @Option(names = "--address", description = "The address.")
        String address;
        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who found it.")
        String by;

        @Override
        public Integer call() {
            Place place = new Place(PlaceId.generate(), new GeoPoint(lat, lon), name, category, address);
            try (SqlitePlaceStore s = store.open()) {
                Campaign c = s.campaigns().find(campaign);
                s.campaigns().addVenue(c.id(), place, by, Instant.now());
                spec.commandLine().getOut().printf("Added %s (%s) to %s%n", name, place.id(), c.name());
            }
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the campaign's report: a printable PDF (map, figures, barriers, licence), or its rows as CSV or GeoJSON.")
    static final class ReportFile implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;
        @Option(names = "--format", defaultValue = "pdf", paramLabel = "pdf|csv|geojson", description = "Default: ${DEFAULT-VALUE}.")
        String format;
        @Option(names = "--map", paramLabel = "FILE.map",
                description = "Offline map packs for the PDF's background (default: the installed packs; none: a plain drawing).")
        List<Path> maps = List.of();
        @Option(names = "--no-background", description = "Draw the PDF's map without a background.")
        boolean noBackground;
        @Option(names = "--at", paramLabel = "DATE", description = "Figures as of this date (default: now).")
        String at;

        @Override
        public Integer call() throws IOException {
            String kind = format.toLowerCase(Locale.ROOT);
            if (!List.of("pdf", "csv", "geojson").contains(kind)) {
                throw new IllegalArgumentException("--format: '" + format + "' is not pdf, csv or geojson");
            }
            PrintWriter console = spec.commandLine().getOut();
            try (SqlitePlaceStore s = store.open()) {
                Campaign c = s.campaigns().find(campaign);
                AuditSnapshot snapshot = snapshot(s, c, time("--at", at));
                long started = System.nanoTime();
                switch (kind) {
                    case "csv" -> AtomicOutput.write(out, file -> {
                        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                            AuditCsv.write(snapshot, w);
                        }
                    });
                    case "geojson" -> AtomicOutput.write(out, file -> {
                        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                            AuditGeoJson.write(snapshot, w);
                        }
                    });
                    default -> {
                        AuditPdf.Summary[] summary = new AuditPdf.Summary[1];
                        try (AuditBackdrop backdrop = noBackground ? null : AuditBackdrop.open(maps)) {
                            MapBackdrop chosen = backdrop == null ? MapBackdrop.NONE : backdrop;
                            AtomicOutput.write(out, file -> {
                                try (OutputStream o = Files.newOutputStream(file)) {
                                    summary[0] = AuditPdf.write(snapshot, chosen, o);
                                }
                            });
                        }
                        console.printf(Locale.ROOT, "%d pages, map %s, %d ms%n", summary[0].pages(),
                                summary[0].mapBackground() ? "over the offline map" : "without background",
                                (System.nanoTime() - started) / 1_000_000);
                    }
                }
                console.printf("%s report of %s (%d venues) written to %s%n", kind.toUpperCase(Locale.ROOT), c.name(), snapshot.venues().size(), out);
            }
            return 0;
        }
    }

    @Command(name = "osc", mixinStandardHelpOptions = true,
            description = "Write the OSM tag changes the audit implies as an osmChange file, for review in JOSM (never uploaded).")
    static final class Osc implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "CAMPAIGN", description = "The campaign: its id, an id prefix or its name.")
        String campaign;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .osc file to write.")
        Path out;

        @Override
        public Integer call() {
            try (SqlitePlaceStore s = store.open()) {
                Campaign c = s.campaigns().find(campaign);
                AuditSnapshot snapshot = snapshot(s, c, Instant.now());
                OsmChange.Summary[] summary = new OsmChange.Summary[1];
                AtomicOutput.write(out, file -> {
                    try (OutputStream o = Files.newOutputStream(file)) {
                        summary[0] = OsmChange.write(snapshot, o, "Seuil " + new VersionProvider().getVersion()[0]);
                    }
                });
                PrintWriter console = spec.commandLine().getOut();
                console.printf("%d OSM elements, %d tags written to %s (review in JOSM; nothing was uploaded)%n",
                        summary[0].elements(), summary[0].tags(), out);
                if (summary[0].notFromOsm() > 0) {
                    console.printf("%d venues found on the ground are not in OSM: add them by hand%n", summary[0].notFromOsm());
                }
            }
            return 0;
        }
    }
}

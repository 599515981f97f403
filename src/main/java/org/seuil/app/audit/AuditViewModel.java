package org.seuil.app.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.audit.Assignment;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Checklist;
import org.seuil.audit.ChecklistFile;
import org.seuil.audit.Coverage;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.District;
import org.seuil.audit.DistrictFile;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.WalkingOrder;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.store.CampaignStore;

/**
 * The audit screens' state: the campaigns of the local store, the one open, its venues, the
 * volunteer's round in walking order, and its coverage. Every store call runs through the
 * {@link TaskExecutor}; the results land in observable properties the views bind to.
 */
public final class AuditViewModel {
    /** The "whose venues" choice that shows every venue of the campaign. */
    public static final String EVERYONE = "";

    private final CampaignStore campaigns;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final StringProperty me;
    private final Clock clock;

    private final ObservableList<Campaign> list = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> current = new SimpleObjectProperty<>();
    private final ObservableList<CampaignVenue> venues = FXCollections.observableArrayList();
    private final ObservableList<CampaignVenue> round = FXCollections.observableArrayList();
    private final StringProperty whose = new SimpleStringProperty(EVERYONE);
    private final ObjectProperty<Coverage> coverage = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Where the round starts when the volunteer has visited nothing yet: the map centre. */
    private final ObjectProperty<GeoPoint> mapCentre = new SimpleObjectProperty<>();
    /** Bumped after every change of a venue, so the map overlay redraws. */
    private final ObjectProperty<Long> revision = new SimpleObjectProperty<>(0L);
    private boolean chooseWhose;

    /**
     * @param me the volunteer using the app (the settings' author name)
     */
    public AuditViewModel(CampaignStore campaigns, TaskExecutor tasks, Messages messages, StringProperty me, Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.messages = messages;
        this.me = me;
        this.clock = clock;
        whose.addListener((o, old, now) -> order());
    }

    /** Reloads the list of campaigns, keeping the open one open. */
    public void refresh() {
        run(campaigns::list, found -> {
            list.setAll(found);
            Campaign open = current.get();
            if (open != null) {
                found.stream().filter(c -> c.id().equals(open.id())).findFirst().ifPresent(current::set);
            }
        });
    }

    /** Opens a campaign: its venues, the volunteer's round, its coverage. */
    public void open(Campaign campaign) {
        current.set(campaign);
        if (campaign == null) {
            venues.clear();
            round.clear();
            coverage.set(null);
            return;
        }
        whose.set(EVERYONE);
        chooseWhose = true;
        reloadVenues();
    }

    private void reloadVenues() {
        reloadVenues(() -> { });
    }

    private void reloadVenues(Runnable then) {
        Campaign campaign = current.get();
        if (campaign == null) {
            return;
        }
        CampaignId id = campaign.id();
        Instant now = clock.instant();
        run(() -> new Loaded(campaigns.venues(id), campaigns.coverage(id, now)), loaded -> {
            if (current.get() == null || !current.get().id().equals(id)) {
                return; // another campaign was opened meanwhile
            }
            venues.setAll(loaded.venues());
            coverage.set(loaded.coverage());
            if (chooseWhose) {
                // A volunteer with venues of their own sees their round; otherwise everyone's.
                chooseWhose = false;
                boolean mine = loaded.venues().stream().anyMatch(this::isMine);
                if (mine && !me().equals(whose.get())) {
                    whose.set(me()); // orders through the listener
                }
            }
            order();
            revision.set(revision.get() + 1);
            then.run();
        });
    }

    private record Loaded(List<CampaignVenue> venues, Coverage coverage) {
    }

    /**
     * The round: venues still to visit (or whose visit has gone stale) in walking order from the
     * last venue this volunteer visited, or from the map centre; then the ones done, latest first.
     */
    private void order() {
        Campaign campaign = current.get();
        if (campaign == null) {
            round.clear();
            return;
        }
        String who = whose.get();
        Instant freshSince = clock.instant().atZone(ZoneOffset.UTC).minusYears(campaign.revisitYears()).toInstant();
        List<CampaignVenue> todo = new ArrayList<>();
        List<CampaignVenue> done = new ArrayList<>();
        for (CampaignVenue v : venues) {
            if (who != null && !who.isEmpty() && !who.equals(v.volunteer())) {
                continue;
            }
            (Coverage.isAudited(v, freshSince) ? done : todo).add(v);
        }
        done.sort(Comparator.comparing(CampaignVenue::statusAt, Comparator.nullsLast(Comparator.reverseOrder())));
        GeoPoint start = lastVisitedByMe().map(CampaignVenue::location)
                .orElse(mapCentre.get() != null ? mapCentre.get() : campaign.district().centroid());
        List<CampaignVenue> ordered = new ArrayList<>(todo.isEmpty() ? List.of() : WalkingOrder.from(start, todo));
        ordered.addAll(done);
        round.setAll(ordered);
    }

    /** The venue this volunteer set an outcome on last: their round goes on from there. */
    public Optional<CampaignVenue> lastVisitedByMe() {
        return venues.stream()
                .filter(v -> v.status().isOutcome() && me().equals(v.statusBy()) && v.statusAt() != null)
                .max(Comparator.comparing(CampaignVenue::statusAt));
    }

    /** Orders the round again from this point (used when the person moves the map and asks for it). */
    public void orderFrom(GeoPoint centre) {
        mapCentre.set(centre);
        order();
    }

    /** Reads a district file (GeoJSON or KML) in the background; the name it carries comes along. */
    public void readDistrict(Path file, Consumer<DistrictFile.Read> onRead, Consumer<String> onError) {
        busy.set(true); // from the first click: a second one while the file is read would create the campaign twice
        tasks.execute(() -> DistrictFile.read(file), read -> {
            busy.set(false);
            onRead.accept(read);
        }, failure -> {
            busy.set(false);
            onError.accept(reason(failure));
        });
    }

    /** Reads a custom checklist ({@code seuil-checklist/1}); null means the default one. */
    public static Checklist checklist(Path file) {
        return file == null ? DefaultChecklist.get() : ChecklistFile.read(file);
    }

    /**
     * Creates a campaign over a district with the current volunteer in its team, selects its
     * venues in the store (the places inside that {@code selection} accepts) and opens it. {@code onDone} gets the number of venues.
     */
    public void create(String name, District district, Checklist checklist, RuleSetName rules, VenueSelection selection,
                       Consumer<Integer> onDone, Consumer<String> onError) {
        Campaign campaign;
        try {
            campaign = new Campaign(CampaignId.random(), name, district, checklist, rules, clock.instant(),
                    Campaign.DEFAULT_REVISIT_YEARS, me().isEmpty() ? List.of() : List.of(me()));
        } catch (RuntimeException e) {
            onError.accept(reason(e));
            return;
        }
        busy.set(true);
        tasks.execute(() -> campaigns.create(campaign, selection), count -> {
            busy.set(false);
            message.set(messages.get("audit.created", campaign.name(), count));
            list.add(0, campaign);
            open(campaign);
            onDone.accept(count);
        }, failure -> {
            busy.set(false);
            onError.accept(reason(failure));
        });
    }

    /** Records the outcome of a visit (or puts the venue back to visit). */
    public void setStatus(CampaignVenue venue, VenueStatus status) {
        Campaign campaign = current.get();
        if (campaign == null) {
            return;
        }
        run(() -> {
            campaigns.setStatus(campaign.id(), venue.placeId(), status, me(), clock.instant());
            return null;
        }, ignored -> {
            message.set(messages.get("audit.statusSet", venue.displayName(), messages.get("audit.status." + status.name())));
            reloadVenues();
        });
    }

    /** Takes a venue into this volunteer's round (a coordinator splits the district from the command line). */
    public void assignToMe(CampaignVenue venue) {
        Campaign campaign = current.get();
        if (campaign == null || me().isEmpty()) {
            return;
        }
        run(() -> {
            campaigns.assign(campaign.id(), List.of(new Assignment(venue.placeId(), me(), null)));
            return null;
        }, ignored -> {
            message.set(messages.get("audit.assigned", venue.displayName(), me()));
            refresh();
            reloadVenues();
        });
    }

    /** A venue found on the ground, inside the district, visited now by this volunteer. */
    public void addVenue(GeoPoint at, String name, String category, Consumer<PlaceId> onAdded, Consumer<String> onError) {
        Campaign campaign = current.get();
        if (campaign == null) {
            return;
        }
        if (!campaign.district().contains(at)) {
            onError.accept(messages.get("audit.error.outside"));
            return;
        }
        Place place;
        try {
            place = new Place(PlaceId.generate(), at, name == null || name.isBlank() ? null : name.strip(),
                    category == null || category.isBlank() ? null : category.strip(), null);
        } catch (RuntimeException e) {
            onError.accept(reason(e));
            return;
        }
        tasks.execute(() -> {
            campaigns.addVenue(campaign.id(), place, me(), clock.instant());
            return place.id();
        }, id -> {
            message.set(messages.get("audit.venueAdded", place.displayName()));
            reloadVenues(() -> onAdded.accept(id));
        }, failure -> onError.accept(reason(failure)));
    }

    /** After a checklist was saved elsewhere (the venue is visited now). */
    public void venueChanged() {
        reloadVenues();
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> then) {
        tasks.execute(work, then, failure -> message.set(messages.get("audit.failed", reason(failure))));
    }

    static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private String me() {
        return me.get() == null ? "" : me.get().strip();
    }

    public boolean isMine(CampaignVenue v) {
        return me().equals(v.volunteer());
    }

    public ObservableList<Campaign> campaigns() {
        return list;
    }

    public ObjectProperty<Campaign> currentProperty() {
        return current;
    }

    public ObservableList<CampaignVenue> venues() {
        return venues;
    }

    public ObservableList<CampaignVenue> round() {
        return round;
    }

    public StringProperty whoseProperty() {
        return whose;
    }

    public ObjectProperty<Coverage> coverageProperty() {
        return coverage;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<GeoPoint> mapCentreProperty() {
        return mapCentre;
    }

    public ObjectProperty<Long> revisionProperty() {
        return revision;
    }

    public CampaignStore store() {
        return campaigns;
    }

    public Instant now() {
        return clock.instant();
    }
}

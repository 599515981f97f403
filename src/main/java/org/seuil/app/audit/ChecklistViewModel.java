package org.seuil.app.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.audit.AnswerKind;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.ChecklistItem;
import org.seuil.audit.Finding;
import org.seuil.audit.Grading;
import org.seuil.audit.Measurements;
import org.seuil.audit.Rule;
import org.seuil.audit.RuleSet;
import org.seuil.audit.RuleSets;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.Entrance;
import org.seuil.domain.Kerb;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;
import org.seuil.store.CampaignStore;

/**
 * The checklist of one visit: an answer per item of the campaign's checklist, checked as it is
 * typed, and the grade the campaign's rule set computes from the answers, recomputed at every
 * change with the rule that decided it. Saving records the visit in one store transaction: the
 * report (queued for sync like any survey) and the venue marked visited.
 */
public final class ChecklistViewModel {
    /** One answer: text for numbers and notes, a value for yes/no and choices. */
    public static final class Answer {
        private final ChecklistItem item;
        private final StringProperty text = new SimpleStringProperty("");
        private final ObjectProperty<Object> choice = new SimpleObjectProperty<>();
        private final StringProperty error = new SimpleStringProperty("");

        Answer(ChecklistItem item) {
            this.item = item;
        }

        public ChecklistItem item() {
            return item;
        }

        public StringProperty textProperty() {
            return text;
        }

        public ObjectProperty<Object> choiceProperty() {
            return choice;
        }

        public StringProperty errorProperty() {
            return error;
        }

        /** Whether the person types the answer (numbers, notes) rather than picking it. */
        public boolean typed() {
            return item.answer() == AnswerKind.COUNT || item.answer() == AnswerKind.LENGTH
                    || item.answer() == AnswerKind.SLOPE || item.answer() == AnswerKind.TEXT;
        }
    }

    private final CampaignStore campaigns;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Campaign campaign;
    private final CampaignVenue venue;
    private final String author;
    private final Instant now;
    private final RuleSet rules;
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final ObjectProperty<Grading> grading = new SimpleObjectProperty<>();
    private final StringProperty decidedBy = new SimpleStringProperty("");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    /** Held here and added weakly: the app-wide language must not keep every closed checklist alive. */
    private final ChangeListener<Locale> regradeOnLanguage = (o, old, v) -> regrade();

    public ChecklistViewModel(CampaignStore campaigns, TaskExecutor tasks, Messages messages,
                              Campaign campaign, CampaignVenue venue, String author, Instant now) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.messages = messages;
        this.campaign = campaign;
        this.venue = venue;
        this.author = author;
        this.now = now;
        this.rules = RuleSets.of(campaign.rules());
        for (ChecklistItem item : campaign.checklist().items()) {
            Answer a = new Answer(item);
            answers.put(item.id(), a);
            a.text.addListener((o, old, v) -> regrade());
            a.choice.addListener((o, old, v) -> regrade());
        }
        messages.localeProperty().addListener(new WeakChangeListener<>(regradeOnLanguage));
        regrade();
    }

    /** The unit a length item is typed in: step heights in centimetres, widths and spaces in metres. */
    public static String unit(ChecklistItem item) {
        return switch (item.answer()) {
            case LENGTH -> item.criterion() == Criterion.STEP_HEIGHT ? "cm" : "m";
            case SLOPE -> "%";
            default -> "";
        };
    }

    /** The values a picked answer offers, in the order shown; null (not answered) comes first in the view. */
    public static List<Object> choices(ChecklistItem item) {
        if (item.answer() == AnswerKind.YES_NO) {
            return List.of(Boolean.TRUE, Boolean.FALSE);
        }
        if (item.criterion() == null) {
            return List.copyOf(item.choices());
        }
        return switch (item.criterion()) {
            case WHEELCHAIR, TOILETS_WHEELCHAIR -> List.of(Accessibility.YES, Accessibility.LIMITED, Accessibility.NO);
            case RAMP -> List.of((Object[]) Ramp.values());
            case KERB -> List.of((Object[]) Kerb.values());
            case SURFACE -> List.of((Object[]) Surface.values());
            case SMOOTHNESS -> List.of((Object[]) Smoothness.values());
            default -> List.copyOf(item.choices());
        };
    }

    /** Checks every typed answer, keeping the reason beside it; the values of the good ones. */
    private Map<Criterion, Object> read(boolean showErrors) {
        Map<Criterion, Object> values = new LinkedHashMap<>();
        for (Answer a : answers.values()) {
            String error = "";
            Object value = null;
            String text = a.text.get() == null ? "" : a.text.get().strip();
            switch (a.item.answer()) {
                case COUNT -> {
                    if (!text.isEmpty()) {
                        try {
                            int n = Integer.parseInt(text);
                            if (n < 0 || n > 10_000) {
                                throw new NumberFormatException();
                            }
                            value = n;
                        } catch (NumberFormatException e) {
                            error = messages.get("audit.error.count");
                        }
                    }
                }
                case LENGTH, SLOPE -> {
                    if (!text.isEmpty()) {
                        try {
                            double d = Double.parseDouble(text.replace(',', '.'));
                            value = quantity(a.item, d);
                        } catch (RuntimeException e) {
                            error = messages.get("audit.error.number", unit(a.item));
                        }
                    }
                }
                case YES_NO, CHOICE -> value = a.choice.get();
                case TEXT -> value = text.isEmpty() ? null : text;
            }
            if (showErrors || error.isEmpty()) {
                a.error.set(error);
            }
            if (a.item.criterion() != null && value != null) {
                values.put(a.item.criterion(), value);
            }
        }
        return values;
    }

    private static Quantity quantity(ChecklistItem item, double value) {
        if (item.answer() == AnswerKind.SLOPE) {
            return Quantity.percent(value);
        }
        return "cm".equals(unit(item)) ? Quantity.centimetres(value) : Quantity.metres(value);
    }

    private void regrade() {
        Map<Criterion, Object> values = read(true);
        Grading g = rules.grade(new Measurements(values));
        grading.set(g);
        decidedBy.set(explain(g));
        List<String> lines = new ArrayList<>();
        for (Finding f : g.findings()) {
            lines.add(line(f));
        }
        findings.setAll(lines);
    }

    /**
     * Why the overall grade is what it is: the first finding of a counted section that gave that
     * grade, as "what was observed → grade (where the threshold comes from)".
     */
    private String explain(Grading g) {
        if (g.overall().shown() == Accessibility.UNKNOWN) {
            return messages.get("audit.grade.undecided");
        }
        for (Finding f : g.findings()) {
            if (rules.overallSections().contains(f.section()) && f.outcome().shown() == g.overall().shown()) {
                return line(f);
            }
        }
        return "";
    }

    private String line(Finding f) {
        Rule rule = rules.rules().stream().filter(r -> r.id().equals(f.ruleId())).findFirst().orElse(null);
        String source = rule == null ? f.ruleId() : shortSource(rule.source());
        return messages.get("audit.grade.finding", f.observed(), messages.get("grade." + f.outcome().shown().name()), source);
    }

    /** "OSM wiki, Key:wheelchair (https://…)" → "OSM wiki": the rule's full source is in docs/audits.md. */
    static String shortSource(String source) {
        int cut = source.length();
        for (String stop : List.of(",", " (", ";")) {
            int i = source.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return source.substring(0, cut);
    }

    /** The report the answers make, graded by the rule set; null when an answer must be fixed. */
    public Report toReport() {
        Map<Criterion, Object> v = read(true);
        for (Answer a : answers.values()) {
            if (!a.error.get().isEmpty()) {
                formError.set(messages.get("audit.error.fix"));
                return null;
            }
        }
        Grading g = rules.grade(new Measurements(v));
        Accessibility overall = g.overall();
        if (overall.shown() == Accessibility.UNKNOWN && v.get(Criterion.WHEELCHAIR) instanceof Accessibility asked) {
            overall = asked; // the rule set could not judge; the volunteer's own answer stands
        }
        Accessibility toilets = g.toilets();
        if (toilets.shown() == Accessibility.UNKNOWN && v.get(Criterion.TOILETS_WHEELCHAIR) instanceof Accessibility asked) {
            toilets = asked;
        }
        Entrance entrance = new Entrance((Integer) v.get(Criterion.STEP_COUNT), (Quantity) v.get(Criterion.STEP_HEIGHT),
                (Ramp) v.get(Criterion.RAMP), (Quantity) v.get(Criterion.DOOR_WIDTH), (Boolean) v.get(Criterion.AUTOMATIC_DOOR),
                (Boolean) v.get(Criterion.DOORBELL));
        Toilet toilet = new Toilet((Quantity) v.get(Criterion.TOILET_DOOR_WIDTH), (Quantity) v.get(Criterion.TOILET_TURNING_SPACE),
                (Boolean) v.get(Criterion.TOILET_GRAB_BARS));
        Parking parking = new Parking((Integer) v.get(Criterion.PARKING_SPACES), (Boolean) v.get(Criterion.PARKING_STEP_FREE));
        PathCondition path = new PathCondition((Kerb) v.get(Criterion.KERB), (Surface) v.get(Criterion.SURFACE),
                (Smoothness) v.get(Criterion.SMOOTHNESS), (Quantity) v.get(Criterion.INCLINE));
        String notes = notes();
        Map<String, String> descriptions = notes.isEmpty() ? Map.of() : Map.of(messages.locale().getLanguage(), notes);
        try {
            formError.set("");
            return new Report(ReportId.generate(), venue.placeId(), author, now, 1, overall, toilets, entrance, toilet, parking, path,
                    descriptions, List.of(), List.of(), false);
        } catch (RuntimeException e) {
            formError.set(messages.get("audit.failed", AuditViewModel.reason(e)));
            return null;
        }
    }

    /** Answers that fill no report field (notes for the association) and the comment, as the report's description. */
    private String notes() {
        StringBuilder b = new StringBuilder();
        for (Answer a : answers.values()) {
            if (a.item.criterion() != null) {
                continue;
            }
            Object value = a.typed() ? a.text.get().strip() : a.choice.get();
            if (value == null || value.toString().isEmpty()) {
                continue;
            }
            String shown = value instanceof Boolean yes ? messages.get(yes ? "audit.yes" : "audit.no") : value.toString();
            b.append(a.item.question()).append(' ').append(shown).append('\n');
        }
        if (comment.get() != null && !comment.get().isBlank()) {
            b.append(comment.get().strip());
        }
        return b.toString().strip();
    }

    /**
     * Saves the visit in the background, in one store transaction ({@code CampaignStore.recordVisit}):
     * the report with its outbox row, so it syncs like any survey, and the venue's status, visited
     * by the volunteer at the survey time.
     */
    public boolean save(Consumer<Report> onSaved) {
        Report report = toReport();
        if (report == null) {
            return false;
        }
        saving.set(true);
        tasks.execute(() -> {
            campaigns.recordVisit(campaign.id(), report);
            return report;
        }, saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            formError.set(messages.get("audit.failed", AuditViewModel.reason(failure)));
        });
        return true;
    }

    public List<Answer> answers() {
        return List.copyOf(answers.values());
    }

    public Answer answer(String itemId) {
        Answer a = answers.get(itemId);
        if (a == null) {
            throw new IllegalArgumentException("no item " + itemId + " in checklist " + campaign.checklist().id());
        }
        return a;
    }

    public ObjectProperty<Grading> gradingProperty() {
        return grading;
    }

    public StringProperty decidedByProperty() {
        return decidedBy;
    }

    public ObservableList<String> findings() {
        return findings;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public CampaignVenue venue() {
        return venue;
    }

    public Campaign campaign() {
        return campaign;
    }
}

package org.seuil.app.places;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Need;

/** The filter panel: every change is applied to the map at once. */
public final class FiltersViewModel {
    /** The grades a person can tick: the four the map shows. */
    public static final Accessibility[] GRADES = {Accessibility.YES, Accessibility.LIMITED, Accessibility.NO, Accessibility.UNKNOWN};

    private final Map<Accessibility, BooleanProperty> grades = new EnumMap<>(Accessibility.class);
    private final StringProperty category = new SimpleStringProperty("");
    private final BooleanProperty stepFree = new SimpleBooleanProperty();
    private final BooleanProperty accessibleToilet = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> surveyedSince = new SimpleObjectProperty<>();
    /** Only places with an experience or tip shared for this need; null for any place. */
    private final ObjectProperty<Need> experiencesFor = new SimpleObjectProperty<>();
    private final ObjectProperty<PlaceFilters> target;

    public FiltersViewModel(ObjectProperty<PlaceFilters> target) {
        this.target = target;
        for (Accessibility grade : GRADES) {
            BooleanProperty shown = new SimpleBooleanProperty(true);
            shown.addListener((o, old, now) -> apply());
            grades.put(grade, shown);
        }
        category.addListener((o, old, now) -> apply());
        stepFree.addListener((o, old, now) -> apply());
        accessibleToilet.addListener((o, old, now) -> apply());
        surveyedSince.addListener((o, old, now) -> apply());
        experiencesFor.addListener((o, old, now) -> apply());
    }

    private void apply() {
        EnumSet<Accessibility> ticked = EnumSet.noneOf(Accessibility.class);
        grades.forEach((grade, shown) -> {
            if (shown.get()) {
                ticked.add(grade);
            }
        });
        // All four ticked is no filter at all; none ticked shows nothing, as asked.
        Set<Accessibility> wanted = ticked.size() == GRADES.length ? null : ticked;
        target.set(new PlaceFilters(wanted, category.get(), stepFree.get(), accessibleToilet.get(), surveyedSince.get(),
                experiencesFor.get() == null ? Set.of() : Set.of(experiencesFor.get())));
    }

    public void clear() {
        grades.values().forEach(p -> p.set(true));
        category.set("");
        stepFree.set(false);
        accessibleToilet.set(false);
        surveyedSince.set(null);
        experiencesFor.set(null);
    }

    public BooleanProperty gradeProperty(Accessibility grade) {
        return grades.get(grade);
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public BooleanProperty stepFreeProperty() {
        return stepFree;
    }

    public BooleanProperty accessibleToiletProperty() {
        return accessibleToilet;
    }

    public ObjectProperty<Need> experiencesForProperty() {
        return experiencesFor;
    }

    public ObjectProperty<LocalDate> surveyedSinceProperty() {
        return surveyedSince;
    }
}

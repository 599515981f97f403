package org.seuil.audit;

import java.util.EnumMap;
import java.util.Map;
import org.seuil.domain.Criterion;
import org.seuil.domain.Kerb;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;

/** What was measured or observed at a venue, criterion by criterion: the input of the rule sets. */
public record Measurements(Map<Criterion, Object> values) {
    public Measurements {
        values = values.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** The place's current state: for each criterion the latest survey that said something. */
    public static Measurements of(PlaceAccessibility accessibility) {
        Map<Criterion, Object> values = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            Object v = accessibility.value(c);
            if (v != null) {
                values.put(c, v);
            }
        }
        return new Measurements(values);
    }

    /** One report alone, e.g. the visit being filled in. */
    public static Measurements of(Report report) {
        Map<Criterion, Object> values = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            Object v = c.valueIn(report);
            if (v != null) {
                values.put(c, v);
            }
        }
        return new Measurements(values);
    }

    public Integer stepCount() {
        return (Integer) values.get(Criterion.STEP_COUNT);
    }

    public Double stepHeightMetres() {
        return length(Criterion.STEP_HEIGHT);
    }

    public Ramp ramp() {
        return (Ramp) values.get(Criterion.RAMP);
    }

    public Double doorWidthMetres() {
        return length(Criterion.DOOR_WIDTH);
    }

    public Double toiletDoorWidthMetres() {
        return length(Criterion.TOILET_DOOR_WIDTH);
    }

    public Double turningSpaceMetres() {
        return length(Criterion.TOILET_TURNING_SPACE);
    }

    public Boolean grabBars() {
        return (Boolean) values.get(Criterion.TOILET_GRAB_BARS);
    }

    /** The steepest incline as an absolute slope in percent (a descent is as hard as a climb here). */
    public Double inclinePercent() {
        Quantity q = (Quantity) values.get(Criterion.INCLINE);
        return q == null ? null : Math.abs(q.percent());
    }

    public Kerb kerb() {
        return (Kerb) values.get(Criterion.KERB);
    }

    public Integer parkingSpaces() {
        return (Integer) values.get(Criterion.PARKING_SPACES);
    }

    public Boolean parkingStepFree() {
        return (Boolean) values.get(Criterion.PARKING_STEP_FREE);
    }

    private Double length(Criterion c) {
        Quantity q = (Quantity) values.get(c);
        return q == null ? null : q.metres();
    }
}

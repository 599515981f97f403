package org.seuil.analysis;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;

/**
 * Places reduced to what the analyses need: position, derived wheelchair grade and last survey
 * time, held in columns (primitive arrays) so a million places take 26 MB instead of a million
 * objects. Built with {@link #builder()}; its {@link Builder} is a {@code Consumer<PlaceRecord>}
 * so it can be handed straight to {@code PlaceStore.forEach}.
 */
public final class GradedPoints {
    /** {@link #lastSurveyed} of a place nobody surveyed. */
    public static final long NEVER = Long.MIN_VALUE;
    private static final Accessibility[] GRADES = Accessibility.values();

    private final int size;
    private final double[] lon;
    private final double[] lat;
    private final byte[] grade;
    private final long[] surveyedEpochSecond;

    private GradedPoints(int size, double[] lon, double[] lat, byte[] grade, long[] surveyedEpochSecond) {
        this.size = size;
        this.lon = lon;
        this.lat = lat;
        this.grade = grade;
        this.surveyedEpochSecond = surveyedEpochSecond;
    }

    public static Builder builder() {
        return new Builder(RatedCriterion.WHEELCHAIR);
    }

    /** A builder that grades each place by {@code rating} (its toilet rating, say) rather than its wheelchair rating. */
    public static Builder builder(RatedCriterion rating) {
        return new Builder(rating);
    }

    public static GradedPoints of(Iterable<PlaceRecord> records) {
        Builder builder = builder();
        records.forEach(builder);
        return builder.build();
    }

    public int size() {
        return size;
    }

    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public Accessibility grade(int i) {
        return GRADES[grade[i]];
    }

    /** Epoch second of the place's last survey, or {@link #NEVER}. */
    public long lastSurveyed(int i) {
        return surveyedEpochSecond[i];
    }

    double[] lonArray() {
        return lon;
    }

    double[] latArray() {
        return lat;
    }

    byte[] gradeArray() {
        return grade;
    }

    long[] surveyedArray() {
        return surveyedEpochSecond;
    }

    /** The smallest box holding every point, or null when there are none. */
    public BoundingBox extent() {
        if (size == 0) {
            return null;
        }
        double minLon = 180;
        double minLat = 90;
        double maxLon = -180;
        double maxLat = -90;
        for (int i = 0; i < size; i++) {
            minLon = Math.min(minLon, lon[i]);
            maxLon = Math.max(maxLon, lon[i]);
            minLat = Math.min(minLat, lat[i]);
            maxLat = Math.max(maxLat, lat[i]);
        }
        return new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    /** Collects points graded by one rating; designated is kept as designated, weights decide what it counts. */
    public static final class Builder implements Consumer<PlaceRecord> {
        private final RatedCriterion rating;
        private int size;
        private double[] lon = new double[1024];
        private double[] lat = new double[1024];
        private byte[] grade = new byte[1024];
        private long[] surveyed = new long[1024];

        private Builder(RatedCriterion rating) {
            this.rating = rating;
        }

        @Override
        public void accept(PlaceRecord record) {
            PlaceAccessibility accessibility = record.accessibility();
            add(record.place().location(), rating.of(accessibility), accessibility.lastSurveyed());
        }

        public Builder add(GeoPoint at, Accessibility wheelchair, Instant lastSurveyed) {
            return add(at.lon(), at.lat(), wheelchair, lastSurveyed == null ? NEVER : lastSurveyed.getEpochSecond());
        }

        /** Adds a point whose coordinates the caller has already validated (e.g. a GeoPoint's). */
        public Builder add(double lonDeg, double latDeg, Accessibility wheelchair, long lastSurveyedEpochSecond) {
            if (size == lon.length) {
                int capacity = lon.length * 2;
                lon = Arrays.copyOf(lon, capacity);
                lat = Arrays.copyOf(lat, capacity);
                grade = Arrays.copyOf(grade, capacity);
                surveyed = Arrays.copyOf(surveyed, capacity);
            }
            lon[size] = lonDeg;
            lat[size] = latDeg;
            grade[size] = (byte) wheelchair.ordinal();
            surveyed[size] = lastSurveyedEpochSecond;
            size++;
            return this;
        }

        public GradedPoints build() {
            return new GradedPoints(size, lon, lat, grade, surveyed);
        }
    }
}

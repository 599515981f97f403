package org.seuil.app.planner;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Set;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.GradeWeights;
import org.seuil.analysis.HeatmapParameters;
import org.seuil.analysis.Kernel;
import org.seuil.analysis.MetricProjection;
import org.seuil.analysis.RatedCriterion;
import org.seuil.domain.Accessibility;
import org.seuil.store.PlaceFilter;

/**
 * One complete, valid set of the planner's choices: what to show, the filters, the kernel and the
 * cells. The view model builds one from its fields (and says which field is wrong when it cannot);
 * every preview and export is computed from one of these, never from half-edited fields.
 *
 * @param surveyedTo last day included (UTC), or null
 */
public record PlannerSettings(PlannerMode mode, PlannerArea area, RatedCriterion rating, String category,
        LocalDate surveyedFrom, LocalDate surveyedTo, Kernel kernel, double bandwidthMetres, double cellMetres,
        double weightNo, double weightLimited, double weightYes, CellShape shape, double cellSizeMetres) {

    public PlannerSettings {
        if (mode == null || area == null || rating == null || kernel == null || shape == null) {
            throw new IllegalArgumentException("mode, area, rating, kernel and shape are required");
        }
        category = category == null || category.isBlank() ? null : category.strip();
        // The analysis records check bandwidth, cell and weights (the fields are not set yet in
        // this compact constructor, so the parameters are passed).
        new HeatmapParameters(kernel, bandwidthMetres, cellMetres, weights(weightNo, weightLimited, weightYes), MetricProjection.WEB_MERCATOR);
        if (!(cellSizeMetres > 0) || !Double.isFinite(cellSizeMetres)) {
            throw new IllegalArgumentException("cell size must be a positive number of metres, got " + cellSizeMetres);
        }
    }

    public GradeWeights weights() {
        return weights(weightNo, weightLimited, weightYes);
    }

    private static GradeWeights weights(double weightNo, double weightLimited, double weightYes) {
        EnumMap<Accessibility, Double> w = new EnumMap<>(Accessibility.class);
        w.put(Accessibility.NO, weightNo);
        w.put(Accessibility.LIMITED, weightLimited);
        w.put(Accessibility.YES, weightYes);
        w.put(Accessibility.DESIGNATED, weightYes);
        return new GradeWeights(w);
    }

    /** The heatmap parameters, always in Web Mercator: the overlay must line up with the map's tiles. */
    public HeatmapParameters heatmap() {
        return new HeatmapParameters(kernel, bandwidthMetres, cellMetres, weights(), MetricProjection.WEB_MERCATOR);
    }

    /** What the store is asked for: category, survey days, then the area. */
    public PlaceFilter filter() {
        PlaceFilter filter = new PlaceFilter(null, Set.of(), Set.of(), category == null ? Set.of() : Set.of(category),
                surveyedFrom == null ? null : surveyedFrom.atStartOfDay().toInstant(ZoneOffset.UTC),
                surveyedTo == null ? null : surveyedTo.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), null);
        return area.narrow(filter);
    }
}

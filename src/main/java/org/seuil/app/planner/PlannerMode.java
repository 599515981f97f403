package org.seuil.app.planner;

/** What the planner's overlay shows. */
public enum PlannerMode {
    /** Kernel density of barriers, a raster. */
    HEATMAP,
    /** Grid or hexagon cells coloured by the share of places rated no or limited. */
    GRID,
    /** The same cells coloured by the median age of their last surveys: where surveys are old. */
    FRESHNESS
}

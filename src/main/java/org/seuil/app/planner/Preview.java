package org.seuil.app.planner;

import java.util.List;

/**
 * A computed overlay, ready to draw: a heatmap raster as ARGB pixels, or cells as coloured
 * polygons, both in the map's unit square (Web Mercator, 0..1 from the top left), with its legend.
 *
 * @param places        places the analysis used
 * @param previewMetres pixel size of the preview raster in ground metres (larger than asked for a large area)
 * @param millis        time to load and compute it
 */
public record Preview(PlannerMode mode, Raster raster, List<Cell> cells, Legend legend, int places, double previewMetres, long millis) {
    public Preview {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    /** ARGB pixels, row by row from the top; 0 (transparent) where there is no data. */
    public record Raster(int width, int height, int[] argb, double left, double top, double right, double bottom) {
        public int coloured() {
            int n = 0;
            for (int p : argb) {
                n += p == 0 ? 0 : 1;
            }
            return n;
        }
    }

    /** One cell's outline in unit-square coordinates and its colour. */
    public record Cell(String id, double[] x, double[] y, int argb) {
    }

    /**
     * What the colours mean: viridis from 0 to {@code max} of {@code kind}.
     *
     * @param unsurveyed whether some cells are grey because none of their places was ever surveyed
     */
    public record Legend(Kind kind, double max, boolean unsurveyed) {
        public enum Kind {
            /** weighted barriers per km² */
            DENSITY,
            /** share of places rated no or limited */
            SHARE,
            /** median survey age in days */
            AGE
        }

        /** Five evenly spaced values from 0 to max, for the tick labels. */
        public double[] ticks() {
            double[] ticks = new double[5];
            for (int i = 0; i < 5; i++) {
                ticks[i] = max * i / 4;
            }
            return ticks;
        }
    }
}

package org.seuil.formats.cells;

import org.locationtech.jts.geom.Polygon;

/**
 * What one grid cell holds: how many places, how many of each wheelchair grade (designated counts
 * as yes), and the median age of their last surveys in days at the time of the analysis (null
 * when no place in the cell was ever surveyed).
 *
 * @param polygon the cell's outline in the CRS of its {@link CellLayer}
 */
public record CellSummary(String id, Polygon polygon, int places, int no, int limited, int yes, int unknown,
                          Double medianSurveyAgeDays) {
    public CellSummary {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("cell id is required");
        }
        if (polygon == null) {
            throw new IllegalArgumentException("cell " + id + " has no polygon");
        }
        if (places < 1 || no < 0 || limited < 0 || yes < 0 || unknown < 0 || no + limited + yes + unknown != places) {
            throw new IllegalArgumentException("cell " + id + ": grade counts " + no + "/" + limited + "/" + yes + "/" + unknown
                    + " do not add up to " + places + " places");
        }
    }

    /** Share of the cell's places graded no, in [0, 1]; the four shares add up to 1. */
    public double shareNo() {
        return (double) no / places;
    }

    public double shareLimited() {
        return (double) limited / places;
    }

    public double shareYes() {
        return (double) yes / places;
    }

    public double shareUnknown() {
        return (double) unknown / places;
    }
}

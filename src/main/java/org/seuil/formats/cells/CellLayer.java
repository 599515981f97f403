package org.seuil.formats.cells;

import java.util.List;

/**
 * The non-empty cells of one aggregation.
 *
 * @param epsg        the CRS of the cell polygons (4326 once reprojected for GeoJSON and CSV)
 * @param shape       {@code square}, {@code hex-flat} or {@code hex-pointy}
 * @param sizeMetres  side of a square, or edge (= centre-to-corner) of a hexagon, in ground metres
 */
public record CellLayer(int epsg, String shape, double sizeMetres, List<CellSummary> cells) {
    public CellLayer {
        cells = List.copyOf(cells);
    }

    public long places() {
        return cells.stream().mapToLong(CellSummary::places).sum();
    }
}

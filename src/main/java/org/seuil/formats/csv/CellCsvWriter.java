package org.seuil.formats.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;

/**
 * Writes aggregation cells as CSV, one row per cell: its centre and outline in WGS 84 (the outline
 * as WKT, which QGIS's "delimited text" import and LibreOffice both take), counts, shares in [0, 1]
 * and the median survey age in days (empty when no place of the cell was surveyed).
 */
public final class CellCsvWriter {
    public static final List<String> HEADER = List.of("cell_id", "centre_lon", "centre_lat", "places", "no", "limited", "yes",
            "unknown", "share_no", "share_limited", "share_yes", "share_unknown", "median_survey_age_days", "wkt");

    private CellCsvWriter() {
    }

    public static void write(CellLayer layer, Path file) throws IOException {
        if (layer.epsg() != 4326) {
            throw new IllegalArgumentException("CSV cells are written in WGS 84 (EPSG:4326); reproject the layer from EPSG:" + layer.epsg() + " first");
        }
        WKTWriter wkt = new WKTWriter();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(out)) {
            for (String column : HEADER) {
                csv.field(column);
            }
            csv.endRow();
            for (CellSummary cell : layer.cells()) {
                Point centre = cell.polygon().getCentroid();
                csv.field(cell.id());
                csv.field(number(centre.getX()));
                csv.field(number(centre.getY()));
                csv.field(Integer.toString(cell.places()));
                csv.field(Integer.toString(cell.no()));
                csv.field(Integer.toString(cell.limited()));
                csv.field(Integer.toString(cell.yes()));
                csv.field(Integer.toString(cell.unknown()));
                csv.field(number(cell.shareNo()));
                csv.field(number(cell.shareLimited()));
                csv.field(number(cell.shareYes()));
                csv.field(number(cell.shareUnknown()));
                csv.field(cell.medianSurveyAgeDays() == null ? null : number(cell.medianSurveyAgeDays()));
                csv.field(wkt.write(cell.polygon()));
                csv.endRow();
            }
        }
    }

    private static String number(double v) {
        String text = String.format(Locale.ROOT, "%.7f", v);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}

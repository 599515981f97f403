package org.seuil.formats.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;
import org.seuil.formats.json.Json;

/**
 * Writes aggregation cells as an RFC 7946 FeatureCollection of polygons in WGS 84, with the same
 * properties as the GeoPackage cells layer. Rings are written counter-clockwise, as RFC 7946 asks.
 */
public final class CellGeoJsonWriter {
    private CellGeoJsonWriter() {
    }

    public static void write(CellLayer layer, Path file) throws IOException {
        if (layer.epsg() != 4326) {
            throw new IllegalArgumentException("GeoJSON is WGS 84 (EPSG:4326) only; reproject the layer from EPSG:" + layer.epsg() + " first");
        }
        try (JsonGenerator g = Json.FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (CellSummary cell : layer.cells()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", cell.id());
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Polygon");
                g.writeArrayFieldStart("coordinates");
                g.writeStartArray();
                Coordinate[] ring = cell.polygon().getExteriorRing().getCoordinates();
                boolean ccw = Orientation.isCCW(ring);
                for (int k = 0; k < ring.length; k++) {
                    int i = ccw ? k : ring.length - 1 - k;
                    g.writeStartArray();
                    g.writeNumber(Math.round(ring[i].x * 1e7) / 1e7);
                    g.writeNumber(Math.round(ring[i].y * 1e7) / 1e7);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("cell_id", cell.id());
                g.writeNumberField("places", cell.places());
                g.writeNumberField("no", cell.no());
                g.writeNumberField("limited", cell.limited());
                g.writeNumberField("yes", cell.yes());
                g.writeNumberField("unknown", cell.unknown());
                g.writeNumberField("share_no", cell.shareNo());
                g.writeNumberField("share_limited", cell.shareLimited());
                g.writeNumberField("share_yes", cell.shareYes());
                g.writeNumberField("share_unknown", cell.shareUnknown());
                if (cell.medianSurveyAgeDays() == null) {
                    g.writeNullField("median_survey_age_days");
                } else {
                    g.writeNumberField("median_survey_age_days", cell.medianSurveyAgeDays());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}

package org.seuil.audit.output;

/** The licence text every output of a campaign carries. */
public final class ReportLicence {
    public static final String SHORT = "Venues © OpenStreetMap contributors, ODbL 1.0; survey data of this campaign under ODbL 1.0";

    /** The paragraph the PDF prints. */
    public static final String FULL = "Venue locations, names and categories come from OpenStreetMap, © OpenStreetMap contributors, "
            + "available under the Open Database Licence (ODbL) 1.0: https://www.openstreetmap.org/copyright. The measurements "
            + "and grades of this campaign are a database derived from OpenStreetMap and are shared under the same licence, "
            + "ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1-0/). Map background: rendered offline from OpenStreetMap "
            + "data with mapsforge, when a map pack was available.";

    private ReportLicence() {
    }
}

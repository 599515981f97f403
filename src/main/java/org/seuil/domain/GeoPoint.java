package org.seuil.domain;

/** A WGS 84 position. Latitude first, as people say it; GeoJSON writes longitude first. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        Checks.finite("lat", lat);
        Checks.finite("lon", lon);
        if (lat < -90 || lat > 90) {
            throw new InvalidValueException("lat", "latitude " + lat + " is outside [-90, 90] (are longitude and latitude swapped?)");
        }
        if (lon < -180 || lon > 180) {
            throw new InvalidValueException("lon", "longitude " + lon + " is outside [-180, 180]");
        }
    }
}

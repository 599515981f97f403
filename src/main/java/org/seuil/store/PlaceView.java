package org.seuil.store;

import org.seuil.domain.Place;
import org.seuil.domain.PlaceAccessibility;

/** A place as screens and exports show it: the place, what its reports say now, how many there are. */
public record PlaceView(Place place, PlaceAccessibility accessibility, int reportCount) {
}

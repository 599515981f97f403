package org.seuil.cli;

import org.seuil.analysis.RatedCriterion;
import picocli.CommandLine.Option;

/** {@code --rating}: which rating grades the places of a heatmap, a grid or a cell layer. */
public final class RatingOption {
    @Option(names = "--rating", paramLabel = "RATING", defaultValue = "wheelchair",
            description = "Which rating grades a place: wheelchair (overall) or toilets (default ${DEFAULT-VALUE}).")
    String rating;

    RatedCriterion criterion() {
        return RatedCriterion.parse(rating);
    }
}

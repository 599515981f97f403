package org.seuil.audit;

import java.util.List;
import java.util.regex.Pattern;
import org.seuil.domain.Criterion;
import org.seuil.domain.InvalidValueException;

/**
 * One question of a checklist. An item with a {@code criterion} fills that field of the visit's
 * report (and so feeds the grade and the OSM change file); an item without one is a note for the
 * association's own report.
 *
 * @param id         stable within its checklist, e.g. {@code entrance.door-width}
 * @param criterion  the report field it fills, or null
 * @param osmTag     the OSM key the answer maps to, or null (defaults to the criterion's key)
 * @param a11yJson   the path of the matching A11yJSON {@code PlaceInfo.accessibility} field, or null
 * @param acceslibre the matching acceslibre field, or null
 * @param choices    the allowed answers of a {@link AnswerKind#CHOICE} item, empty otherwise
 */
public record ChecklistItem(String id, Section section, String question, AnswerKind answer, Criterion criterion,
                            String osmTag, String a11yJson, String acceslibre, List<String> choices) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[a-z_:0-9]{1,80}");

    public ChecklistItem {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidValueException("id", "'" + id + "' must be 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (section == null) {
            throw new InvalidValueException("section", "is required");
        }
        if (question == null || question.isBlank() || question.length() > 500) {
            throw new InvalidValueException("question", "is required, at most 500 characters");
        }
        if (answer == null) {
            throw new InvalidValueException("answer", "is required");
        }
        if (criterion != null && AnswerKind.of(criterion) != answer) {
            throw new InvalidValueException("answer", "'" + answer.code() + "' does not fit criterion " + criterion.key()
                    + ", which takes " + AnswerKind.of(criterion).code());
        }
        if (osmTag == null && criterion != null) {
            osmTag = criterion.key();
        }
        if (osmTag != null && !KEY.matcher(osmTag).matches()) {
            throw new InvalidValueException("osm", "'" + osmTag + "' is not an OSM key");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (answer == AnswerKind.CHOICE && choices.isEmpty() && criterion == null) {
            throw new InvalidValueException("choices", "a choice item without a criterion needs its choices");
        }
        if (answer != AnswerKind.CHOICE && !choices.isEmpty()) {
            throw new InvalidValueException("choices", "only choice items have choices");
        }
    }
}

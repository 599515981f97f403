package org.seuil.formats;

/**
 * A feature (or CSV row) that an import run with {@code --skip-invalid} left out, and why.
 *
 * @param index    the feature's 0-based index in the file, or the CSV row's 1-based line number
 * @param location where it is, e.g. {@code feature 7 (line 120, column 5)} or {@code line 12}
 * @param reason   the field at fault and what is wrong with it
 */
public record SkippedFeature(long index, String location, String reason) {
    @Override
    public String toString() {
        return location + ": " + reason;
    }
}

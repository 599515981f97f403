package org.seuil.store.sqlite;

import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sqlite.Function;

/**
 * How well a place's name matches what was searched, for ranking: 0 when the whole name is the
 * query, 1 when the name starts with it, 2 otherwise. Both are folded first as the name index
 * folds them (case, accents, punctuation), so "musee oceanographique" is an exact match for
 * "Musée Océanographique". Registered as the SQL function {@code seuil_name_match(name, folded_query)}
 * on the connections that search.
 */
final class NameMatch extends Function {
    static final String SQL_NAME = "seuil_name_match";
    static final int EXACT = 0;
    static final int PREFIX = 1;
    static final int OTHER = 2;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    static void register(Session session) throws SQLException {
        Function.create(session.connection(), SQL_NAME, new NameMatch(), 2, Function.FLAG_DETERMINISTIC);
    }

    /** Lower case, without accents, words separated by one space. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }

    static int match(String name, String foldedQuery) {
        if (name == null || foldedQuery.isEmpty()) {
            return OTHER;
        }
        String folded = fold(name);
        if (folded.equals(foldedQuery)) {
            return EXACT;
        }
        return folded.startsWith(foldedQuery) ? PREFIX : OTHER;
    }

    @Override
    protected void xFunc() throws SQLException {
        result(match(value_text(0), value_text(1) == null ? "" : value_text(1)));
    }
}

package org.seuil.audit;

import org.seuil.domain.InvalidValueException;

/** The rule sets a campaign can grade against (see {@link RuleSets}). */
public enum RuleSetName {
    /** OpenStreetMap {@code wheelchair=*} as the OSM wiki defines it. */
    OSM,
    /** French ERP accessibility rules (arrêtés of 8 December 2014 and 20 April 2017). */
    ERP;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RuleSetName parse(String field, String text) {
        for (RuleSetName name : values()) {
            if (name.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return name;
            }
        }
        throw new InvalidValueException(field, "unknown rule set '" + text + "', expected osm or erp");
    }
}

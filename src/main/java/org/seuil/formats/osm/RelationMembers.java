package org.seuil.formats.osm;

/** The members of a relation, in order, as parallel arrays. */
record RelationMembers(ElementType[] types, long[] refs, String[] roles) {
    RelationMembers {
        if (types.length != refs.length || refs.length != roles.length) {
            throw new IllegalArgumentException("member arrays differ in length");
        }
    }

    int size() {
        return refs.length;
    }
}

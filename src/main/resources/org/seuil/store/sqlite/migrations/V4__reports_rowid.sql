-- Seuil store, schema 4: reports in a table with a rowid.
-- Schema 1 kept reports WITHOUT ROWID, keyed by their id, with the ~300-byte rows inside the id's
-- B-tree. Reports whose ids come in random order (UUIDs: reports made in the app, files exported by
-- Seuil) then split pages of big rows all over that tree: a million of them imported in 2.3 times
-- the time of reports keyed in order. Rows now go in at the end of the table, and only the id's
-- index, with small entries, takes the random inserts. The rowid stays internal: reports are
-- found by id as before. The copy goes in the order of the places, as exports read them.
CREATE TABLE reports_v4 (
    pk          INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    place_id    TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    surveyed_at INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    deleted     INTEGER NOT NULL,
    body        TEXT    NOT NULL
);
INSERT INTO reports_v4 (id, place_id, author, surveyed_at, revision, deleted, body)
    SELECT r.id, r.place_id, r.author, r.surveyed_at, r.revision, r.deleted, r.body
    FROM reports r LEFT JOIN places p ON p.id = r.place_id
    ORDER BY p.pk, r.surveyed_at, r.id;
DROP TABLE reports;
ALTER TABLE reports_v4 RENAME TO reports;
CREATE INDEX reports_by_place ON reports(place_id, surveyed_at);

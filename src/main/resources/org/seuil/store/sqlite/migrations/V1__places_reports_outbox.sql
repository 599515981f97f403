-- Seuil store, schema 1. Applied once, in one transaction, when a store is opened.
-- Never edit a migration that has shipped: add V2__... instead.

-- One row per place. The integer key `pk` is shared with the spatial index and the name index.
-- The accessibility columns are derived from the place's reports (latest survey per criterion)
-- and rewritten by the store whenever a report of the place changes.
CREATE TABLE places (
    pk            INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    lat           REAL    NOT NULL,
    lon           REAL    NOT NULL,
    name          TEXT,
    category      TEXT,
    category_key  TEXT,
    address       TEXT,
    wheelchair    TEXT    NOT NULL,
    toilets       TEXT    NOT NULL,
    last_surveyed INTEGER,
    report_count  INTEGER NOT NULL,
    accessibility TEXT    NOT NULL
);

-- Viewport queries. R*Tree keeps 32-bit floats rounded outwards, so queries re-check lat/lon.
CREATE VIRTUAL TABLE place_index USING rtree(pk, min_lon, max_lon, min_lat, max_lat);

-- Name search; diacritics folded so "cafe" finds "Café". Word positions are not kept
-- (detail = column): searches are prefix matches on separate words, and the index builds twice
-- as fast. Prefix queries scan the term range, fast enough without extra prefix indexes.
CREATE VIRTUAL TABLE place_names USING fts5(
    name, address,
    content = 'places', content_rowid = 'pk',
    detail = column,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Reports keep their canonical JSON (org.seuil.formats.json.ReportJson) in `body`; the other
-- columns are copies for indexing. surveyed_at is nanoseconds since 1970 (exact for 1990-2100).
CREATE TABLE reports (
    id          TEXT    PRIMARY KEY,
    place_id    TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    surveyed_at INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    deleted     INTEGER NOT NULL,
    body        TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX reports_by_place ON reports(place_id, surveyed_at);

-- Local changes waiting to be synced, written in the same transaction as the change.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    entity_id  TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    synced_at  INTEGER
);
CREATE INDEX outbox_pending ON outbox(seq) WHERE synced_at IS NULL;

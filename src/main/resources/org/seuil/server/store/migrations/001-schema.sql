-- Seuil server schema, version 1. The same SQL runs on SQLite and PostgreSQL; ${BLOB} is the
-- binary column type of each (BLOB, BYTEA). Times are ISO 8601 UTC text.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);

-- One row per counter. Writers take the row lock of 'changes' first, so sequence numbers are
-- committed in increasing order and a reader never skips a change that commits later.
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('changes', 0);

CREATE TABLE places (
    id TEXT PRIMARY KEY,
    lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    name TEXT,
    category TEXT,
    address TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX places_lon_lat ON places (lon, lat);

CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    place_id TEXT NOT NULL REFERENCES places(id),
    owner_id TEXT NOT NULL REFERENCES users(id),
    revision INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    body TEXT NOT NULL,
    seq BIGINT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    hidden_by TEXT,
    hidden_reason TEXT,
    hidden_at TEXT
);
CREATE INDEX reports_place ON reports (place_id);

CREATE TABLE batches (
    user_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    answer TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    bytes ${BLOB} NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);

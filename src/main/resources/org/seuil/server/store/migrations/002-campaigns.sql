-- Seuil server schema, version 2: district audit campaigns shared between an auditor and their
-- volunteers (docs/sync-protocol.md, "Campaigns"). Same SQL on SQLite and PostgreSQL.

-- Campaign writers take the row lock of 'campaigns' first: one version number per push, and
-- campaign pushes never wait on report batches (which lock 'changes').
INSERT INTO counters (name, value) VALUES ('campaigns', 0);

-- The district is WKT (lon lat, WGS 84); the checklist is the campaign's own seuil-checklist/1
-- JSON. version is the counter value of the campaign's last change.
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    district TEXT NOT NULL,
    checklist TEXT NOT NULL,
    rules TEXT NOT NULL,
    revisit_years INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX campaigns_owner ON campaigns (owner_id);

-- Members by user name (the pseudonym of a token's user), in the order they joined: an auditor
-- names volunteers before their tokens exist.
CREATE TABLE campaign_members (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, name)
);
CREATE INDEX campaign_members_name ON campaign_members (name);

-- Each venue carries its place, so volunteers whose stores lack it still get it. status_at is
-- ISO 8601 UTC text; seq is the campaign version of the venue's last change.
CREATE TABLE campaign_venues (
    campaign_id TEXT NOT NULL REFERENCES campaigns(id),
    place_id TEXT NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    name TEXT,
    category TEXT,
    address TEXT,
    status TEXT NOT NULL,
    volunteer TEXT,
    zone INTEGER,
    status_at TEXT,
    status_by TEXT,
    found_on_ground INTEGER NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, place_id)
);

-- The stored answer of every campaign push, by user and Idempotency-Key (as batches are).
CREATE TABLE campaign_pushes (
    user_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    answer TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

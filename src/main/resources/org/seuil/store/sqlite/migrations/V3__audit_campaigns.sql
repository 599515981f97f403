-- Seuil store, schema 3: district audit campaigns (docs/audits.md).

-- One row per campaign. The district is WKT in WGS 84 (lon lat); the checklist is the campaign's
-- own copy in the seuil-checklist/1 JSON format, so custom checklists travel with the campaign.
-- Times are milliseconds since 1970.
CREATE TABLE campaigns (
    id            TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    district      TEXT    NOT NULL,
    checklist     TEXT    NOT NULL,
    rules         TEXT    NOT NULL,
    revisit_years INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- The team, in the order people joined.
CREATE TABLE campaign_volunteers (
    campaign_id TEXT    NOT NULL REFERENCES campaigns(id),
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, name)
) WITHOUT ROWID;

-- The venues of each campaign: places of the store (by their stable id, as reports refer to
-- them), who visits them, in which zone, and the outcome of the visit.
CREATE TABLE campaign_venues (
    campaign_id     TEXT    NOT NULL REFERENCES campaigns(id),
    place_id        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    volunteer       TEXT,
    zone            INTEGER,
    status_at       INTEGER,
    status_by       TEXT,
    found_on_ground INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, place_id)
) WITHOUT ROWID;
CREATE INDEX campaign_venues_by_place ON campaign_venues(place_id);

-- Campaign changes waiting for campaign sync, written in the change's own transaction. Apart from
-- the outbox, whose uploader marks every non-report row synced without sending it.
CREATE TABLE campaign_outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    synced_at   INTEGER
);
CREATE INDEX campaign_outbox_pending ON campaign_outbox(seq) WHERE synced_at IS NULL;

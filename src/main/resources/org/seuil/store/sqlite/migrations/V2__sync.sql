-- Seuil store, schema 2: what syncing with servers needs.

-- Per server (its URL): the cursor of the last pulled change, stored in the same transaction as
-- the changes it covers, and when a sync last went through (milliseconds since 1970).
CREATE TABLE sync_state (
    server       TEXT    PRIMARY KEY,
    cursor       INTEGER NOT NULL,
    last_success INTEGER
);

-- Local changes the server did not take: conflicts (theirs = the server's copy) and refusals
-- (theirs null, reason given). Kept until the user decides; never dropped silently.
CREATE TABLE sync_conflicts (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id   TEXT    NOT NULL,
    mine        TEXT    NOT NULL,
    theirs      TEXT,
    reason      TEXT,
    detected_at INTEGER NOT NULL
);

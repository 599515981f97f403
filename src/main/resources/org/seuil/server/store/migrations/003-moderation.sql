-- Seuil server schema, version 2: the moderation log. Every hide and un-hide is kept, with who,
-- when and why, under the sequence number the change took in the feed. The columns hidden_by,
-- hidden_reason and hidden_at of reports keep saying whether a report is hidden now.
CREATE TABLE moderation (
    seq BIGINT PRIMARY KEY,
    report_id TEXT NOT NULL,
    action TEXT NOT NULL,
    moderator_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX moderation_report ON moderation (report_id);
-- Reports hidden before this version: their hiding is the log's first entry.
INSERT INTO moderation (seq, report_id, action, moderator_id, reason, at)
    SELECT seq, id, 'hide', hidden_by, hidden_reason, hidden_at FROM reports WHERE hidden_by IS NOT NULL;

-- The desk: the revision readers see (live_revision) can be older than the newest one (revision),
-- so that a published item's edit is saved as drafts while the published text stays live until
-- the edit is published. desk_status is the newest revision's status, for the desk's lists;
-- created_by is who saved the first revision (the item's author on the desk).
ALTER TABLE items ADD COLUMN live_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN desk_status TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
UPDATE items SET live_revision = revision, desk_status = status;
UPDATE items SET created_by = (SELECT r.saved_by FROM revisions r WHERE r.item_id = items.id AND r.number = 1);
CREATE INDEX items_on_the_desk ON items (desk_status, updated DESC);

-- Editorial notes on an item: never published, kept beside its revisions.
CREATE TABLE item_notes (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id BIGINT NOT NULL REFERENCES items (id),
  at      BIGINT NOT NULL,
  author  TEXT   NOT NULL,
  text    TEXT   NOT NULL
);
CREATE INDEX item_notes_by_item ON item_notes (item_id, id);

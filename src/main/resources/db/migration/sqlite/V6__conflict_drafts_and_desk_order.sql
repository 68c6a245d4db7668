-- What someone sent that met someone else's save to the same fields: kept, with the revision they
-- had opened and the one it met, until they choose between the two.
CREATE TABLE conflict_drafts (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id  BIGINT  NOT NULL REFERENCES items (id),
  staff_id BIGINT  NOT NULL,
  base     INTEGER NOT NULL,
  theirs   INTEGER NOT NULL,
  copy     TEXT    NOT NULL,
  at       BIGINT  NOT NULL
);
CREATE INDEX conflict_drafts_by_item ON conflict_drafts (item_id, staff_id);

-- The desk's lists read the newest revision's headline and save time from the items row, in the
-- order of an index, without opening any revision's copy.
ALTER TABLE items ADD COLUMN desk_headline TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN desk_updated BIGINT NOT NULL DEFAULT 0;
UPDATE items SET desk_headline = headline, desk_updated = updated;
DROP INDEX items_on_the_desk;
CREATE INDEX items_on_the_desk_by_time ON items (desk_status, desk_updated DESC, id DESC);

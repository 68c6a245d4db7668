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

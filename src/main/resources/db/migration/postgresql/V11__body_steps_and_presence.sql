-- Live co-editing of a body. body_steps is the authority's log: the step that made each version
-- of an item's body, who sent it and from which editor (client); its key is what lets exactly one
-- node accept a version. body_checkpoints holds the body at a version (and its hash), where the
-- log starts and where revisions are made from. editing_now is presence: who has an item open,
-- where, seen when.
CREATE TABLE IF NOT EXISTS body_steps (
  item_id    BIGINT  NOT NULL,
  version    INTEGER NOT NULL,
  step       TEXT    NOT NULL,
  client_id  TEXT    NOT NULL,
  member_id  BIGINT  NOT NULL,
  made_at    BIGINT  NOT NULL,
  PRIMARY KEY (item_id, version)
);
CREATE TABLE IF NOT EXISTS body_checkpoints (
  item_id    BIGINT  NOT NULL,
  version    INTEGER NOT NULL,
  doc        TEXT    NOT NULL,
  hash       TEXT    NOT NULL,
  made_at    BIGINT  NOT NULL,
  PRIMARY KEY (item_id, version)
);
CREATE TABLE IF NOT EXISTS editing_now (
  item_id    BIGINT  NOT NULL,
  client_id  TEXT    NOT NULL,
  member_id  BIGINT  NOT NULL,
  name       TEXT    NOT NULL,
  place      TEXT    NOT NULL,
  seen_at    BIGINT  NOT NULL,
  PRIMARY KEY (item_id, client_id)
);

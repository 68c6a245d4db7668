-- Which version of the co-editing log each revision of a co-edited body was made from: what lets
-- the history colour a body's text by who typed it between two revisions, from the steps between.
CREATE TABLE IF NOT EXISTS body_revisions (
  item_id   BIGINT  NOT NULL,
  revision  INTEGER NOT NULL,
  version   INTEGER NOT NULL,
  PRIMARY KEY (item_id, revision)
);

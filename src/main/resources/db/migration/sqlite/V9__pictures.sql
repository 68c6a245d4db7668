-- The media library: each picture's master (a JPEG of pixels only, made by the darkroom), its
-- words, its focal point and what was removed from the upload. Renditions are made from the
-- master and kept on each node's disk. public_key names the picture in public addresses; version
-- moves when the focal point does, so renditions' addresses change with their pixels.
CREATE TABLE IF NOT EXISTS pictures (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  public_key  TEXT    NOT NULL UNIQUE,
  version     INTEGER NOT NULL DEFAULT 1,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  master      BLOB    NOT NULL,
  caption     TEXT    NOT NULL DEFAULT '',
  credit      TEXT    NOT NULL DEFAULT '',
  alt         TEXT    NOT NULL DEFAULT '',
  rights      TEXT    NOT NULL DEFAULT '',
  language    TEXT    NOT NULL,
  focal_x     REAL    NOT NULL DEFAULT 0.5,
  focal_y     REAL    NOT NULL DEFAULT 0.5,
  removed     TEXT    NOT NULL DEFAULT '',
  created_by  TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL
);
CREATE INDEX IF NOT EXISTS pictures_by_time ON pictures (created_at DESC, id DESC);

-- Items as they stand now (one row each, for listing pages), every revision ever saved (immutable),
-- the subjects each item links to, the sections, and the change log other nodes follow.
CREATE TABLE items (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  uri              TEXT    NOT NULL UNIQUE,
  profile          TEXT    NOT NULL,
  language         TEXT    NOT NULL,
  section          TEXT    NOT NULL,
  slug             TEXT    NOT NULL,
  headline         TEXT    NOT NULL,
  standfirst       TEXT    NOT NULL,
  teaser           TEXT    NOT NULL,
  teaser_shortened INTEGER NOT NULL,
  byline           TEXT    NOT NULL,
  genre            TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  first_published  BIGINT,
  updated          BIGINT  NOT NULL,
  revision         INTEGER NOT NULL
);
CREATE INDEX items_by_edition ON items (language, status, first_published DESC);
CREATE INDEX items_by_section ON items (language, section, profile, status, first_published DESC);

CREATE TABLE revisions (
  item_id       BIGINT  NOT NULL REFERENCES items (id),
  number        INTEGER NOT NULL,
  saved_at      BIGINT  NOT NULL,
  saved_by      TEXT    NOT NULL,
  status        TEXT    NOT NULL,
  status_notice TEXT    NOT NULL,
  copy          TEXT    NOT NULL,
  PRIMARY KEY (item_id, number)
);

CREATE TABLE item_subjects (
  item_id  BIGINT  NOT NULL REFERENCES items (id),
  kind     TEXT    NOT NULL,
  slug     TEXT    NOT NULL,
  name     TEXT    NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (item_id, kind, slug)
);
CREATE INDEX item_subjects_by_subject ON item_subjects (kind, slug);

CREATE TABLE sections (
  language TEXT NOT NULL,
  slug     TEXT NOT NULL,
  name     TEXT NOT NULL,
  PRIMARY KEY (language, slug)
);

CREATE TABLE changes (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id  BIGINT  NOT NULL,
  revision INTEGER NOT NULL,
  at       BIGINT  NOT NULL
);

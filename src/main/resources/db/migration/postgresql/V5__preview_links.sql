-- Preview links an editor shares: by the SHA-256 of their token, for one revision of one item,
-- until they expire.
CREATE TABLE IF NOT EXISTS preview_links (
  token_hash TEXT   PRIMARY KEY,
  item_id    BIGINT NOT NULL REFERENCES items (id),
  revision   INTEGER NOT NULL,
  created_by TEXT   NOT NULL,
  expires_at BIGINT NOT NULL
);

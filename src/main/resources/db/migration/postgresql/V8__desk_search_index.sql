-- The desk's search finds words anywhere in items.desk_text: a trigram index (pg_trgm, a trusted
-- extension that the database's owner may create) answers LIKE '%words%' without reading every
-- item.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS items_desk_text_trigrams ON items USING gin (desk_text gin_trgm_ops);

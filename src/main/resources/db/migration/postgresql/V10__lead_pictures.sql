-- The live revision's lead picture, for listings: the media library's picture and the text
-- alternative the item gives it.
ALTER TABLE items ADD COLUMN IF NOT EXISTS lead_picture BIGINT;
ALTER TABLE items ADD COLUMN IF NOT EXISTS lead_alt TEXT NOT NULL DEFAULT '';

-- The live revision's lead picture, for listings: the media library's picture and the text
-- alternative the item gives it.
ALTER TABLE items ADD COLUMN lead_picture INTEGER;
ALTER TABLE items ADD COLUMN lead_alt TEXT NOT NULL DEFAULT '';

-- Listings sort by first_published, then id; with id in the index they are read in order,
-- with no sort step however large a section grows.
DROP INDEX items_by_edition;
DROP INDEX items_by_section;
CREATE INDEX items_by_edition ON items (language, status, profile, first_published DESC, id DESC);
CREATE INDEX items_by_section ON items (language, section, profile, status, first_published DESC, id DESC);

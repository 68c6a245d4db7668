-- Schema version 8 adds a trigram index for the desk's search on PostgreSQL. SQLite's desk search
-- reads items.desk_text with LIKE: an FTS5 trigram index kept by triggers made saves under load
-- wait on the write lock (bench/RESULTS.md, "The desk").
SELECT 1;

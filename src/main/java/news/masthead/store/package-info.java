/**
 * SQL over JDBC for SQLite (the embedded default) and PostgreSQL (production): the schema
 * migrations, the items with every revision, and the change log other nodes follow.
 *
 * <p>Depends on {@code content} only. No other package holds SQL. Every class here is thread-safe;
 * each call takes a pooled connection for as long as it runs.
 */
package news.masthead.store;

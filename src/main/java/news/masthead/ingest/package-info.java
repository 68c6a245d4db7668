/**
 * Bringing items in from outside: IPTC ninjs files (a JSON object, a JSON array or JSON Lines),
 * with bodies cleaned into structured blocks by jsoup (parser and safelist cleaner).
 *
 * <p>Depends on {@code content} and {@code workflow}. The reader and cleaner are stateless and
 * thread-safe; an {@link news.masthead.ingest.NinjsImport} runs one import at a time.
 */
package news.masthead.ingest;

/**
 * Feeds for readers and partners: RSS 2.0 and Atom 1.0 (written by ROME) and JSON Feed 1.1 (written
 * by Jackson), for the whole site, each edition, section, tag, person, organisation, place and
 * author. Every item carries its full text; its id is the item's uri, which a correction never
 * changes (its updated time does); every feed's address is named by {@link
 * news.masthead.web.FeedPaths}, so pages can link them in their heads. Also the sitemaps (an index
 * over files of at most 50,000 URLs, and a Google News sitemap) and {@code robots.txt}.
 *
 * <p>Depends on {@code content}, {@code workflow} and {@code web}. Thread-safe.
 */
package news.masthead.feeds;

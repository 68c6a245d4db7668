/**
 * The search index: Lucene documents for published items, an analyzer per language, the query
 * syntax readers may use, highlighting and related items. {@link news.masthead.search.SearchIndex}
 * is the way in; it knows nothing of the database: the workflow feeds it items and tells it which
 * change log position they reflect.
 *
 * <p>Depends on {@code content} and Lucene only; the one package that uses Lucene. Bad searches are
 * refused with an {@link news.masthead.search.InvalidSearch} that names the problem.
 */
package news.masthead.search;

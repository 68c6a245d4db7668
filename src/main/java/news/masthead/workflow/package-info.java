/**
 * The newsroom's rules, in transactions: {@link news.masthead.workflow.Publishing} saves revisions
 * and imports, and tells {@link news.masthead.workflow.ChangeListener}s; {@link
 * news.masthead.workflow.Edition} is the one read facade of the public site, the only way the
 * {@code site} package reaches stored items and searches; {@link
 * news.masthead.workflow.SearchIndexing} keeps the search index following the change log.
 *
 * <p>Depends on {@code content}, {@code store} and {@code search}.
 */
package news.masthead.workflow;

/**
 * The composition root: {@link news.masthead.app.Settings} (flags, then {@code MASTHEAD_*}
 * environment variables, then a config file, then defaults), {@link news.masthead.app.Routes} — the
 * one route table, which {@code Main} and the tests both use — and {@link
 * news.masthead.app.Masthead}, which wires the store, workflow and web packages into a running
 * server.
 *
 * <p>May depend on every package below {@code cli}.
 */
package news.masthead.app;

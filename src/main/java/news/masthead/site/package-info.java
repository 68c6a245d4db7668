/**
 * The public site: server-rendered pages (precompiled JTE under {@code src/main/jte/site}), no
 * JavaScript, no cookies, cacheable by any proxy or mirror.
 *
 * <p>Reads stored items only through {@link news.masthead.workflow.Edition}; never SQL, never the
 * store (an architecture test holds it to that). Depends on {@code content}, {@code workflow} and
 * {@code web}. Handlers are thin: read the request, ask the edition, render, send.
 */
package news.masthead.site;

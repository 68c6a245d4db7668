/**
 * HTTP plumbing the web packages share: security headers, ETags and conditional requests, cache
 * headers, the response cache, the specific HTTP errors ({@link news.masthead.web.HttpError}) that
 * the route table turns into pages in one place, and the addresses of feeds ({@link
 * news.masthead.web.FeedPaths}), which pages link and the feeds package serves.
 *
 * <p>Depends on Javalin and {@code content} only. Thread-safe.
 */
package news.masthead.web;

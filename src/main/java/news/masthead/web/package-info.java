/**
 * HTTP plumbing the web packages share: security headers, ETags and conditional requests, cache
 * headers, and the specific HTTP errors ({@link news.masthead.web.HttpError}) that the route table
 * turns into pages in one place.
 *
 * <p>Depends on Javalin only, and on no other package of Masthead's. Stateless and thread-safe.
 */
package news.masthead.web;

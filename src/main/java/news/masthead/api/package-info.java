/**
 * The read-only JSON content API under {@code /api/v1/} (items, sections, tags and other subjects,
 * with cursor pagination, ETags and JSON errors), every item also as IPTC ninjs 3, and the OpenAPI
 * 3.1 description of it all at {@code /api/openapi.json}.
 *
 * <p>Depends on {@code content}, {@code workflow} and {@code web}. Handlers are thin and
 * thread-safe.
 */
package news.masthead.api;

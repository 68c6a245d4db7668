/**
 * What the newsroom publishes, as values and rules: {@link news.masthead.content.Item}, its {@link
 * news.masthead.content.Copy} (headline, body, byline, sources…), {@link
 * news.masthead.content.Status}, {@link news.masthead.content.Slug} and the {@link
 * news.masthead.content.Teaser} rule of the in-brief rail.
 *
 * <p>Depends on nothing of Masthead's and does no I/O. Every type here is an immutable value and
 * safe to share between threads. Constructors validate, so a value that exists is a valid one: a
 * {@link news.masthead.content.WebAddress} can never be a {@code javascript:} URL, a {@link
 * news.masthead.content.Slug} is never empty.
 */
package news.masthead.content;

package news.masthead.content;

import java.time.Instant;

/** Where a published item lives and when it last really changed: a line of a sitemap. */
public record ItemAddress(ItemId id, Language language, Slug section, Slug slug, Instant updated) {}

package news.masthead.content;

import java.time.Instant;

/** A shared preview: one revision of one item, shown to whoever has the link until it expires. */
public record PreviewLink(ItemId item, int revision, String createdBy, Instant expiresAt) {}

package news.masthead.content;

import java.time.Instant;

/**
 * One line of the desk's lists: an item at its newest revision, enough to find and open it.
 *
 * @param deskStatus the newest revision's status
 * @param liveStatus what readers see of it (the newest status while it has never been public)
 */
public record DeskLine(
    ItemId id,
    int revision,
    Profile profile,
    Language language,
    Slug section,
    String headline,
    Status deskStatus,
    Status liveStatus,
    String createdBy,
    String savedBy,
    Instant savedAt) {}

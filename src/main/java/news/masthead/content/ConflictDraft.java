package news.masthead.content;

import java.time.Instant;

/**
 * What a member of staff sent that met another's save to the same fields, kept until they choose:
 * the copy they sent, the revision they had opened ({@code base}) and the one it met ({@code
 * theirs}).
 */
public record ConflictDraft(
    long id, ItemId item, long staffId, int base, int theirs, Copy copy, Instant at) {}

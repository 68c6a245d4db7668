package news.masthead.content;

import java.time.Instant;
import java.util.Optional;

/**
 * What a listing shows of an item (a front page, a section front, the in-brief rail): enough to
 * link to it and tease it, without its body.
 *
 * @param lead its lead picture, with the text alternative the item gives it and no caption
 */
public record ItemSummary(
    ItemId id,
    Profile profile,
    Section section,
    Slug slug,
    String headline,
    String standfirst,
    Teaser teaser,
    String byline,
    Genre genre,
    Optional<Instant> firstPublished,
    Instant updated,
    Optional<Illustration> lead) {

  public Language language() {
    return section.language();
  }
}

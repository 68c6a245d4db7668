package news.masthead.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Copy;
import news.masthead.content.Inline;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Status;

/** Items for index tests, written for them. */
final class Items {
  private Items() {}

  static Copy copy(
      Language language, Profile profile, String headline, String section, String text) {
    return new Copy(
        profile,
        language,
        headline,
        "",
        Body.of(new Block.Paragraph(List.of(Inline.Text.plain(text)))),
        "Staff",
        "",
        new Section(Slug.of(section, "section"), section, language),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static Item story(long id, String headline, String section, String text, String published) {
    return item(id, copy(Language.ENGLISH, Profile.STORY, headline, section, text), published);
  }

  static Item brief(long id, String headline, String section, String text, String published) {
    return item(id, copy(Language.ENGLISH, Profile.BRIEF, headline, section, text), published);
  }

  static Item persian(long id, String headline, String section, String text, String published) {
    return item(id, copy(Language.PERSIAN, Profile.STORY, headline, section, text), published);
  }

  static Item item(long id, Copy copy, String published) {
    Instant at = Instant.parse(published);
    return new Item(
        new ItemId(id),
        "urn:search-test:" + id,
        1,
        new Status.Published(),
        Slug.of(copy.headline(), "item"),
        Optional.of(at),
        at,
        copy);
  }

  static Item withStatus(Item item, Status status) {
    return new Item(
        item.id(),
        item.uri(),
        item.revision() + 1,
        status,
        item.slug(),
        item.firstPublished(),
        item.updated(),
        item.copy());
  }
}

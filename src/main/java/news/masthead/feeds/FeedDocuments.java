package news.masthead.feeds;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import news.masthead.content.Illustration;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import news.masthead.content.Teaser;
import news.masthead.media.Darkroom;
import news.masthead.media.Renditions;
import news.masthead.media.Shape;
import news.masthead.web.FeedFormat;
import news.masthead.web.Messages;
import news.masthead.web.PublicLinks;
import news.masthead.workflow.Views;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Views.Feed} as RSS 2.0, Atom 1.0 or JSON Feed 1.1, with absolute links on the
 * outlet's public address. Thread-safe.
 */
final class FeedDocuments {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final PublicLinks links;

  private final Function<Language, Messages> words;
  private final String siteName;

  /** {@code siteName} is the author of items that have no byline. */
  FeedDocuments(PublicLinks links, Function<Language, Messages> words, String siteName) {
    this.links = links;
    this.words = words;
    this.siteName = siteName;
  }

  /** What a feed is called and where its page and its own address are. */
  record Heading(
      String title, String description, String pagePath, String selfPath, String language) {}

  byte[] write(Views.Feed feed, Heading heading, FeedFormat format) {
    return switch (format) {
      case RSS, ATOM -> syndication(feed, heading, format);
      case JSON -> jsonFeed(feed, heading);
    };
  }

  private byte[] syndication(Views.Feed feed, Heading heading, FeedFormat format) {
    SyndFeed out = new SyndFeedImpl();
    out.setFeedType(format == FeedFormat.RSS ? "rss_2.0" : "atom_1.0");
    out.setTitle(heading.title());
    out.setDescription(heading.description());
    out.setLink(links.url(heading.pagePath()));
    out.setUri(links.url(heading.selfPath()));
    out.setLanguage(heading.language());
    out.setPublishedDate(Date.from(feed.updated()));
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(links.url(heading.selfPath()));
    self.setType(format.linkType());
    SyndLink page = new SyndLinkImpl();
    page.setRel("alternate");
    page.setHref(links.url(heading.pagePath()));
    page.setType("text/html");
    out.setLinks(List.of(page, self));
    List<SyndEntry> entries = new ArrayList<>();
    for (Item item : feed.items()) {
      entries.add(entry(item, feed));
    }
    out.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(out, true).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("ROME could not write the " + format.label() + " feed", e);
    }
  }

  private SyndEntry entry(Item item, Views.Feed feed) {
    var copy = item.copy();
    SyndEntry entry = new SyndEntryImpl();
    entry.setUri(item.uri());
    entry.setLink(links.url(item));
    entry.setTitle(copy.headline());
    SyndContent summary = new SyndContentImpl();
    summary.setType("text/plain");
    summary.setValue(summaryOf(item));
    entry.setDescription(summary);
    SyndContent content = new SyndContentImpl();
    content.setType("text/html");
    content.setValue(bodyHtml(item, feed));
    entry.setContents(List.of(content));
    feed.leadOf(item)
        .ifPresent(
            lead -> {
              Picture picture = Picture.of(lead);
              SyndEnclosure enclosure = new SyndEnclosureImpl();
              enclosure.setUrl(links.url(picture.path()));
              enclosure.setType(Darkroom.Format.JPEG.mediaType());
              enclosure.setLength(0); // not known before it is made; RSS's advice for that case
              entry.setEnclosures(List.of(enclosure));
              MediaContent media =
                  new MediaContent(new UrlReference(URI.create(links.url(picture.path()))));
              media.setType(Darkroom.Format.JPEG.mediaType());
              media.setMedium("image");
              media.setWidth(picture.width());
              media.setHeight(picture.height());
              Metadata about = new Metadata();
              if (!lead.alt().isEmpty()) {
                about.setDescription(lead.alt());
              }
              if (!lead.art().credit().isEmpty()) {
                about.setCredits(new Credit[] {new Credit(null, null, lead.art().credit())});
              }
              media.setMetadata(about);
              MediaEntryModuleImpl module = new MediaEntryModuleImpl();
              module.setMediaContents(new MediaContent[] {media});
              entry.getModules().add(module);
            });
    item.firstPublished().ifPresent(p -> entry.setPublishedDate(Date.from(p)));
    entry.setUpdatedDate(Date.from(item.updated()));
    List<SyndPerson> authors = new ArrayList<>();
    for (Subject author : copy.byline().authors()) {
      SyndPerson person = new SyndPersonImpl();
      person.setName(author.name());
      person.setUri(links.url(author, copy.language()));
      authors.add(person);
    }
    if (authors.isEmpty()) { // a desk's byline, or none: the outlet (Atom wants an author)
      SyndPerson desk = new SyndPersonImpl();
      desk.setName(copy.byline().text().isEmpty() ? siteName : copy.byline().text());
      desk.setUri(links.url(links.paths().home(copy.language())));
      authors.add(desk);
    }
    entry.setAuthors(authors);
    List<SyndCategory> categories = new ArrayList<>();
    SyndCategory section = new SyndCategoryImpl();
    section.setName(copy.section().name());
    categories.add(section);
    for (Subject tag : copy.subjects(SubjectKind.TAG)) {
      SyndCategory category = new SyndCategoryImpl();
      category.setName(tag.name());
      categories.add(category);
    }
    entry.setCategories(categories);
    return entry;
  }

  private byte[] jsonFeed(Views.Feed feed, Heading heading) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "https://jsonfeed.org/version/1.1");
    root.put("title", heading.title());
    root.put("description", heading.description());
    root.put("home_page_url", links.url(heading.pagePath()));
    root.put("feed_url", links.url(heading.selfPath()));
    if (!heading.language().isEmpty()) {
      root.put("language", heading.language());
    }
    ArrayNode items = root.putArray("items");
    for (Item item : feed.items()) {
      var copy = item.copy();
      ObjectNode entry = items.addObject();
      entry.put("id", item.uri());
      entry.put("url", links.url(item));
      entry.put("title", copy.headline());
      entry.put("content_html", bodyHtml(item, feed));
      feed.leadOf(item).ifPresent(lead -> entry.put("image", links.url(Picture.of(lead).path())));
      entry.put("summary", summaryOf(item));
      item.firstPublished().ifPresent(p -> entry.put("date_published", p.toString()));
      entry.put("date_modified", item.updated().toString());
      entry.put("language", copy.language().code());
      ArrayNode authors = entry.putArray("authors");
      for (Subject author : copy.byline().authors()) {
        authors
            .addObject()
            .put("name", author.name())
            .put("url", links.url(author, copy.language()));
      }
      if (copy.byline().authors().isEmpty()) {
        authors
            .addObject()
            .put("name", copy.byline().text().isEmpty() ? siteName : copy.byline().text())
            .put("url", links.url(links.paths().home(copy.language())));
      }
      ArrayNode tags = entry.putArray("tags");
      tags.add(copy.section().name());
      copy.subjects(SubjectKind.TAG).forEach(tag -> tags.add(tag.name()));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static String summaryOf(Item item) {
    return item.copy().standfirst().isEmpty()
        ? Teaser.of(item.copy().body()).text()
        : item.copy().standfirst();
  }

  /**
   * A feed item's picture: the 16:9 card in the width a reader's list shows best, with its size.
   */
  private record Picture(String path, int width, int height) {
    static Picture of(Illustration lead) {
      int width = Renditions.nearest(lead.art(), Shape.WIDE, 1200);
      return new Picture(
          Renditions.path(lead.art(), Shape.WIDE, width, Darkroom.Format.JPEG),
          Renditions.widthAt(lead.art(), Shape.WIDE, width),
          Renditions.heightAt(lead.art(), Shape.WIDE, width));
    }
  }

  /**
   * The body as HTML, by the same template as the item's page (escaped, no script), after its lead
   * picture; pictures' addresses are absolute.
   */
  private String bodyHtml(Item item, Views.Feed feed) {
    StringOutput out = new StringOutput();
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("lead", feed.leadOf(item));
    model.put("art", feed.art());
    model.put("words", words.apply(item.copy().language()));
    model.put("origin", links.baseUrl());
    model.putAll(
        Map.of(
            "body",
            item.copy().body(),
            "language",
            item.copy().language(),
            "corrections",
            item.copy().corrections(),
            "heading",
            words
                .apply(item.copy().language())
                .t("item.corrections", "count", item.copy().corrections().size())));
    templates.render("feeds/content.jte", model, out);
    return out.toString().strip();
  }
}

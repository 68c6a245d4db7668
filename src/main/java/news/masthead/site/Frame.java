package news.masthead.site;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.content.Subject;
import news.masthead.web.Messages;

/**
 * What every page's layout needs besides its own content: the outlet, the language and its words,
 * the section navigation, the title and description, the canonical address and the links to other
 * editions and translations. Immutable.
 */
public record Frame(
    Outlet outlet,
    Language language,
    Messages messages,
    List<Section> sections,
    String title,
    String description,
    Optional<String> canonicalPath,
    String stylesheet,
    List<Alternate> alternates,
    List<Alternate> editions,
    List<FeedLink> feeds,
    List<MetaTag> metaTags,
    String structuredData) {

  /**
   * A {@code <meta>} for link previews: OpenGraph's take {@code property}, Twitter's {@code name}.
   */
  public record MetaTag(boolean named, String key, String content) {
    public static MetaTag property(String key, String content) {
      return new MetaTag(false, key, content);
    }

    public static MetaTag name(String key, String content) {
      return new MetaTag(true, key, content);
    }
  }

  /** This frame with link-preview tags and JSON-LD added (for item pages). */
  public Frame withPreview(List<MetaTag> more, String json) {
    List<MetaTag> all = new java.util.ArrayList<>(metaTags);
    all.addAll(more);
    return new Frame(
        outlet,
        language,
        messages,
        sections,
        title,
        description,
        canonicalPath,
        stylesheet,
        alternates,
        editions,
        feeds,
        List.copyOf(all),
        json);
  }

  /** The policy pages, for the footer. */
  public List<Policy> policies() {
    return List.of(Policy.values());
  }

  /** A feed the page offers, for {@code <link rel="alternate">} in its head. */
  public record FeedLink(String title, String path, String type) {}

  /** Another language's version of this page, or another edition's front page. */
  public record Alternate(Language language, String path, String name) {}

  public String lang() {
    return language.code();
  }

  public String dir() {
    return outlet.setup(language).direction();
  }

  /** The front page of this edition. */
  public String home() {
    return outlet.paths().home(language);
  }

  /** This edition's search page. */
  public String searchPath() {
    return outlet.paths().search(language);
  }

  /** A policy page in this edition, such as {@code /fa/about/corrections}. */
  public String policyPath(Policy policy) {
    return outlet.paths().page(language, policy.path());
  }

  public String path(ItemSummary item) {
    return outlet.paths().of(item);
  }

  public String path(Item item) {
    return outlet.paths().of(item);
  }

  public String path(Section section) {
    return outlet.paths().of(section);
  }

  /** A subject's page in this edition. */
  public String path(Subject subject) {
    return outlet.paths().of(subject, language);
  }

  public String siteName() {
    return outlet.nameIn(language);
  }

  /** An absolute URL on the outlet's public address, for canonical links. */
  public String url(String path) {
    return outlet.baseUrl() + path;
  }

  /** Whether a navigation link leads to the page being shown (or the section it belongs to). */
  public boolean isCurrent(String path) {
    return canonicalPath.map(p -> p.equals(path) || p.startsWith(path + "/")).orElse(false);
  }

  /** A message of this edition's language with no values. */
  public String t(String key) {
    return messages.t(key);
  }

  /** A message with its values, given as name and value in turn. */
  public String t(String key, Object... namesAndValues) {
    return messages.t(key, namesAndValues);
  }

  /** A time for readers, in the edition's zone, calendar and digits. */
  public String date(Instant instant) {
    return messages.dateTime(instant);
  }

  /** The same time in the Gregorian calendar, for an edition that gives another. */
  public Optional<String> gregorian(Instant instant) {
    return messages.gregorian(instant);
  }

  /** The day in the calendar the edition gives beside its own, if any. */
  public Optional<String> beside(Instant instant) {
    return messages.beside(instant);
  }

  /** The name of a language in itself ("فارسی"), from that language's message file. */
  public String languageName(Language other) {
    return outlet.messages(other).t("language.name");
  }

  /** The name of another language in this edition's ("انگلیسی" on a Persian page). */
  public String languageIn(Language other) {
    return messages.nameOf(other);
  }

  /** "Read in English", in the language read in, for a link to a translation. */
  public String readIn(Language other) {
    Messages theirs = outlet.messages(other);
    return theirs.t("item.readIn", "language", theirs.t("language.name"));
  }

  /** The full title for {@code <title>}: the page's, then the outlet's. */
  public String fullTitle() {
    return title.isEmpty() ? siteName() : title + " | " + siteName();
  }
}

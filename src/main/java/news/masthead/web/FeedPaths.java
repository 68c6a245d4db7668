package news.masthead.web;

import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.content.Subject;

/**
 * Where each feed lives: {@code /feed.xml} for the whole site, {@code /en/feed.xml} and {@code
 * /fa/feed.xml} for the editions, and {@code <page>/feed.xml} for a section or subject page (so
 * {@code /iran/atom.xml}, {@code /fa/tag/آب/feed.json}).
 */
public final class FeedPaths {
  private FeedPaths() {}

  public static String everything(FeedFormat format) {
    return "/" + format.fileName();
  }

  public static String edition(Language language, FeedFormat format) {
    return "/" + language.code() + "/" + format.fileName();
  }

  public static String section(Section section, FeedFormat format) {
    return section.path() + "/" + format.fileName();
  }

  public static String subject(Subject subject, Language language, FeedFormat format) {
    return subject.path(language) + "/" + format.fileName();
  }
}

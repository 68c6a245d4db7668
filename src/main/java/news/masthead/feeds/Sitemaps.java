package news.masthead.feeds;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.masthead.content.ItemAddress;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.web.HttpError;
import news.masthead.web.PublicLinks;
import news.masthead.web.PublicResponses;
import news.masthead.web.RenderedPage;
import news.masthead.web.ResponseCache;
import news.masthead.workflow.Edition;

/**
 * {@code /robots.txt} and the sitemaps it names: {@code /sitemap.xml}, an index over {@code
 * /sitemaps/pages.xml} (front pages and sections) and {@code /sitemaps/items-N.xml} (at most 50,000
 * items each, in id order, with lastmod moving only on real edits), and {@code /sitemaps/news.xml},
 * the Google News sitemap (items first published in the last two days, at most 1,000). XML is
 * written with the JDK's StAX writer. Thread-safe.
 */
public final class Sitemaps {
  static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
  static final int NEWS_LIMIT = 1000;
  static final Duration NEWS_WINDOW = Duration.ofDays(2);
  private static final String XML = "application/xml; charset=utf-8";

  private final Edition edition;
  private final ResponseCache cache;
  private final PublicLinks links;
  private final List<Language> editions;
  private final Function<Language, String> publicationName;
  private final Clock clock;

  public Sitemaps(
      Edition edition,
      ResponseCache cache,
      PublicLinks links,
      Function<Language, String> publicationName,
      Clock clock) {
    this.edition = edition;
    this.cache = cache;
    this.links = links;
    this.editions = links.paths().editions();
    this.publicationName = publicationName;
    this.clock = clock;
  }

  /** {@code /robots.txt}: everything may be crawled; the sitemaps are named. */
  public void robots(Context ctx) {
    String robots =
        "User-agent: *\nAllow: /\n\nSitemap: "
            + links.url("/sitemap.xml")
            + "\nSitemap: "
            + links.url("/sitemaps/news.xml")
            + "\n";
    PublicResponses.send(
        ctx, RenderedPage.text("text/plain; charset=utf-8", robots), "public, max-age=3600");
  }

  /** {@code /sitemap.xml}: the index of every sitemap file. */
  public void index(Context ctx) {
    send(
        ctx,
        "sitemap:index",
        () ->
            xml(
                w -> {
                  w.writeStartElement("sitemapindex");
                  w.writeDefaultNamespace(SITEMAP_NS);
                  entry(w, "sitemap", links.url("/sitemaps/pages.xml"), null);
                  for (int page = 1; page <= edition.sitemapPages(); page++) {
                    List<ItemAddress> items = edition.sitemap(page);
                    Instant newest =
                        items.stream()
                            .map(ItemAddress::updated)
                            .max(Instant::compareTo)
                            .orElse(null);
                    entry(w, "sitemap", links.url("/sitemaps/items-" + page + ".xml"), newest);
                  }
                  w.writeEndElement();
                }));
  }

  /** {@code /sitemaps/pages.xml}: front pages and section fronts. */
  public void pages(Context ctx) {
    send(
        ctx,
        "sitemap:pages",
        () ->
            xml(
                w -> {
                  w.writeStartElement("urlset");
                  w.writeDefaultNamespace(SITEMAP_NS);
                  for (Language language : editions) {
                    List<Section> sections = edition.sections(language);
                    if (sections.isEmpty()) {
                      continue;
                    }
                    entry(w, "url", links.home(language), null);
                    for (Section section : sections) {
                      entry(w, "url", links.url(section), null);
                    }
                  }
                  w.writeEndElement();
                }));
  }

  /** {@code /sitemaps/items-N.xml}: one file of item addresses. */
  public void items(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.matches("items-[1-9][0-9]{0,5}\\.xml")) {
      throw new HttpError.NotFound("no such sitemap");
    }
    int page = Integer.parseInt(file.substring(6, file.length() - 4));
    if (page > edition.sitemapPages()) {
      throw new HttpError.NotFound("there is no sitemap page " + page);
    }
    send(
        ctx,
        "sitemap:items:" + page,
        () ->
            xml(
                w -> {
                  w.writeStartElement("urlset");
                  w.writeDefaultNamespace(SITEMAP_NS);
                  for (ItemAddress item : edition.sitemap(page)) {
                    entry(w, "url", links.url(item), item.updated());
                  }
                  w.writeEndElement();
                }));
  }

  /** {@code /sitemaps/news.xml}: the Google News sitemap. */
  public void news(Context ctx) {
    // Keyed by the hour as well as the version, so items age out of the window.
    Instant now = clock.instant();
    send(
        ctx,
        "sitemap:news:" + now.truncatedTo(ChronoUnit.HOURS),
        () ->
            xml(
                w -> {
                  w.writeStartElement("urlset");
                  w.writeDefaultNamespace(SITEMAP_NS);
                  w.writeNamespace("news", NEWS_NS);
                  List<ItemSummary> recent =
                      edition.publishedSince(now.minus(NEWS_WINDOW), NEWS_LIMIT);
                  if (recent.isEmpty()) {
                    // The schema wants at least one url: the front page, which is no news item.
                    w.writeStartElement("url");
                    element(w, "loc", links.url(links.paths().home(editions.getFirst())));
                    w.writeEndElement();
                  }
                  for (ItemSummary item : recent) {
                    w.writeStartElement("url");
                    element(w, "loc", links.url(item));
                    w.writeStartElement(NEWS_NS, "news");
                    w.writeStartElement(NEWS_NS, "publication");
                    w.writeStartElement(NEWS_NS, "name");
                    w.writeCharacters(publicationName.apply(item.language()));
                    w.writeEndElement();
                    w.writeStartElement(NEWS_NS, "language");
                    w.writeCharacters(item.language().code());
                    w.writeEndElement();
                    w.writeEndElement();
                    w.writeStartElement(NEWS_NS, "publication_date");
                    w.writeCharacters(item.firstPublished().orElse(item.updated()).toString());
                    w.writeEndElement();
                    w.writeStartElement(NEWS_NS, "title");
                    w.writeCharacters(item.headline());
                    w.writeEndElement();
                    w.writeEndElement();
                    w.writeEndElement();
                  }
                  w.writeEndElement();
                }));
  }

  private void send(Context ctx, String key, java.util.function.Supplier<byte[]> write) {
    RenderedPage page =
        cache.get(key, edition.version(), () -> RenderedPage.of(200, XML, write.get()));
    PublicResponses.send(ctx, page, PublicResponses.PAGE_CACHING);
  }

  @FunctionalInterface
  private interface XmlBody {
    void write(XMLStreamWriter writer) throws XMLStreamException;
  }

  private static byte[] xml(XmlBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      w.writeStartDocument("UTF-8", "1.0");
      w.setDefaultNamespace(SITEMAP_NS);
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the JDK's XML writer failed", e);
    }
    return out.toByteArray();
  }

  private static void entry(XMLStreamWriter w, String name, String loc, Instant lastmod)
      throws XMLStreamException {
    w.writeStartElement(name);
    element(w, "loc", loc);
    if (lastmod != null) {
      element(w, "lastmod", lastmod.truncatedTo(ChronoUnit.SECONDS).toString());
    }
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}

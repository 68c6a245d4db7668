package news.masthead.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import news.masthead.content.EditionPaths;
import news.masthead.content.Language;

/**
 * The pages made outside the site's templates, before any edition is known (the server is busy, a
 * request is malformed): the messages {@code <key>.title} and {@code <key>.text} in each of an
 * outlet's languages, each with its direction and a link to its edition's front page. Immutable.
 */
public record PlainPages(List<Messages> languages, EditionPaths paths) {
  /** The pages in the languages the jar ships (English and Persian), at their usual paths. */
  public static final PlainPages SHIPPED =
      new PlainPages(
          Messages.shippedLanguages().stream()
              .map(l -> Messages.shipped(l, ZoneOffset.UTC))
              .toList(),
          EditionPaths.standard(Messages.shippedLanguages()));

  public PlainPages {
    languages = List.copyOf(languages);
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("plain pages need at least one language");
    }
  }

  /** A 503 asking the reader to try again in a few seconds. */
  public RenderedPage busy() {
    return RenderedPage.html(503, page("error.busy"));
  }

  /** The page for a request refused before any route saw it, by its status. */
  byte[] malformed(int status) {
    return page(
        switch (status) {
          case 414 -> "error.tooLong";
          case 503 -> "error.restarting";
          case 431 -> "error.headers";
          default -> "error.badRequest";
        });
  }

  private byte[] page(String key) {
    Messages first = languages.getFirst();
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html>\n<html lang=\"")
        .append(first.language().code())
        .append("\" dir=\"")
        .append(first.language().direction())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(first.t(key + ".title")))
        .append("</title></head>\n<body><main>");
    for (Messages words : languages) {
      Language language = words.language();
      html.append("<section lang=\"")
          .append(language.code())
          .append("\" dir=\"")
          .append(language.direction())
          .append("\"><h1>")
          .append(escape(words.t(key + ".title")))
          .append("</h1><p>")
          .append(escape(words.t(key + ".text")))
          .append("</p><p><a href=\"")
          .append(paths.home(language))
          .append("\">")
          .append(escape(words.t("error.backHome")))
          .append("</a></p></section>\n");
    }
    html.append("</main></body></html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

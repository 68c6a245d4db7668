package news.masthead.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;
import news.masthead.web.RenderedPage;

/**
 * Renders the site's precompiled JTE templates to bytes. Every value is escaped by JTE for the
 * context it lands in. Thread-safe.
 */
final class Pages {
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  RenderedPage render(int status, String template, Map<String, Object> model) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    templates.render(template, model, out);
    return RenderedPage.html(status, out.toByteArray());
  }
}

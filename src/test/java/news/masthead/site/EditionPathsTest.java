package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where each edition lives is a setting: here an outlet that puts Persian at the root and English
 * under {@code /english}, and one with no edition at the root at all. Every surface that gives an
 * address (pages, feeds, sitemaps, the API, the error pages) follows the setting.
 */
class EditionPathsTest {
  @TempDir static Path persianFirstData;
  @TempDir static Path noRootData;
  static RunningSite persianFirst;
  static RunningSite noRoot;

  @BeforeAll
  static void start() {
    persianFirst =
        RunningSite.withDemo(
            persianFirstData, Map.of("editions", "fa,en", "edition.en.path", "/english"));
    noRoot = RunningSite.withDemo(noRootData, Map.of("edition.en.path", "/en"));
  }

  @AfterAll
  static void stop() {
    persianFirst.close();
    noRoot.close();
  }

  @Test
  void the_persian_edition_can_be_at_the_root_and_english_under_a_prefix_of_its_choosing() {
    HttpResponse<String> root = persianFirst.get("/");
    HttpResponse<String> english = persianFirst.get("/english/");

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).contains("<html lang=\"fa\" dir=\"rtl\">");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body())
        .contains("<html lang=\"en\" dir=\"ltr\">")
        .contains("<link rel=\"canonical\" href=\"http://localhost:8080/english/\">")
        .contains("href=\"/english/search\"")
        .as("the link to the other edition")
        .contains("href=\"/\" lang=\"fa\"");
    List<String> englishLinks = itemLinks(english.body());
    assertThat(englishLinks).isNotEmpty().allMatch(link -> link.startsWith("/english/"));
    assertThat(itemLinks(root.body())).isNotEmpty().noneMatch(link -> link.startsWith("/fa/"));
    assertThat(persianFirst.get(englishLinks.getFirst()).statusCode()).isEqualTo(200);
    assertThat(persianFirst.get("/fa/").statusCode())
        .as("Persian is no longer under /fa")
        .isEqualTo(404);
  }

  @Test
  void feeds_sitemaps_search_and_the_api_give_the_addresses_the_setting_makes() {
    String feed = persianFirst.get("/english/feed.xml").body();
    assertThat(feed).contains("<link>http://localhost:8080/english/").doesNotContain("8080/en/");
    assertThat(persianFirst.get("/fa/feed.xml").statusCode())
        .as("the root edition's feed is under its code, since /feed.xml is every edition's")
        .isEqualTo(200);
    assertThat(persianFirst.get("/sitemaps/pages.xml").body())
        .contains("<loc>http://localhost:8080/</loc>")
        .contains("<loc>http://localhost:8080/english/</loc>");
    assertThat(persianFirst.get("/api/v1/items?language=en").body())
        .contains("\"url\":\"http://localhost:8080/english/");
    HttpResponse<String> search = persianFirst.get("/english/search?q=water");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(itemLinks(search.body())).isNotEmpty().allMatch(l -> l.startsWith("/english/"));
    assertThat(persianFirst.get("/english/nothing-here").body())
        .as("a missing page under the English prefix is the English 404")
        .contains("<html lang=\"en\" dir=\"ltr\">");
  }

  @Test
  void with_no_edition_at_the_root_the_sites_address_leads_to_the_first_edition() {
    HttpResponse<String> root = noRoot.get("/");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/en/"));
    assertThat(noRoot.get("/en/").body()).contains("<html lang=\"en\" dir=\"ltr\">");
    assertThat(noRoot.get("/fa/").body()).contains("<html lang=\"fa\" dir=\"rtl\">");
  }

  /** The item pages a page links to: addresses of the form {@code …/<section>/<id>/<slug>}. */
  private static List<String> itemLinks(String html) {
    List<String> links = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"(/[^\"]*/[0-9]+/[^\"/]+)\"").matcher(html);
    while (m.find()) {
      links.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
    }
    return links;
  }
}

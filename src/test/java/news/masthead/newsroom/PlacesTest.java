package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import news.masthead.content.Language;
import org.junit.jupiter.api.Test;

class PlacesTest {
  @Test
  void an_address_is_named_by_its_country_in_the_readers_language() throws URISyntaxException {
    Path database =
        Path.of(PlacesTest.class.getResource("/geoip/GeoLite2-Country-Test.mmdb").toURI());
    try (Places places = new Places(Optional.of(database))) {
      assertThat(places.of("81.2.69.142", Language.ENGLISH)).contains("United Kingdom");
      assertThat(places.of("81.2.69.142", Language.PERSIAN)).contains("بریتانیا");
      assertThat(places.of("67.43.156.1", Language.ENGLISH)).contains("Bhutan");
      assertThat(places.of("10.0.0.1", Language.ENGLISH))
          .as("an address it does not know")
          .isEmpty();
      assertThat(places.of("not-an-address", Language.ENGLISH)).isEmpty();
    }
  }

  @Test
  void with_no_database_nothing_is_said_of_any_address() {
    try (Places places = new Places(Optional.empty())) {
      assertThat(places.of("81.2.69.142", Language.ENGLISH)).isEmpty();
    }
  }
}

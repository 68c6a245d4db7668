package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import news.masthead.content.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void defaults_are_port_8080_data_in_dot_data_and_sqlite() {
    Settings settings = Settings.resolve(Map.of(), Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("data"));
    assertThat(settings.databaseUrl()).isEmpty();
    assertThat(settings.pageCache()).isTrue();
    assertThat(settings.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(settings.pageCacheBytes()).isEqualTo(32L * 1024 * 1024);
  }

  @Test
  void standalone_settings_read_no_environment_and_no_config_file(@TempDir Path dir)
      throws java.io.IOException {
    Path config = dir.resolve("masthead.properties");
    java.nio.file.Files.writeString(config, "db.url=jdbc:postgresql://db/production\n");

    assertThat(
            Settings.resolve(Map.of(), Map.of("MASTHEAD_CONFIG", config.toString())).databaseUrl())
        .contains("jdbc:postgresql://db/production");
    assertThat(Settings.standalone(Map.of("data", dir.toString())).databaseUrl()).isEmpty();
    assertThat(Settings.standalone(Map.of()).host()).isEqualTo("0.0.0.0");
  }

  @Test
  void the_page_cache_size_is_set_in_megabytes() {
    Settings settings = Settings.resolve(Map.of(), Map.of("MASTHEAD_PAGE_CACHE_MB", "8"));

    assertThat(settings.pageCacheBytes()).isEqualTo(8L * 1024 * 1024);
  }

  @Test
  void environment_variables_override_defaults_and_flags_override_both() {
    Map<String, String> env =
        Map.of(
            "MASTHEAD_PORT",
            "9000",
            "MASTHEAD_DATA",
            "/srv/news",
            "MASTHEAD_DB_URL",
            "jdbc:postgresql://db/news");

    assertThat(Settings.resolve(Map.of(), env).port()).isEqualTo(9000);
    assertThat(Settings.resolve(Map.of(), env).databaseUrl()).contains("jdbc:postgresql://db/news");
    assertThat(Settings.resolve(Map.of("port", "9100"), env).port()).isEqualTo(9100);
    assertThat(Settings.resolve(Map.of("data", "/tmp/x"), env).dataDirectory())
        .isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void bad_values_are_refused_with_the_setting_and_what_is_accepted() {
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_PORT", "eighty")))
        .hasMessage("MASTHEAD_PORT must be a number from 0 to 65535, not \"eighty\"");
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MASTHEAD_TIME_ZONE", "Mars/Olympus")))
        .hasMessageContaining("MASTHEAD_TIME_ZONE must be a zone such as UTC or Asia/Tehran");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_PAGE_CACHE", "maybe")))
        .hasMessageContaining("on or off");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_PAGE_CACHE_MB", "0")))
        .hasMessage("MASTHEAD_PAGE_CACHE_MB must be a number from 1 to 4096, not \"0\"");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_CONFIG", "/no/such/file")))
        .hasMessageContaining("not a file");
  }

  @Test
  void the_editions_are_english_at_the_root_and_persian_in_the_solar_hijri_calendar_by_default() {
    Settings settings = Settings.resolve(Map.of(), Map.of());

    assertThat(settings.editions())
        .extracting(e -> e.language().code(), Settings.EditionSettings::calendar)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("en", "gregorian"),
            org.assertj.core.groups.Tuple.tuple("fa", "persian"));
    assertThat(settings.editions().get(1).direction()).isEqualTo("rtl");
    assertThat(settings.messagesDirectory()).isEqualTo(Path.of("data", "messages"));
  }

  @Test
  void an_edition_is_described_by_environment_variables_named_after_its_language() {
    Settings settings =
        Settings.resolve(
            Map.of(),
            Map.of(
                "MASTHEAD_EDITIONS", "en,fa,ckb",
                "MASTHEAD_EDITION_CKB_NAME", "ماستهێد",
                "MASTHEAD_EDITION_CKB_TIME_ZONE", "Asia/Baghdad",
                "MASTHEAD_EDITION_EN_CALENDAR_BESIDE", "persian"));

    Settings.EditionSettings kurdish = settings.editions().get(2);
    assertThat(kurdish.name()).isEqualTo("ماستهێد");
    assertThat(kurdish.direction()).isEqualTo("rtl");
    assertThat(kurdish.timeZone()).isEqualTo(ZoneId.of("Asia/Baghdad"));
    assertThat(settings.editions().getFirst().besideCalendar()).contains("persian");
  }

  @Test
  void an_outlet_keeps_no_field_in_its_pictures_unless_it_names_credit_or_rights() {
    assertThat(Settings.resolve(Map.of(), Map.of()).keptInPictures()).isEmpty();
    assertThat(
            Settings.resolve(Map.of(), Map.of("MASTHEAD_PICTURES_KEEP", "credit, rights"))
                .keptInPictures())
        .containsExactlyInAnyOrder(
            news.masthead.media.Imprint.Kept.CREDIT, news.masthead.media.Imprint.Kept.RIGHTS);
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MASTHEAD_PICTURES_KEEP", "credit,gps")))
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("MASTHEAD_PICTURES_KEEP")
        .hasMessageContaining("\"gps\"");
  }

  @Test
  void a_bad_edition_setting_is_refused_naming_it_and_what_it_accepts() {
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITIONS", "en,Farsi")))
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("MASTHEAD_EDITIONS")
        .hasMessageContaining("Farsi");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITIONS", "en,fa,fa")))
        .hasMessageContaining("names fa twice");
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITION_FA_CALENDAR", "jalali")))
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("MASTHEAD_EDITION_FA_CALENDAR")
        .hasMessageContaining("persian")
        .hasMessageContaining("\"jalali\"");
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITION_FA_DIRECTION", "down")))
        .hasMessageContaining("MASTHEAD_EDITION_FA_DIRECTION must be ltr or rtl");
  }

  @Test
  void the_first_edition_is_at_the_root_and_the_others_under_their_code_unless_a_path_is_set() {
    assertThat(Settings.resolve(Map.of(), Map.of()).editionPaths().home(Language.PERSIAN))
        .isEqualTo("/fa/");

    Settings persianFirst =
        Settings.resolve(
            Map.of(),
            Map.of(
                "MASTHEAD_EDITIONS", "fa,en",
                "MASTHEAD_EDITION_EN_PATH", "/english/"));

    assertThat(persianFirst.editionPaths().atRoot()).contains(Language.PERSIAN);
    assertThat(persianFirst.editionPaths().home(Language.ENGLISH)).isEqualTo("/english/");
    assertThat(
            Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITION_EN_PATH", "/en"))
                .editionPaths()
                .atRoot())
        .as("no edition need be at the root")
        .isEmpty();
  }

  @Test
  void an_edition_path_that_is_malformed_taken_or_the_sites_own_is_refused() {
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITION_FA_PATH", "/fa/news")))
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("MASTHEAD_EDITION_FA_PATH")
        .hasMessageContaining("one lower-case segment")
        .hasMessageContaining("\"/fa/news\"");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITION_FA_PATH", "/")))
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("the en and fa editions are both at /");
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MASTHEAD_EDITION_FA_PATH", "/newsroom")))
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("MASTHEAD_EDITION_FA_PATH cannot be /newsroom");
  }
}

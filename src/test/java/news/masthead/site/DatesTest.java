package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import news.masthead.content.Language;
import org.junit.jupiter.api.Test;

class DatesTest {
  final Dates dates = new Dates(ZoneId.of("Asia/Tehran"));

  @Test
  void english_times_are_gregorian_and_persian_times_are_in_the_persian_calendar_with_its_digits() {
    Instant moment = Instant.parse("2026-11-24T06:00:00Z"); // 09:30 in Tehran

    assertThat(dates.format(moment, Language.ENGLISH))
        .isEqualTo("24 November 2026, 09:30 GMT+03:30");
    assertThat(dates.format(moment, Language.PERSIAN)).isEqualTo("۳ آذر ۱۴۰۵، ۰۹:۳۰");
  }

  @Test
  void many_renders_formatting_persian_times_at_once_each_get_their_own_right() throws Exception {
    List<Instant> moments =
        IntStream.range(0, 400)
            .mapToObj(i -> Instant.parse("2026-03-20T00:00:00Z").plusSeconds(i * 86_400L))
            .toList();
    List<String> alone = moments.stream().map(m -> dates.format(m, Language.PERSIAN)).toList();

    try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> together =
          moments.stream()
              .map(m -> readers.submit(() -> dates.format(m, Language.PERSIAN)))
              .toList();
      for (int i = 0; i < moments.size(); i++) {
        assertThat(together.get(i).get()).as(moments.get(i).toString()).isEqualTo(alone.get(i));
      }
    }
  }
}

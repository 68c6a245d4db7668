package news.masthead.site;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import news.masthead.content.Language;

/**
 * Formats times for readers: English in the Gregorian calendar ("24 November 2026, 09:30 UTC"),
 * Persian in the Persian calendar with Persian digits, both in the outlet's time zone. Thread-safe
 * (one formatter per thread, as ICU's are not).
 */
final class Dates {
  private final DateTimeFormatter english;
  private final ThreadLocal<DateFormat> persian;

  Dates(java.time.ZoneId zone) {
    TimeZone tz = TimeZone.getTimeZone(zone.getId());
    english = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
    persian =
        ThreadLocal.withInitial(
            () -> {
              DateFormat f =
                  new SimpleDateFormat("d MMMM y، HH:mm", new ULocale("fa_IR@calendar=persian"));
              f.setTimeZone(tz);
              return f;
            });
  }

  String format(Instant instant, Language language) {
    if (language.equals(Language.PERSIAN)) {
      return persian.get().format(Date.from(instant));
    }
    return english.format(instant);
  }
}

package news.masthead.site;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.Date;
import news.masthead.content.Language;

/**
 * Formats times for readers: English in the Gregorian calendar ("24 November 2026, 09:30 UTC"),
 * Persian in the Persian calendar with Persian digits, both in the outlet's time zone. Thread-safe
 * (one formatter per thread, as ICU's are not).
 */
final class Dates {
  private final ThreadLocal<DateFormat> english;
  private final ThreadLocal<DateFormat> persian;

  Dates(java.time.ZoneId zone) {
    TimeZone tz = TimeZone.getTimeZone(zone.getId());
    english =
        ThreadLocal.withInitial(
            () -> {
              DateFormat f = new SimpleDateFormat("d MMMM yyyy, HH:mm zzz", ULocale.ENGLISH);
              f.setTimeZone(tz);
              return f;
            });
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
    DateFormat f = language.equals(Language.PERSIAN) ? persian.get() : english.get();
    return f.format(Date.from(instant));
  }
}

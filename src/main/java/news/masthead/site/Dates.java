package news.masthead.site;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import news.masthead.content.Language;

/**
 * Formats times for readers: English in the Gregorian calendar ("24 November 2026, 09:30 UTC"),
 * Persian in the Persian calendar with Persian digits, both in the outlet's time zone. Thread-safe.
 */
final class Dates {
  private final DateTimeFormatter english;
  private final TimeZone zone;

  /**
   * Persian formatters not in use. ICU's are not thread-safe, so each is lent to one render at a
   * time and given back; one is made only when all are out. (Not one a thread: every request runs
   * on a new virtual thread, so a thread's own would be made again for each Persian page.)
   */
  private final ConcurrentLinkedQueue<DateFormat> idlePersian = new ConcurrentLinkedQueue<>();

  Dates(java.time.ZoneId zone) {
    this.zone = TimeZone.getTimeZone(zone.getId());
    english = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH).withZone(zone);
  }

  String format(Instant instant, Language language) {
    if (!language.equals(Language.PERSIAN)) {
      return english.format(instant);
    }
    DateFormat persian = idlePersian.poll();
    if (persian == null) {
      persian = new SimpleDateFormat("d MMMM y، HH:mm", new ULocale("fa_IR@calendar=persian"));
      persian.setTimeZone(zone);
    }
    try {
      return persian.format(Date.from(instant));
    } finally {
      idlePersian.offer(persian);
    }
  }
}

package news.masthead.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import news.masthead.content.Language;

/**
 * Every word of the interface in one edition's language, and its way of writing numbers and dates:
 * ICU MessageFormat patterns from the message file of the language ({@code messages/<code>
 * .properties} in the jar, then the outlet's own file of that name, whose keys win), formatted in
 * the language's digits and the edition's calendar and time zone.
 *
 * <p>A key the outlet's file lacks falls back to English; a key no file defines is a programming
 * error ({@link MissingMessage}). Made once at start; thread-safe.
 */
public final class Messages {
  /** The message file of a language cannot be used; the message names the file, key and fix. */
  public static final class InvalidMessages extends RuntimeException {
    public InvalidMessages(String message) {
      super(message);
    }
  }

  /** A message was asked for that no file defines. */
  public static final class MissingMessage extends RuntimeException {
    MissingMessage(String key, Language language) {
      super("no message file defines \"" + key + "\" (asked for in " + language + ")");
    }
  }

  private final Language language;
  private final ULocale locale;
  private final ZoneId zone;
  private final String calendar;
  private final Optional<String> besideCalendar;
  private final Map<String, String> patterns;
  private final Map<String, MessageFormat> formats = new HashMap<>();
  private final Map<String, String> constant = new HashMap<>();
  private final List<String> fallenBack;
  private final Map<String, ConcurrentLinkedQueue<DateFormat>> idleDates =
      new ConcurrentHashMap<>();

  private Messages(
      Language language,
      String calendar,
      Optional<String> besideCalendar,
      ZoneId zone,
      Map<String, String> patterns,
      List<String> fallenBack,
      String source) {
    this.language = language;
    this.calendar = calendar;
    this.besideCalendar = besideCalendar;
    this.zone = zone;
    this.locale = localeOf(language, calendar);
    this.patterns = Map.copyOf(patterns);
    this.fallenBack = List.copyOf(fallenBack);
    for (var entry : this.patterns.entrySet()) {
      if (entry.getKey().startsWith("format.")) {
        continue; // date patterns, not messages
      }
      MessageFormat format;
      try {
        format = new MessageFormat(entry.getValue(), locale);
      } catch (IllegalArgumentException e) {
        throw new InvalidMessages(
            source
                + ": the message \""
                + entry.getKey()
                + "\" is not an ICU MessageFormat pattern ("
                + e.getMessage()
                + "); write {name} for a value and '{' for a brace");
      }
      formats.put(entry.getKey(), format);
      if (format.getArgumentNames().isEmpty()) {
        constant.put(entry.getKey(), format.format(Map.of()));
      }
    }
    for (String key : List.of("format.date", "format.dateTime", "format.dateBeside")) {
      try {
        new SimpleDateFormat(this.patterns.getOrDefault(key, ""), locale);
      } catch (IllegalArgumentException e) {
        throw new InvalidMessages(
            source + ": \"" + key + "\" is not a date pattern such as d MMMM y: " + e.getMessage());
      }
    }
  }

  /** The keys of the English file shipped in the jar: every message the interface uses. */
  public static Set<String> shippedKeys() {
    return new TreeSet<>(shipped(Language.ENGLISH).orElseThrow().keySet());
  }

  /** The languages the jar ships a message file for. */
  public static List<Language> shippedLanguages() {
    return List.of(Language.ENGLISH, Language.PERSIAN);
  }

  /**
   * The words of an edition.
   *
   * @param calendar an ICU calendar type ({@code gregorian}, {@code persian}, {@code
   *     islamic-umalqura})
   * @param besideCalendar a second calendar to give dates in beside the first, if any
   * @param own the outlet's directory of message files, if it has one
   * @param settings messages the outlet's settings give (such as the in-brief rail's title), which
   *     win over every file
   * @throws InvalidMessages when the language has no file, or a file has a key no message has or a
   *     pattern that does not parse
   */
  public static Messages load(
      Language language,
      String calendar,
      Optional<String> besideCalendar,
      ZoneId zone,
      Optional<Path> own,
      Map<String, String> settings) {
    Map<String, String> english = shipped(Language.ENGLISH).orElseThrow();
    Map<String, String> patterns = new LinkedHashMap<>();
    String source = "the message file for " + language;
    Optional<Map<String, String>> inJar = shipped(language);
    inJar.ifPresent(patterns::putAll);
    Optional<Path> ownFile =
        own.map(dir -> dir.resolve(language.code() + ".properties")).filter(Files::isRegularFile);
    if (ownFile.isPresent()) {
      source = ownFile.get().toString();
      Map<String, String> ownPatterns = read(ownFile.get());
      for (String key : ownPatterns.keySet()) {
        if (!english.containsKey(key)) {
          throw new InvalidMessages(
              source
                  + " defines \""
                  + key
                  + "\", which is not a message of Masthead; the keys are those of"
                  + " messages/en.properties in the jar");
        }
      }
      patterns.putAll(ownPatterns);
    }
    if (inJar.isEmpty() && ownFile.isEmpty()) {
      throw new InvalidMessages(
          "the edition "
              + language
              + " has no message file: write its interface words to "
              + own.map(d -> d.resolve(language.code() + ".properties").toString())
                  .orElse("<messages directory>/" + language.code() + ".properties")
              + ", with the keys of messages/en.properties");
    }
    patterns.putAll(settings);
    List<String> fallenBack = new ArrayList<>();
    for (var entry : english.entrySet()) {
      if (!patterns.containsKey(entry.getKey())) {
        patterns.put(entry.getKey(), entry.getValue());
        fallenBack.add(entry.getKey());
      }
    }
    return new Messages(language, calendar, besideCalendar, zone, patterns, fallenBack, source);
  }

  /** The words of an edition with the jar's files alone, in the calendar its language uses. */
  public static Messages shipped(Language language, ZoneId zone) {
    return load(
        language,
        language.equals(Language.PERSIAN) ? "persian" : "gregorian",
        Optional.empty(),
        zone,
        Optional.empty(),
        Map.of());
  }

  private static Optional<Map<String, String>> shipped(Language language) {
    try (InputStream in =
        Messages.class.getResourceAsStream("/messages/" + language.code() + ".properties")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(read(new InputStreamReader(in, StandardCharsets.UTF_8), "the jar"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new InvalidMessages("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> read(Reader in, String source) throws IOException {
    Properties properties = new Properties();
    try {
      properties.load(in);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessages("cannot read " + source + ": " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    properties.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }

  private static ULocale localeOf(Language language, String calendar) {
    return new ULocale(language.code() + "@calendar=" + calendar);
  }

  public Language language() {
    return language;
  }

  /** The locale of the language with the edition's calendar, for ICU's formats. */
  public ULocale locale() {
    return locale;
  }

  public ZoneId zone() {
    return zone;
  }

  public String calendar() {
    return calendar;
  }

  /** The keys the outlet's file lacked, given in English instead; empty for complete files. */
  public List<String> fallenBack() {
    return fallenBack;
  }

  /** Every key this edition knows. */
  public Set<String> keys() {
    return new TreeSet<>(patterns.keySet());
  }

  /** A message with no values. */
  public String t(String key) {
    String text = constant.get(key);
    if (text != null) {
      return text;
    }
    return t(key, new Object[0]);
  }

  /**
   * A message with its values, given as name and value in turn: {@code t("rail.sectionInBrief",
   * "section", "Iran")}. Numbers are written in the language's digits.
   */
  public String t(String key, Object... namesAndValues) {
    MessageFormat format = formats.get(key);
    if (format == null) {
      throw new MissingMessage(key, language);
    }
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      values.put(String.valueOf(namesAndValues[i]), value);
    }
    MessageFormat own = (MessageFormat) format.clone(); // ICU's formats are not thread-safe
    return own.format(values);
  }

  /**
   * The name of another language in this one, as CLDR gives it: "انگلیسی" for English in Persian.
   */
  public String nameOf(Language other) {
    return new ULocale(other.code()).getDisplayLanguage(new ULocale(language.code()));
  }

  /** A whole number in the language's digits, with its grouping: "1,204", "۱٬۲۰۴". */
  public String number(long number) {
    return NumberFormat.getIntegerInstance(locale).format(number);
  }

  /** A time for readers: the date and the time of day in the edition's calendar and zone. */
  public String dateTime(Instant instant) {
    return formatDate("format.dateTime", locale, instant);
  }

  /** A day for readers, in the edition's calendar and zone. */
  public String date(Instant instant) {
    return formatDate("format.date", locale, instant);
  }

  /**
   * The same time in the Gregorian calendar, in this language, for the title of a date on pages
   * whose calendar is another; empty when the edition's calendar is already Gregorian.
   */
  public Optional<String> gregorian(Instant instant) {
    if (calendar.equals("gregorian")) {
      return Optional.empty();
    }
    return Optional.of(formatDate("format.dateTime", localeOf(language, "gregorian"), instant));
  }

  /** The day in the calendar the edition gives beside its own, if it gives one. */
  public Optional<String> beside(Instant instant) {
    return besideCalendar.map(c -> formatDate("format.dateBeside", localeOf(language, c), instant));
  }

  /** A day in a calendar ({@code gregorian}, {@code persian}), in this language. */
  public String day(LocalDate day, String calendar) {
    return formatDate(
        "format.date",
        localeOf(language, calendar),
        day.atStartOfDay(zone).plusHours(12).toInstant());
  }

  /**
   * How a reader writes a day in the edition's calendar, for the search form: {@code 2026-11-24},
   * or {@code ۱۴۰۵/۰۹/۰۳} in Persian.
   */
  public String dateExample() {
    SimpleDateFormat format =
        new SimpleDateFormat(calendar.equals("gregorian") ? "y-MM-dd" : "y/MM/dd", locale);
    format.setTimeZone(TimeZone.GMT_ZONE);
    return format.format(Date.from(Instant.parse("2026-11-24T12:00:00Z")));
  }

  private String formatDate(String key, ULocale in, Instant instant) {
    String poolKey = key + "|" + in;
    ConcurrentLinkedQueue<DateFormat> idle =
        idleDates.computeIfAbsent(poolKey, k -> new ConcurrentLinkedQueue<>());
    DateFormat format = idle.poll();
    if (format == null) {
      format = new SimpleDateFormat(patterns.get(key), in);
      format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
    }
    try {
      return format.format(Date.from(instant));
    } finally {
      idle.offer(format); // lent to one render at a time: ICU's formats are not thread-safe
    }
  }
}

package news.masthead.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Language;
import news.masthead.content.Role;
import news.masthead.content.StaffMember;
import news.masthead.web.Messages;

/**
 * What every newsroom page's layout needs: its words, direction and title, who is signed in and
 * their form token, and the languages the newsroom speaks. Immutable.
 */
public record Room(
    Messages messages,
    String dir,
    String title,
    Optional<StaffMember> member,
    String csrf,
    List<Language> languages) {
  public String lang() {
    return messages.language().code();
  }

  public String t(String key) {
    return messages.t(key);
  }

  public String t(String key, Object... namesAndValues) {
    return messages.t(key, namesAndValues);
  }

  /** A time in the page's language, calendar and zone. */
  public String date(Instant instant) {
    return messages.dateTime(instant);
  }

  public boolean isAdmin() {
    return member.map(m -> m.role() == Role.ADMIN).orElse(false);
  }

  /** The time zone the page gives times in, by its name (Asia/Tehran). */
  public String zone() {
    return messages.zone().getId();
  }

  /** A number in the page's own digits. */
  public String number(long number) {
    return messages.number(number);
  }

  /** The name of another language in the page's language ("انگلیسی" on a Persian page). */
  public String languageIn(Language other) {
    return messages.nameOf(other);
  }

  /** The name of a language in itself, for the language switch. */
  public String languageName(Language language) {
    return new com.ibm.icu.util.ULocale(language.code())
        .getDisplayLanguage(new com.ibm.icu.util.ULocale(language.code()));
  }
}

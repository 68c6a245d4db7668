package news.masthead.site;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import news.masthead.content.SearchRefusal;
import news.masthead.workflow.Views;

/** The words of the search page in one language. Immutable. */
public record SearchLabels(
    Locale locale,
    String title,
    String titleFor,
    String searchFor,
    String submit,
    String filters,
    String section,
    String anySection,
    String type,
    String anyType,
    String stories,
    String briefs,
    String brief,
    String language,
    String anyLanguage,
    String from,
    String to,
    String sort,
    String relevance,
    String newest,
    String oneResult,
    String results,
    String moreThan,
    String noResults,
    String refused,
    String building,
    String help,
    String related) {

  static final SearchLabels ENGLISH =
      new SearchLabels(
          Locale.ENGLISH,
          "Search",
          "Search: %s",
          "Search for",
          "Search",
          "Narrow the results",
          "Section",
          "Every section",
          "Type",
          "Stories and briefs",
          "Stories",
          "Briefs",
          "Brief",
          "Language",
          "Every language",
          "Published from",
          "Published until",
          "Order",
          "Best match first",
          "Newest first",
          "1 result",
          "%s results",
          "More than %s results",
          "Nothing published matches this search. Try fewer or other words.",
          "This search could not be run",
          "The search index is being built. Please try again in a minute.",
          "Every word must appear. Put a phrase in \"quotes\", end a word with * to find words"
              + " that begin with it (elect*), put - before a word to leave it out, and OR"
              + " between words to find either.",
          "Related");

  static final SearchLabels PERSIAN =
      new SearchLabels(
          Locale.forLanguageTag("fa"),
          "جستجو",
          "جستجو: %s",
          "جستجو برای",
          "جستجو",
          "محدود کردن نتایج",
          "بخش",
          "همهٔ بخش‌ها",
          "نوع",
          "گزارش‌ها و خبرهای کوتاه",
          "گزارش‌ها",
          "خبرهای کوتاه",
          "خبر کوتاه",
          "زبان",
          "همهٔ زبان‌ها",
          "منتشرشده از",
          "منتشرشده تا",
          "ترتیب",
          "مرتبط‌ترین",
          "تازه‌ترین",
          "۱ نتیجه",
          "%s نتیجه",
          "بیش از %s نتیجه",
          "هیچ مطلب منتشرشده‌ای با این جستجو جور نیست. واژه‌های کمتر یا دیگری را امتحان کنید.",
          "این جستجو انجام نشد",
          "نمایهٔ جستجو در حال ساخته شدن است. لطفاً یک دقیقهٔ دیگر دوباره امتحان کنید.",
          "همهٔ واژه‌ها باید پیدا شوند. عبارت را در \"گیومه\" بگذارید، برای یافتن واژه‌هایی که با"
              + " چیزی آغاز می‌شوند * را به پایان آن بیفزایید (انتخاب*)، برای کنار گذاشتن یک واژه"
              + " پیش از آن - بگذارید، و برای یافتن یکی از دو واژه میانشان OR بنویسید.",
          "مطالب مرتبط");

  /** "Search: oil", for the page's title. */
  public String titleFor(String query) {
    return titleFor.formatted(query);
  }

  /** What a page past the last of the results says: which pages there are. */
  public String pastTheLast(Views.Pagination pagination) {
    return refusal(
        SearchRefusal.of(
            SearchRefusal.Problem.NO_SUCH_PAGE, pagination.last(), pagination.number()));
  }

  /**
   * Why a search was refused, in this language: what is wrong with it and what to write instead.
   * Numbers are written in this language's digits; quoted words are the reader's own.
   */
  public String refusal(SearchRefusal refusal) {
    if (!locale.getLanguage().equals("fa")) {
      String english = refusal.english(); // a clause, as the API gives it: made a sentence here
      return Character.toUpperCase(english.charAt(0)) + english.substring(1) + ".";
    }
    String a = localDigits(refusal.detail(0));
    String b = localDigits(refusal.detail(1));
    return switch (refusal.problem()) {
      case TOO_MANY_WORDS ->
          "این جستجو %s واژه دارد و هر بار حداکثر %s واژه جستجو می‌شود: واژه‌های مهم‌تر را نگه دارید."
              .formatted(a, b);
      case TOO_LONG ->
          "این جستجو %s نویسه است و جستجو حداکثر %s نویسه می‌پذیرد: آن را به واژه‌های مهم‌تر کوتاه کنید."
              .formatted(a, b);
      case STRAY_CLOSING_PARENTHESIS ->
          "این جستجو پرانتزی را می‌بندد که باز نشده است: «)» را بردارید یا پیش از آن «(» بگذارید.";
      case UNCLOSED_QUOTE ->
          "این جستجو گیومه‌ای را باز می‌کند و نمی‌بندد: پس از عبارت \" دیگری بگذارید یا اولی را بردارید.";
      case UNCLOSED_PARENTHESIS ->
          "این جستجو پرانتزی را باز می‌کند و نمی‌بندد: «)» را بیفزایید یا «(» را بردارید.";
      case NOT_UNDERSTOOD ->
          "این جستجو فهمیده نشد"
              + (refusal.details().isEmpty() ? "" : " (در نویسهٔ " + a + ")")
              + ": AND و OR و NOT در هر دو سو واژه می‌خواهند، و + یا - درست پیش از واژه می‌آید.";
      case TOO_COMPLEX ->
          "این جستجو بیش از اندازه پیچیده است (%s جزء): واژه‌ها و پرانتزهای کمتری به کار ببرید."
              .formatted(a);
      case PHRASE_TOO_LOOSE ->
          "واژه‌های یک عبارت حداکثر %s واژه از هم فاصله می‌توانند داشت (\"…\"~%s)، نه %s."
              .formatted(a, a, b);
      case LEADING_WILDCARD ->
          ("واژه نمی‌تواند با * آغاز شود («%s»): جستجوی پایان همهٔ واژه‌ها بسیار کند است؛ آغاز"
                  + " واژه را بنویسید، مانند انتخا*.")
              .formatted(refusal.detail(0));
      case INNER_WILDCARD ->
          "* فقط در پایان واژه می‌آید، مانند انتخا*، نه در میان آن («%s»)."
              .formatted(refusal.detail(0));
      case SHORT_PREFIX ->
          "واژه‌ای که به * پایان می‌یابد دست‌کم %s حرف پیش از * می‌خواهد («%s*»)."
              .formatted(a, refusal.detail(1));
      case TOO_MANY_PREFIXES -> "حداکثر %s واژهٔ یک جستجو می‌تواند به * پایان یابد.".formatted(a);
      case FUZZY ->
          ("جستجوی تقریبی («%s~») در دسترس نیست: واژه را همان‌گونه که نوشته می‌شود جستجو کنید،"
                  + " یا آغاز آن را با * بیاورید.")
              .formatted(refusal.detail(0));
      case REGULAR_EXPRESSION ->
          "عبارت باقاعده (/…/) در دسترس نیست: واژه، عبارتی در گیومه یا آغاز واژه با * را جستجو کنید.";
      case RANGE -> "جستجوی بازه در دسترس نیست: به جای آن تاریخ‌های «از» و «تا» را به کار ببرید.";
      case TOO_SLOW ->
          ("این جستجو بیش از %s میلی‌ثانیه طول کشید و متوقف شد: واژه‌های کمتری را با * بیاورید"
                  + " یا واژه‌های دقیق‌تری به کار ببرید.")
              .formatted(a);
      case NO_SUCH_PAGE -> "نتایج جستجو صفحه‌های ۱ تا %s دارد، نه %s.".formatted(a, b);
      case BAD_SECTION ->
          "بخش باید نشانی یکی از بخش‌ها باشد، مانند iran، نه «%s».".formatted(refusal.detail(0));
      case BAD_TYPE ->
          "نوع باید story (گزارش) یا brief (خبر کوتاه) باشد، نه «%s».".formatted(refusal.detail(0));
      case BAD_LANGUAGE ->
          "زبان باید یکی از %s یا all باشد، نه «%s»."
              .formatted(refusal.detail(0), refusal.detail(1));
      case BAD_DATE ->
          "تاریخ «%s» باید تاریخی مانند 2026-11-24 باشد، نه «%s»."
              .formatted(refusal.detail(0).equals("from") ? "از" : "تا", refusal.detail(1));
      case DATES_REVERSED ->
          "تاریخ «از» (%s) پس از تاریخ «تا» (%s) است: جای آن دو را عوض کنید."
              .formatted(refusal.detail(0), refusal.detail(1));
      case BAD_ORDER ->
          "ترتیب باید relevance (مرتبط‌ترین) یا date (تازه‌ترین) باشد، نه «%s»."
              .formatted(refusal.detail(0));
      case BAD_PAGE_NUMBER ->
          "شمارهٔ صفحه باید عددی درست از ۱ به بالا باشد، نه «%s».".formatted(refusal.detail(0));
      case TOO_DEEP -> "نتایج جستجو حداکثر %s صفحه دارد، نه %s.".formatted(a, b);
    };
  }

  /** A detail that is a whole number, in this language's digits; any other text as it is. */
  private String localDigits(String detail) {
    if (detail.isEmpty() || !detail.chars().allMatch(Character::isDigit) || detail.length() > 18) {
      return detail;
    }
    return integers(locale).format(Long.parseLong(detail));
  }

  /** How many results, in this language's digits: "1 result", "1,204 results", "More than…". */
  public String count(long total, boolean exact) {
    if (exact && total == 1) {
      return oneResult;
    }
    String number = integers(locale).format(total);
    return (exact ? results : moreThan).formatted(number);
  }

  /** The integer format of each locale, made once: making one parses its pattern anew. */
  private static final Map<Locale, NumberFormat> INTEGERS = new ConcurrentHashMap<>();

  /** A format of whole numbers in the locale's digits, for this thread alone (formats are not). */
  private static NumberFormat integers(Locale locale) {
    return (NumberFormat)
        INTEGERS.computeIfAbsent(locale, NumberFormat::getIntegerInstance).clone();
  }
}

package news.masthead.site;

import java.text.NumberFormat;
import java.util.Locale;

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

  /** How many results, in this language's digits: "1 result", "1,204 results", "More than…". */
  public String count(long total, boolean exact) {
    if (exact && total == 1) {
      return oneResult;
    }
    String number = NumberFormat.getIntegerInstance(locale).format(total);
    return (exact ? results : moreThan).formatted(number);
  }
}

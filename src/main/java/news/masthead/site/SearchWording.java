package news.masthead.site;

import java.util.ArrayList;
import java.util.List;
import news.masthead.content.SearchRefusal;
import news.masthead.web.Messages;
import news.masthead.workflow.Views;

/**
 * What the search page says in the reader's language: how many results, why a search was refused,
 * and how a typed date was read. Stateless.
 */
public final class SearchWording {
  private SearchWording() {}

  /** "1 result", "۱٬۲۰۴ نتیجه", "More than 10,000 results". */
  public static String count(Messages messages, long total, boolean exact) {
    return messages.t(exact ? "search.count" : "search.countMoreThan", "total", total);
  }

  /** What a page past the last of the results says: which pages there are. */
  public static String pastTheLast(Messages messages, Views.Pagination pagination) {
    return explain(
        messages,
        SearchRefusal.of(
            SearchRefusal.Problem.NO_SUCH_PAGE, pagination.last(), pagination.number()));
  }

  /**
   * Why a search was refused: what is wrong with it and what to write instead. Details that are
   * whole numbers are written in the language's digits; quoted words are the reader's own.
   */
  public static String explain(Messages messages, SearchRefusal refusal) {
    List<Object> values = new ArrayList<>();
    String[] names = {"a", "b"};
    for (int i = 0; i < names.length; i++) {
      values.add(names[i]);
      values.add(number(refusal.detail(i)));
    }
    values.addAll(
        List.of(
            "first",
            1,
            "where",
            refusal.details().isEmpty() ? "none" : "at",
            "example",
            SearchForm.example(messages)));
    return messages.t("search.refusal." + refusal.problem().name(), values.toArray());
  }

  /** "From 1403/09/12: read as 12 Azar 1403 in the Solar Hijri calendar (2 December 2024)." */
  public static String dateRead(Messages messages, SearchForm.DateRead read) {
    return messages.t(
        "search.dateRead",
        "field",
        read.field(),
        "typed",
        read.typed(),
        "day",
        read.day(messages),
        "calendar",
        read.calendar(),
        "gregorian",
        read.gregorianDay(messages));
  }

  /** A detail that is a whole number as a number, to be written in the language's digits. */
  private static Object number(String detail) {
    if (!detail.isEmpty()
        && detail.length() <= 18
        && detail.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(detail);
    }
    return detail;
  }
}

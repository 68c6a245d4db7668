package news.masthead.search;

import java.util.List;
import news.masthead.content.ItemSummary;
import news.masthead.content.Snippet;

/**
 * The results of one {@link SearchRequest}: its slice of hits, and how many items matched in all.
 *
 * @param total how many items matched; a lower bound when not {@code exact}
 * @param exact whether {@code total} was counted to the end (large counts stop at a threshold)
 */
public record SearchResults(List<Hit> hits, long total, boolean exact) {
  public SearchResults {
    hits = List.copyOf(hits);
  }

  public static SearchResults none() {
    return new SearchResults(List.of(), 0, true);
  }

  /** One result: the item, its headline with the matched words marked, and a snippet of text. */
  public record Hit(ItemSummary item, Snippet headline, Snippet snippet) {}
}

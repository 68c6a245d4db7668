package news.masthead.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A short passage of an item's text with the words a reader searched for marked, as a search result
 * shows it. Held as plain runs of text, never as markup: a page renders each run escaped, and a
 * marked run inside {@code <mark>}, so no stored text can become markup on its way through.
 */
public record Snippet(List<Run> runs) {
  /** A run of text, marked when it matched the search. */
  public record Run(String text, boolean marked) {
    public Run {
      if (text == null) {
        throw new InvalidContent("a snippet's run of text must not be null");
      }
    }
  }

  public Snippet {
    // Adjacent runs of the same kind are joined, so a page never shows "<mark>a</mark><mark>b".
    List<Run> joined = new ArrayList<>();
    for (Run run : List.copyOf(runs)) {
      if (run.text().isEmpty()) {
        continue;
      }
      if (!joined.isEmpty() && joined.getLast().marked() == run.marked()) {
        Run last = joined.removeLast();
        joined.add(new Run(last.text() + run.text(), run.marked()));
      } else {
        joined.add(run);
      }
    }
    runs = List.copyOf(joined);
  }

  /** Text with nothing marked. */
  public static Snippet plain(String text) {
    return new Snippet(List.of(new Run(text, false)));
  }

  /** The snippet's text without its marks. */
  public String plainText() {
    StringBuilder text = new StringBuilder();
    runs.forEach(run -> text.append(run.text()));
    return text.toString();
  }

  /** The marked runs' texts, in order: what the search matched. */
  public List<String> marked() {
    return runs.stream().filter(Run::marked).map(Run::text).toList();
  }

  public boolean isEmpty() {
    return runs.isEmpty();
  }
}

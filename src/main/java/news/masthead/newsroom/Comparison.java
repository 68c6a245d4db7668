package news.masthead.newsroom;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import news.masthead.content.Copy;
import news.masthead.content.Item;
import news.masthead.content.SubjectKind;
import news.masthead.web.Messages;

/**
 * What changed between two revisions of an item, as the history shows it: each field that differs
 * with its two values, and the body's words, each kept, added or removed (java-diff-utils' Myers
 * diff over words). Immutable.
 *
 * @param fields the message key of each field that changed, with its value before and after
 * @param body the body as runs of kept, added and removed text, in reading order
 */
public record Comparison(Item from, Item to, List<FieldChange> fields, List<Run> body) {
  private static final Pattern WORDS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

  /** A field whose value differs, named by its message key. */
  public record FieldChange(String key, String before, String after) {}

  /** A run of the body's text: {@code kept}, {@code added} or {@code removed}. */
  public record Run(String kind, String text) {}

  public Comparison {
    fields = List.copyOf(fields);
    body = List.copyOf(body);
  }

  static Comparison of(Item from, Item to, Messages words) {
    Copy a = from.copy();
    Copy b = to.copy();
    List<FieldChange> fields = new ArrayList<>();
    field(
        fields,
        "newsroom.item.status",
        words.t("newsroom.status." + from.status().code()),
        words.t("newsroom.status." + to.status().code()));
    field(fields, "newsroom.item.headline", a.headline(), b.headline());
    field(fields, "newsroom.item.standfirst", a.standfirst(), b.standfirst());
    field(fields, "newsroom.item.byline", credits(a, words), credits(b, words));
    field(fields, "newsroom.item.slug", a.slug().value(), b.slug().value());
    field(fields, "newsroom.item.dateline", a.dateline(), b.dateline());
    field(fields, "newsroom.item.section", a.section().name(), b.section().name());
    field(
        fields,
        "newsroom.item.genre",
        words.t("genre." + a.genre().name()),
        words.t("genre." + b.genre().name()));
    for (SubjectKind kind : SubjectKind.values()) {
      if (kind != SubjectKind.AUTHOR) {
        field(fields, "subject.kind." + kind.name(), names(a, kind), names(b, kind));
      }
    }
    field(fields, "newsroom.item.sources", sources(a, words), sources(b, words));
    field(
        fields,
        "newsroom.item.corrections",
        a.corrections().stream().map(c -> c.text()).collect(Collectors.joining("; ")),
        b.corrections().stream().map(c -> c.text()).collect(Collectors.joining("; ")));
    return new Comparison(from, to, fields, words(a.body().plainText(), b.body().plainText()));
  }

  /** Whether the bodies differ. */
  public boolean bodyChanged() {
    return body.stream().anyMatch(run -> !run.kind().equals("kept"));
  }

  private static List<Run> words(String before, String after) {
    List<String> a = List.of(WORDS.split(before));
    List<String> b = List.of(WORDS.split(after));
    List<Run> runs = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
      int start = delta.getSource().getPosition();
      add(runs, "kept", a.subList(at, start));
      add(runs, "removed", delta.getSource().getLines());
      add(runs, "added", delta.getTarget().getLines());
      at = start + delta.getSource().size();
    }
    add(runs, "kept", a.subList(at, a.size()));
    return runs;
  }

  private static void add(List<Run> runs, String kind, List<String> words) {
    if (words.isEmpty()) {
      return;
    }
    String text = String.join("", words);
    if (!runs.isEmpty() && runs.getLast().kind().equals(kind)) {
      text = runs.removeLast().text() + text;
    }
    runs.add(new Run(kind, text));
  }

  private static void field(List<FieldChange> fields, String key, String before, String after) {
    if (!before.equals(after)) {
      fields.add(new FieldChange(key, before, after));
    }
  }

  private static String names(Copy copy, SubjectKind kind) {
    return copy.subjects(kind).stream().map(s -> s.name()).collect(Collectors.joining(", "));
  }

  private static String credits(Copy copy, Messages words) {
    return copy.byline().credits().stream()
        .map(c -> c.name() + " (" + words.t("credit.role." + c.role().name()) + ")")
        .collect(Collectors.joining("; "));
  }

  private static String sources(Copy copy, Messages words) {
    return copy.sources().stream()
        .map(
            s ->
                s.name()
                    + " ("
                    + words.t("source.kind." + s.kind().name())
                    + ", "
                    + words.t("source.role." + s.role().name())
                    + ")")
        .collect(Collectors.joining("; "));
  }
}

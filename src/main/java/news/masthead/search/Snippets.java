package news.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import news.masthead.content.Snippet;
import news.masthead.content.Teaser;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LabelledCharArrayMatcher;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Cuts result snippets with Lucene's unified highlighter, from the offsets kept in the postings (no
 * text is analysed again): the whole headline, and a passage of about {@value #LENGTH} characters
 * of text around the first matches. The passages become {@link Snippet}s, runs of plain text, so
 * the page escapes every character and only adds its own {@code <mark>}.
 *
 * <p>A text's passage is the best one near its first match: the text is decoded from its stored
 * UTF-8 only from {@value #LEAD} characters before the first match the postings show to {@value
 * #WINDOW} characters past it, so what a result costs does not grow with its text's length, nor
 * with how far into it the words first appear. A text searched by re-analysis (a prefix matching
 * many words) is decoded whole, up to {@value #MOST_CHARS} characters. One per search; not
 * thread-safe.
 */
final class Snippets extends UnifiedHighlighter {
  /** The most terms a prefix may match for its results to be highlighted from the postings. */
  static final int MOST_PREFIX_TERMS = 256;

  /** How much of a text its snippet is cut from, in characters. */
  static final int MOST_CHARS = 20_000;

  /** The length a text snippet aims at, in characters. */
  static final int LENGTH = 200;

  /** How far past its first match a text is decoded to cut its snippet, in characters. */
  static final int WINDOW = 1_000;

  /** Characters kept before the first match when a passage is too long. */
  private static final int BEFORE_MATCH = 80;

  /**
   * How far before its first match a text is decoded, in characters: a passage starts at most this
   * far before its first mark, for a longer one is cut to {@value #BEFORE_MATCH} characters before
   * it ({@link RunsFormatter}), so the passage is the one the whole text would give.
   */
  static final int LEAD = LENGTH + BEFORE_MATCH;

  /** The stored fields of the documents being highlighted, already read for their summaries. */
  private final Map<Integer, Document> documents = new HashMap<>();

  /** The fields {@link NearFirstMatch} highlights: their texts are decoded by it, not loaded. */
  private final Set<String> nearFirstMatch = new HashSet<>();

  Snippets(IndexSearcher searcher, Analyzer analyzer) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new RunsFormatter())
            .withScorer(new PassageScores())
            .withMaxLength(MOST_CHARS)
            .withHighlightPhrasesStrictly(true)
            // Offsets straight from the postings of the query's terms, not by asking the query's
            // weight for its matches in every document and field, which costs far more.
            .withWeightMatches(false));
  }

  /**
   * The snippets of each field for each document, in the order of {@code docIds}; a document
   * without the field gets an empty snippet. {@code stored} holds each document's stored fields,
   * including {@code fields}, read once for the summaries and the snippets both.
   */
  Map<String, Snippet[]> of(String[] fields, Query query, int[] docIds, Document[] stored)
      throws IOException {
    for (int i = 0; i < docIds.length; i++) {
      documents.put(docIds[i], stored[i]);
    }
    int[] passages = new int[fields.length];
    Arrays.fill(passages, 1);
    Map<String, Object[]> found = highlightFieldsAsObjects(fields, query, docIds, passages);
    Map<String, Snippet[]> snippets = new HashMap<>();
    found.forEach(
        (field, values) -> {
          Snippet[] out = new Snippet[values.length];
          for (int i = 0; i < values.length; i++) {
            out[i] = values[i] instanceof Snippet s ? s : new Snippet(List.of());
          }
          snippets.put(field, out);
        });
    return snippets;
  }

  /**
   * The texts to cut snippets from, as already read: a headline whole; a text whose offsets come
   * from the postings as the empty string, for {@link NearFirstMatch} decodes what it needs of it;
   * any other text decoded whole. Each is cut to the first {@value #MOST_CHARS} characters as
   * Lucene's own loader does: a result's snippet costs the same however long its text, and a match
   * beyond that point leaves the result with the start of its text, unmarked.
   */
  @Override
  protected List<CharSequence[]> loadFieldValues(
      String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> values = new ArrayList<>();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      Document stored = documents.get(doc);
      CharSequence[] byField = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        byField[i] = stored == null ? null : load(stored, fields[i]);
      }
      values.add(byField);
    }
    return values;
  }

  private String load(Document stored, String field) {
    Optional<BytesRef> utf8 = ItemDocument.textBytes(stored, field);
    if (utf8.isPresent()) {
      return nearFirstMatch.contains(field) ? "" : decode(utf8.get(), MOST_CHARS);
    }
    String text = stored.get(field);
    return text != null && text.length() > MOST_CHARS ? text.substring(0, MOST_CHARS) : text;
  }

  /**
   * The first {@code chars} characters (UTF-16 units) of UTF-8 text, decoded; all of it when it is
   * shorter. Only the bytes of those characters are read.
   */
  static String decode(BytesRef utf8, int chars) {
    return decode(utf8, utf8.offset, end(utf8, chars));
  }

  /** The UTF-8 text decoded from {@code start} to {@code end}, indexes into its bytes. */
  private static String decode(BytesRef utf8, int start, int end) {
    return new String(utf8.bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Where the first {@code chars} characters of UTF-8 text end, as an index into its bytes; its end
   * when it is shorter. Never inside a character: one beyond the BMP counts as two.
   */
  private static int end(BytesRef utf8, int chars) {
    return cut(utf8, chars).at();
  }

  /**
   * Where the first {@code chars} characters (UTF-16 units) of UTF-8 text end: the index into its
   * bytes, and the units before it, which is {@code chars} or one more when a character beyond the
   * BMP straddles the point (never cut), or fewer when the text is shorter.
   */
  private static Cut cut(BytesRef utf8, int chars) {
    byte[] bytes = utf8.bytes;
    int end = utf8.offset + utf8.length;
    int at = utf8.offset;
    int units = 0;
    while (at < end && units < chars) {
      int lead = bytes[at] & 0xFF;
      if (lead < 0xC0) { // ASCII, or a stray continuation byte, which decodes to one U+FFFD
        at += 1;
        units += 1;
      } else if (lead < 0xE0) {
        at += 2;
        units += 1;
      } else if (lead < 0xF0) {
        at += 3;
        units += 1;
      } else {
        at += 4;
        units += 2; // two UTF-16 units
      }
    }
    return new Cut(Math.min(at, end), units);
  }

  /**
   * A point in UTF-8 text: {@code at} an index into its bytes, {@code units} UTF-16 units before.
   */
  private record Cut(int at, int units) {}

  /**
   * Postings, as Lucene chooses for fields indexed with offsets, also when the search has prefixes
   * ({@code elect*}) that match at most {@value #MOST_PREFIX_TERMS} terms each: Lucene then
   * analyses each result's text again, because its postings strategy would read the field's whole
   * terms dictionary for every document, which {@link KeptPostings} does not. It keeps the postings
   * of every term a prefix matches, though, so a prefix of two letters that matches thousands still
   * gets the text analysed, as do phrases Lucene must rewrite and parts it does not know.
   */
  @Override
  protected OffsetSource getOptimizedOffsetSource(UHComponents components) {
    OffsetSource chosen = super.getOptimizedOffsetSource(components);
    boolean onlyPrefixes =
        components.automata() != null
            && components.automata().length > 0
            && !components.phraseHelper().willRewrite()
            && !components.hasUnrecognizedQueryPart();
    return chosen == OffsetSource.ANALYSIS
            && onlyPrefixes
            && getOffsetSource(components.field()) == OffsetSource.POSTINGS
            && fewTermsMatched(components)
        ? OffsetSource.POSTINGS
        : chosen;
  }

  /** Whether every prefix matches at most {@value #MOST_PREFIX_TERMS} terms in every segment. */
  private boolean fewTermsMatched(UHComponents components) {
    Map<String, MultiTermQuery> queries = multiTermQueries(components.query(), components.field());
    try {
      for (LabelledCharArrayMatcher automaton : components.automata()) {
        MultiTermQuery query = queries.get(automaton.getLabel());
        if (query == null) {
          return false; // a part found by no label: leave it to Lucene
        }
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
          Terms terms = leaf.reader().terms(components.field());
          if (terms == null) {
            continue;
          }
          TermsEnum matched = query.getTermsEnum(terms);
          int count = 0;
          while (matched.next() != null) {
            if (++count > MOST_PREFIX_TERMS) {
              return false;
            }
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the terms of the search index", e);
    }
  }

  /**
   * The query's prefixes and other multi-term parts on {@code field}, by the label the highlighter
   * gives their matchers (the part's own text); a label two different parts share is left out.
   */
  private static Map<String, MultiTermQuery> multiTermQueries(Query query, String field) {
    Map<String, MultiTermQuery> found = new HashMap<>();
    Set<String> shared = new HashSet<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String visited) {
            return field.equals(visited);
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }

          @Override
          public void consumeTermsMatching(
              Query part, String visited, Supplier<ByteRunAutomaton> automaton) {
            if (part instanceof MultiTermQuery multiTerm) {
              MultiTermQuery before = found.putIfAbsent(part.toString(), multiTerm);
              if (before != null && !before.equals(multiTerm)) {
                shared.add(part.toString());
              }
            }
          }
        });
    shared.forEach(found::remove);
    return found;
  }

  @Override
  protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
    return source == OffsetSource.POSTINGS
        ? new KeptPostings(components)
        : super.getOffsetStrategy(source, components);
  }

  @Override
  protected FieldHighlighter newFieldHighlighter(
      String field,
      FieldOffsetStrategy offsets,
      BreakIterator breaks,
      PassageScorer scorer,
      int maxPassages,
      int maxNoHighlightPassages,
      PassageFormatter formatter,
      Comparator<Passage> order) {
    // Lucene makes a search's field highlighters before it loads their texts (loadFieldValues)
    if (field.startsWith(ItemDocument.TEXT) && offsets instanceof KeptPostings) {
      nearFirstMatch.add(field);
      return new NearFirstMatch(
          field, offsets, breaks, scorer, maxPassages, maxNoHighlightPassages, formatter, order);
    }
    nearFirstMatch.remove(field);
    return super.newFieldHighlighter(
        field, offsets, breaks, scorer, maxPassages, maxNoHighlightPassages, formatter, order);
  }

  /**
   * Lucene's field highlighter for a text whose offsets come from the postings, given the empty
   * string for content: it finds the first match first, then decodes the stored text from {@value
   * #LEAD} characters before it to {@value #WINDOW} characters past it (at most {@value
   * #MOST_CHARS} from the start) and cuts the passage from that, as Lucene would from the whole
   * text: offsets and passages are moved by where the decoded part starts, and scored as if they
   * were not. A passage cut short at either end of the decoded part is marked as going on ({@link
   * RunsFormatter}).
   */
  private final class NearFirstMatch extends FieldHighlighter {
    NearFirstMatch(
        String field,
        FieldOffsetStrategy offsets,
        BreakIterator breaks,
        PassageScorer scorer,
        int maxPassages,
        int maxNoHighlightPassages,
        PassageFormatter formatter,
        Comparator<Passage> order) {
      super(field, offsets, breaks, scorer, maxPassages, maxNoHighlightPassages, formatter, order);
    }

    @Override
    public Object highlightFieldForDoc(LeafReader reader, int docId, String none)
        throws IOException {
      Document stored = documents.get(docBase(reader) + docId);
      Optional<BytesRef> utf8 =
          stored == null ? Optional.empty() : ItemDocument.textBytes(stored, field);
      if (utf8.isEmpty() || utf8.get().length == 0) {
        return null;
      }
      try (OffsetsEnum offsets = fieldOffsetStrategy.getOffsetsEnum(reader, docId, none)) {
        boolean matched = offsets.nextPosition();
        int first = matched ? offsets.startOffset() : 0;
        BytesRef text = utf8.get();
        // a first match past MOST_CHARS leaves the start of the text, unmarked: WINDOW is enough
        boolean beyond = first >= MOST_CHARS;
        Cut start = cut(text, beyond ? 0 : Math.max(0, first - LEAD));
        int end = end(text, beyond ? WINDOW : Math.min(MOST_CHARS, first + WINDOW));
        String content = decode(text, start.at(), end);
        breakIterator.setText(content);
        PassageScores scores = (PassageScores) passageScorer;
        scores.shift = start.units();
        Passage[] passages;
        try {
          passages =
              matched
                  ? highlightOffsetsEnums(new Replayed(offsets, start.units()))
                  : new Passage[0];
        } finally {
          scores.shift = 0;
        }
        if (passages.length == 0) {
          passages =
              getSummaryPassagesNoHighlight(
                  maxNoHighlightPassages == -1 ? maxPassages : maxNoHighlightPassages);
        }
        return passages.length == 0
            ? null
            : ((RunsFormatter) passageFormatter)
                .format(passages, content, start.units() > 0, end < text.offset + text.length);
      }
    }
  }

  /**
   * Offsets whose current position is given again by the first {@link #nextPosition}, each moved
   * back by {@code shift} characters (where the decoded part of the text starts).
   */
  private static final class Replayed extends OffsetsEnum {
    private final OffsetsEnum offsets;
    private final int shift;
    private boolean replayed;

    Replayed(OffsetsEnum positioned, int shift) {
      this.offsets = positioned;
      this.shift = shift;
    }

    @Override
    public boolean nextPosition() throws IOException {
      if (!replayed) {
        replayed = true;
        return true;
      }
      return offsets.nextPosition();
    }

    @Override
    public int freq() throws IOException {
      return offsets.freq();
    }

    @Override
    public BytesRef getTerm() throws IOException {
      return offsets.getTerm();
    }

    @Override
    public int startOffset() throws IOException {
      return offsets.startOffset() - shift;
    }

    @Override
    public int endOffset() throws IOException {
      return offsets.endOffset() - shift;
    }

    @Override
    public void close() throws IOException {
      offsets.close();
    }
  }

  /** Where the documents of {@code leaf}, a segment of the searcher's index, begin in it. */
  private int docBase(LeafReader leaf) {
    for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
      if (context.reader() == leaf) {
        return context.docBase;
      }
    }
    throw new IllegalStateException("a segment the search does not read: " + leaf);
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    if (field.startsWith(ItemDocument.HEADLINE)) {
      return new WholeBreakIterator();
    }
    return LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), LENGTH, 0.4f);
  }

  /**
   * Offsets from the postings, as Lucene's strategy reads them, but with each term's postings kept
   * from one document to the next: the highlighter takes a page's documents in order, so a term is
   * looked up in the terms dictionary once a field and segment, not once a document, and its
   * postings only move forward (a document at or before the last one starts them afresh). The terms
   * a prefix ({@code elect*}) matches are likewise found once a segment: Lucene's strategy reads
   * the field's whole terms dictionary again for every document. One per field of one search; not
   * thread-safe.
   */
  private static final class KeptPostings extends PostingsOffsetStrategy {
    /** The segment the kept postings belong to. */
    private LeafReader keptFrom;

    /** The last document highlighted in that segment; the next must come after it. */
    private int lastDoc = -1;

    private final Map<BytesRef, PostingsEnum> postings = new HashMap<>();

    /** Terms the segment does not have. */
    private final Set<BytesRef> absent = new HashSet<>();

    /** For each prefix (automaton), the postings of the segment's terms it matches; once read. */
    private Optional<List<List<PostingsEnum>>> matched = Optional.empty();

    KeptPostings(UHComponents components) {
      super(components);
    }

    @Override
    protected OffsetsEnum createOffsetsEnumFromReader(LeafReader reader, int doc)
        throws IOException {
      if (reader != keptFrom || doc <= lastDoc) { // another segment, or going back: start again
        keptFrom = reader;
        postings.clear();
        absent.clear();
        matched = Optional.empty();
      }
      lastDoc = doc;
      return super.createOffsetsEnumFromReader(reader, doc);
    }

    @Override
    protected void createOffsetsEnumsForTerms(
        BytesRef[] terms, Terms index, int doc, List<OffsetsEnum> results) throws IOException {
      TermsEnum lookup = null;
      for (BytesRef term : terms) {
        if (absent.contains(term)) {
          continue;
        }
        PostingsEnum kept = postings.get(term);
        if (kept == null) {
          lookup = lookup == null ? index.iterator() : lookup;
          if (!lookup.seekExact(term)) {
            absent.add(term);
            continue;
          }
          kept = offsets(lookup);
          postings.put(term, kept);
        }
        if (at(kept, doc)) {
          results.add(new OffsetsEnum.OfPostings(term, kept));
        }
      }
    }

    /**
     * As Lucene's: every term a prefix matches in the document counts under the prefix's label,
     * with the sum of their frequencies.
     */
    @Override
    protected void createOffsetsEnumsForAutomata(Terms index, int doc, List<OffsetsEnum> results)
        throws IOException {
      LabelledCharArrayMatcher[] automata = components.automata();
      if (matched.isEmpty()) {
        Map<String, MultiTermQuery> queries = multiTermQueries(components.query(), getField());
        List<List<PostingsEnum>> byAutomaton = new ArrayList<>();
        CharsRefBuilder chars = new CharsRefBuilder();
        for (LabelledCharArrayMatcher automaton : automata) {
          // the query's own terms enum visits only the terms it matches; the matcher alone
          // (for a part not found by its label) has to be shown every term of the field
          MultiTermQuery query = queries.get(automaton.getLabel());
          TermsEnum terms = query == null ? index.iterator() : query.getTermsEnum(index);
          List<PostingsEnum> found = new ArrayList<>();
          for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            if (query == null) {
              chars.copyUTF8Bytes(term);
              if (!automaton.match(chars.get())) {
                continue;
              }
            }
            found.add(offsets(terms));
          }
          byAutomaton.add(found);
        }
        matched = Optional.of(byAutomaton);
      }
      for (int i = 0; i < automata.length; i++) {
        List<PostingsEnum> inDoc = new ArrayList<>();
        int freq = 0;
        for (PostingsEnum term : matched.get().get(i)) {
          if (at(term, doc)) {
            inDoc.add(term);
            freq += term.freq();
          }
        }
        if (inDoc.isEmpty()) {
          continue;
        }
        BytesRef label = new BytesRef(automata[i].getLabel());
        for (PostingsEnum term : inDoc) {
          results.add(new OffsetsEnum.OfPostings(label, freq, term));
        }
      }
    }

    /** The postings with offsets of the term {@code terms} stands on. */
    private PostingsEnum offsets(TermsEnum terms) throws IOException {
      PostingsEnum offsets = terms.postings(null, PostingsEnum.OFFSETS);
      if (offsets == null) {
        throw new IllegalArgumentException(
            "field '" + getField() + "' was indexed without offsets, cannot highlight");
      }
      return offsets;
    }

    /** Moves kept postings up to {@code doc}; whether the term is in it (past it means not). */
    private static boolean at(PostingsEnum kept, int doc) throws IOException {
      int at = kept.docID() < doc ? kept.advance(doc) : kept.docID();
      return at == doc;
    }
  }

  /**
   * Lucene's passage score (BM25 over the passage's terms, favouring early passages), counted
   * without the hash of terms Lucene's scorer makes for every candidate passage: with a few matches
   * a passage, comparing them is cheaper and allocates nothing.
   */
  private static final class PassageScores extends PassageScorer {
    /**
     * Where the text being scored starts in the whole text, in characters ({@link NearFirstMatch}):
     * passages are scored by their place in the whole text, as if it had all been decoded.
     */
    int shift;

    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDocument = passage.getMatchTermFreqsInDoc();
      float score = 0;
      for (int i = 0; i < matches; i++) {
        if (seenBefore(terms, i)) {
          continue;
        }
        int inPassage = 1;
        for (int j = i + 1; j < matches; j++) {
          if (Objects.equals(terms[i], terms[j])) {
            inPassage++;
          }
        }
        score += weight(contentLength + shift, inDocument[i]) * tf(inPassage, passage.getLength());
      }
      return score * norm(passage.getStartOffset() + shift);
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
      for (int j = 0; j < i; j++) {
        if (Objects.equals(terms[i], terms[j])) {
          return true;
        }
      }
      return false;
    }
  }

  /** Formats passages as runs of plain and marked text. */
  private static final class RunsFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      return format(passages, content, false, false);
    }

    /**
     * The passages as runs. {@code startsLater} when {@code content} starts after the text does: a
     * passage starting with it began in a sentence before it, so is cut as a long sentence is and
     * marked as going on before; {@code goesOn} when {@code content} ends before the text does, so
     * that a passage reaching its end is marked as going on.
     */
    Snippet format(Passage[] passages, String content, boolean startsLater, boolean goesOn) {
      List<Snippet.Run> runs = new ArrayList<>();
      for (Passage passage : passages) {
        int[][] marks = merged(passage, content);
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        while (start < end && Character.isWhitespace(content.charAt(start))) {
          start++;
        }
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
          end--;
        }
        boolean begunBefore = startsLater && passage.getStartOffset() == 0;
        if (end - start > LENGTH + BEFORE_MATCH || begunBefore) { // a long sentence: a window
          int first = marks.length > 0 ? marks[0][0] : start;
          start = wordStart(content, Math.max(start, first - BEFORE_MATCH), first);
          end = wordEnd(content, Math.min(end, start + LENGTH), end);
        }
        if (!runs.isEmpty() || start > 0 || startsLater) {
          runs.add(new Snippet.Run(runs.isEmpty() ? "… " : " … ", false));
        }
        int at = start;
        for (int[] mark : marks) {
          int from = Math.max(mark[0], at);
          int to = Math.min(mark[1], end);
          if (from >= to) {
            continue;
          }
          runs.add(new Snippet.Run(Teaser.collapseSpaces(content.substring(at, from)), false));
          runs.add(new Snippet.Run(content.substring(from, to), true));
          at = to;
        }
        runs.add(new Snippet.Run(Teaser.collapseSpaces(content.substring(at, end)), false));
        if (end < content.length() || goesOn) {
          runs.add(new Snippet.Run(" …", false));
        }
      }
      return new Snippet(runs);
    }

    /**
     * The passage's matches in order, joined where they overlap (a joined Persian word and its
     * parts) or only white space parts them (the words of a phrase).
     */
    private static int[][] merged(Passage passage, String content) {
      int n = passage.getNumMatches();
      int[][] marks = new int[n][];
      for (int i = 0; i < n; i++) {
        marks[i] = new int[] {passage.getMatchStarts()[i], passage.getMatchEnds()[i]};
      }
      Arrays.sort(marks, (a, b) -> Integer.compare(a[0], b[0]));
      List<int[]> joined = new ArrayList<>();
      for (int[] mark : marks) {
        if (!joined.isEmpty()
            && content
                .substring(joined.getLast()[1], Math.max(joined.getLast()[1], mark[0]))
                .isBlank()) {
          joined.getLast()[1] = Math.max(joined.getLast()[1], mark[1]);
        } else {
          joined.add(mark);
        }
      }
      return joined.toArray(new int[0][]);
    }

    /** The start of the first word at or after {@code from}, but not past {@code limit}. */
    private static int wordStart(String text, int from, int limit) {
      int i = from;
      while (i > 0 && i < limit && !Character.isWhitespace(text.charAt(i - 1))) {
        i++;
      }
      return i;
    }

    /** The end of the last whole word before {@code to}, or {@code to} inside one long word. */
    private static int wordEnd(String text, int to, int limit) {
      int i = to;
      while (i > 0 && i < limit && !Character.isWhitespace(text.charAt(i))) {
        i--;
      }
      return i <= 0 ? to : i;
    }
  }
}

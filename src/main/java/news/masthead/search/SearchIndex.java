package news.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.content.SearchRefusal;
import news.masthead.content.Snippet;
import news.masthead.content.Status;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index of published items: one Lucene index, on disk under the data directory or in
 * memory, that mirrors one database up to a change log position.
 *
 * <p>The workflow feeds it: {@link #update} saves published items and removes every other one, then
 * makes the change visible to searches at once (near-real-time: no commit needed) and records the
 * change log position it reached; commits are made at most every {@value #COMMIT_EVERY_MS} ms and
 * on {@link #close}. The last commit records that position and the database, so a node that
 * restarts reads only the changes it missed, and an index made from another database (or an older
 * format) is emptied on opening.
 *
 * <p>Searches share one near-real-time reader; each runs under a {@value #TIME_LIMIT_MS} ms limit.
 * Thread-safe: searches run concurrently with each other and with one writer at a time.
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

  /** Raised whenever what is indexed changes, so that older indexes are rebuilt. */
  static final String FORMAT = "2";

  static final long COMMIT_EVERY_MS = 2_000;
  static final long TIME_LIMIT_MS = 500;

  /** Results counted exactly up to this many; beyond, the count says "more than". */
  private static final int COUNT_EXACTLY = 1_000;

  /** Stored fields a result reads: its summary, and the text its snippet is cut from. */
  private static final Set<String> STORED_FOR_RESULTS = storedForResults();

  private static final String SEQ = "seq";
  private static final String DATABASE = "database";
  private static final String FORMAT_KEY = "format";

  private final Directory directory;
  private final String where;
  private final String database;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer queryAnalyzer = Analysis.perField(false);
  private final Map<Analysis, Analyzer> queryAnalyzers = new HashMap<>();
  private volatile long timeLimitMillis = TIME_LIMIT_MS;
  private volatile long indexedThrough;
  private volatile boolean rebuilding;
  private long lastCommit = System.nanoTime();

  private SearchIndex(Directory directory, String where, String database) throws IOException {
    this.directory = directory;
    this.where = where;
    this.database = database;
    for (Analysis analysis : Analysis.values()) {
      queryAnalyzers.put(analysis, analysis.analyzer(false));
    }
    IndexWriterConfig config = new IndexWriterConfig(Analysis.perField(true));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(24);
    config.setCodec(new MastheadCodec());
    this.writer = new IndexWriter(directory, config);
    Map<String, String> recorded = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> recorded.put(e.getKey(), e.getValue()));
    if (database.equals(recorded.get(DATABASE)) && FORMAT.equals(recorded.get(FORMAT_KEY))) {
      indexedThrough = Long.parseLong(recorded.getOrDefault(SEQ, "0"));
    } else {
      if (writer.getDocStats().numDocs > 0) {
        LOG.info(
            "the search index at {} mirrors {} (format {}), not {}: it will be rebuilt",
            where,
            recorded.getOrDefault(DATABASE, "another database"),
            recorded.getOrDefault(FORMAT_KEY, "?"),
            database);
      }
      writer.deleteAll();
      indexedThrough = 0;
    }
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens (or creates) the index in {@code directory}, for {@code database} (its description, which
   * the index records).
   *
   * <p>An index this version cannot read (written with a codec or format this version does not
   * have, such as an earlier version's {@link MastheadCodec}, or damaged) is derived data: it is
   * discarded and opened empty, and the server rebuilds it from the database.
   *
   * @throws IndexUnavailable when another process holds the directory or it cannot be used
   */
  public static SearchIndex open(Path directory, String database) {
    try {
      return openOnDisk(directory, database);
    } catch (IndexUnavailable e) {
      if (!unreadable(e.getCause())) {
        throw e;
      }
      LOG.warn(
          "the search index at {} cannot be read by this version ({}); discarding it, to be"
              + " rebuilt from the database",
          directory,
          e.getCause().getMessage());
      discard(directory);
      return openOnDisk(directory, database);
    }
  }

  /**
   * How Lucene says a segment names a codec or a postings, doc values or vectors format it does not
   * have (its SPI loader's message).
   */
  private static final String MISSING_FORMAT = "An SPI class of type org.apache.lucene.codecs.";

  /** Whether opening failed because of what the files hold, not because of who holds them. */
  private static boolean unreadable(Throwable cause) {
    return cause instanceof IndexFormatTooOldException
        || cause instanceof IndexFormatTooNewException
        || cause instanceof CorruptIndexException
        || (cause instanceof IllegalArgumentException
            && (String.valueOf(cause.getMessage()).contains("Could not load codec")
                || String.valueOf(cause.getMessage()).contains(MISSING_FORMAT)));
  }

  private static void discard(Path directory) {
    try (Directory dir = FSDirectory.open(directory)) {
      for (String file : dir.listAll()) {
        dir.deleteFile(file);
      }
    } catch (IOException e) {
      throw new IndexUnavailable(
          "cannot discard the unreadable search index at " + directory + ": " + e.getMessage(), e);
    }
  }

  private static SearchIndex openOnDisk(Path directory, String database) {
    Directory dir = null;
    try {
      Files.createDirectories(directory);
      dir = FSDirectory.open(directory);
      return new SearchIndex(dir, directory.toString(), database);
    } catch (LockObtainFailedException e) {
      closeQuietly(dir);
      throw new IndexUnavailable(
          "the search index at "
              + directory
              + " is in use by another Masthead process (a running server keeps its index up to"
              + " date itself); stop that process first",
          e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      throw new IndexUnavailable(
          "cannot use the search index at " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the index in {@code directory}, or, when that cannot be used (another process holds it,
   * or it cannot be written), keeps an index in memory instead, to be rebuilt at every start.
   */
  public static SearchIndex openOrInMemory(Path directory, String database) {
    try {
      return open(directory, database);
    } catch (IndexUnavailable e) {
      LOG.warn("{}; keeping the search index in memory instead", e.getMessage());
      return inMemory(database);
    }
  }

  /** An empty index in memory. */
  public static SearchIndex inMemory(String database) {
    try {
      return new SearchIndex(new ByteBuffersDirectory(), "memory", database);
    } catch (IOException e) {
      throw new UncheckedIOException("an index in memory cannot fail to open", e);
    }
  }

  /** Sets how long a search may take before it is stopped, for tests. */
  void timeLimit(long millis) {
    timeLimitMillis = millis;
  }

  /** Where the index is: its directory, or "memory". */
  public String location() {
    return where;
  }

  /** The change log position the index reflects; 0 when it is empty or new. */
  public long indexedThrough() {
    return indexedThrough;
  }

  /** How many items the index holds, searchable or about to be. */
  public int size() {
    return writer.getDocStats().numDocs;
  }

  /**
   * Starts a rebuild: empties the index. Searches keep seeing what was there until the first {@link
   * #update} after the rebuild's {@link #add}s, and nothing is committed meanwhile.
   */
  public void clear() {
    try {
      rebuilding = true;
      writer.deleteAll();
      indexedThrough = 0;
    } catch (IOException e) {
      throw failure("empty", e);
    }
  }

  /** Adds published items to an index being rebuilt, on every core; not yet visible. */
  public void add(List<Item> items) {
    items.parallelStream()
        .filter(item -> item.status() instanceof Status.Published)
        .forEach(
            item -> {
              try {
                writer.addDocument(ItemDocument.of(item));
              } catch (IOException e) {
                throw failure("add to", e);
              }
            });
  }

  /**
   * Brings items up to date, each at its latest revision: a published item is (re)indexed, any
   * other is removed. The change is visible to searches when this returns, and the index records
   * that it reflects the change log up to {@code through}.
   */
  public void update(Collection<Item> items, long through) {
    try {
      for (Item item : items) {
        Term id = ItemDocument.idTerm(item.id());
        if (item.status() instanceof Status.Published) {
          writer.updateDocument(id, ItemDocument.of(item));
        } else {
          writer.deleteDocuments(id);
        }
      }
      indexedThrough = Math.max(indexedThrough, through);
      rebuilding = false;
      searchers.maybeRefreshBlocking();
      if (System.nanoTime() - lastCommit > TimeUnit.MILLISECONDS.toNanos(COMMIT_EVERY_MS)) {
        commit();
      }
    } catch (IOException e) {
      throw failure("update", e);
    }
  }

  /**
   * Merges the index into one segment, then makes that visible and commits it: after a rebuild,
   * whose parallel writers leave several segments, so that a search looks each word up, and sets up
   * its scorers, once instead of once a segment. Searches and updates go on meanwhile (updates made
   * during it stay in segments of their own until the merge policy joins them).
   */
  public void compact() {
    try {
      writer.forceMerge(1);
      searchers.maybeRefreshBlocking();
      commit();
    } catch (IOException e) {
      throw failure("merge", e);
    }
  }

  /** Writes what is indexed to disk, with the change log position it reflects. */
  public synchronized void commit() {
    if (rebuilding) {
      return; // a half-built index is never committed
    }
    try {
      writer.setLiveCommitData(
          Map.of(SEQ, Long.toString(indexedThrough), DATABASE, database, FORMAT_KEY, FORMAT)
              .entrySet());
      writer.commit();
      lastCommit = System.nanoTime();
    } catch (IOException e) {
      throw failure("commit", e);
    }
  }

  /**
   * Runs a search.
   *
   * @throws InvalidSearch when the search does not parse, asks for something too slow, or takes
   *     longer than the time limit
   */
  public SearchResults find(SearchRequest request) {
    if (request.text().isBlank()) {
      return SearchResults.none();
    }
    String prepared = SearchSyntax.prepare(request.text());
    List<Analysis> analyses =
        request.language().map(l -> List.of(Analysis.of(l))).orElse(List.of(Analysis.values()));
    // one language's query as it is, several as alternatives: Lucene would unwrap a boolean query
    // of one clause again on every search
    Query matching;
    if (analyses.size() == 1) {
      Analysis analysis = analyses.getFirst();
      matching = SearchSyntax.parse(prepared, analysis, queryAnalyzers.get(analysis));
    } else {
      BooleanQuery.Builder text = new BooleanQuery.Builder();
      for (Analysis analysis : analyses) {
        Query parsed = SearchSyntax.parse(prepared, analysis, queryAnalyzers.get(analysis));
        text.add(parsed, BooleanClause.Occur.SHOULD);
      }
      matching = text.build();
    }
    Query query = filtered(matching, request);
    IndexSearcher shared = acquire();
    try {
      IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
      searcher.setTimeout(new QueryTimeoutImpl(timeLimitMillis));
      int wanted = request.offset() + request.limit();
      TopDocs top =
          switch (request.order()) {
            case RELEVANCE ->
                searcher.search(query, new TopScoreDocCollectorManager(wanted, COUNT_EXACTLY));
            case NEWEST ->
                searcher.search(
                    query,
                    new TopFieldCollectorManager(
                        new Sort(new SortField(ItemDocument.PUBLISHED, SortField.Type.LONG, true)),
                        wanted,
                        COUNT_EXACTLY));
          };
      if (searcher.timedOut()) {
        throw new InvalidSearch(SearchRefusal.Problem.TOO_SLOW, timeLimitMillis);
      }
      ScoreDoc[] page = slice(top.scoreDocs, request.offset());
      boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
      long total = exact ? top.totalHits.value() : Math.min(top.totalHits.value(), COUNT_EXACTLY);
      return new SearchResults(hits(searcher, matching, page), total, exact);
    } catch (IOException e) {
      throw failure("search", e);
    } finally {
      release(shared);
    }
  }

  /**
   * Published items like this one, best first: found by the words that most distinguish its
   * headline and text (Lucene's more-like-this), in its language, leaving the item itself out.
   */
  public List<ItemSummary> related(Item item, int count) {
    Analysis analysis = Analysis.of(item.copy().language());
    IndexSearcher searcher = acquire();
    try {
      MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
      like.setAnalyzer(queryAnalyzer);
      String headline = analysis.field(ItemDocument.HEADLINE);
      String text = analysis.field(ItemDocument.TEXT);
      like.setFieldNames(new String[] {headline, text});
      like.setMinTermFreq(1);
      like.setMinDocFreq(2);
      like.setMinWordLen(3);
      like.setMaxQueryTerms(20);
      like.setMaxNumTokensParsed(2_000);
      like.setBoost(true);
      Map<String, Collection<Object>> fields = new HashMap<>();
      fields.put(headline, List.of(item.copy().headline()));
      fields.put(text, List.of(ItemDocument.text(item.copy())));
      Query similar = like.like(fields);
      Query query =
          new BooleanQuery.Builder()
              .add(similar, BooleanClause.Occur.MUST)
              .add(
                  new TermQuery(new Term(ItemDocument.LANGUAGE, item.copy().language().code())),
                  BooleanClause.Occur.FILTER)
              .add(new TermQuery(ItemDocument.idTerm(item.id())), BooleanClause.Occur.MUST_NOT)
              .build();
      TopDocs top = searcher.search(query, count);
      StoredFields stored = searcher.storedFields();
      List<ItemSummary> related = new ArrayList<>();
      for (ScoreDoc hit : top.scoreDocs) {
        related.add(ItemDocument.summary(stored.document(hit.doc, ItemDocument.SUMMARY_FIELDS)));
      }
      return related;
    } catch (IOException e) {
      throw failure("search", e);
    } finally {
      release(searcher);
    }
  }

  /** Commits what is indexed (unless a rebuild is unfinished) and closes the index. */
  @Override
  public void close() {
    try {
      commit();
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw failure("close", e);
    }
  }

  /** The matching query narrowed by the request's filters; as it is when there are none. */
  private static Query filtered(Query matching, SearchRequest request) {
    List<Query> filters = new ArrayList<>();
    request
        .language()
        // English and Persian items alone have English and Persian fields, which is all the
        // matching query looks in; the languages of the other analysis share its fields
        .filter(l -> Analysis.of(l) == Analysis.OTHER)
        .ifPresent(l -> filters.add(term(ItemDocument.LANGUAGE, l.code())));
    request.section().ifPresent(s -> filters.add(term(ItemDocument.SECTION, s.value())));
    request.profile().ifPresent(p -> filters.add(term(ItemDocument.PROFILE, p.code())));
    if (request.from().isPresent() || request.to().isPresent()) {
      long from = request.from().map(i -> i.toEpochMilli()).orElse(Long.MIN_VALUE);
      long to = request.to().map(i -> i.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
      filters.add(LongPoint.newRangeQuery(ItemDocument.PUBLISHED, from, to));
    }
    if (filters.isEmpty()) {
      return matching;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, BooleanClause.Occur.MUST);
    filters.forEach(filter -> query.add(filter, BooleanClause.Occur.FILTER));
    return query.build();
  }

  private static Set<String> storedForResults() {
    Set<String> fields = new HashSet<>(ItemDocument.SUMMARY_FIELDS);
    for (Analysis analysis : Analysis.values()) {
      fields.add(analysis.field(ItemDocument.TEXT));
    }
    return Set.copyOf(fields);
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private static ScoreDoc[] slice(ScoreDoc[] all, int offset) {
    if (offset >= all.length) {
      return new ScoreDoc[0];
    }
    return Arrays.copyOfRange(all, offset, all.length);
  }

  /**
   * The page's results with their snippets. Each result is highlighted in the fields of its own
   * language only: a page of English results never looks for the query's words among Persian fields
   * they do not have.
   */
  private List<SearchResults.Hit> hits(IndexSearcher searcher, Query matching, ScoreDoc[] page)
      throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[page.length];
    ItemSummary[] items = new ItemSummary[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = stored.document(page[i].doc, STORED_FOR_RESULTS);
      items[i] = ItemDocument.summary(docs[i]);
    }
    Snippet[] headlines = new Snippet[page.length];
    Snippet[] texts = new Snippet[page.length];
    Snippets snippets = new Snippets(searcher, queryAnalyzer);
    for (Analysis analysis : Analysis.values()) {
      int[] inLanguage =
          IntStream.range(0, page.length)
              .filter(i -> Analysis.of(items[i].section().language()) == analysis)
              .toArray();
      if (inLanguage.length == 0) {
        continue;
      }
      String headline = analysis.field(ItemDocument.HEADLINE);
      String text = analysis.field(ItemDocument.TEXT);
      Map<String, Snippet[]> cut =
          snippets.of(
              new String[] {headline, text},
              matching,
              Arrays.stream(inLanguage).map(i -> page[i].doc).toArray(),
              Arrays.stream(inLanguage).mapToObj(i -> docs[i]).toArray(Document[]::new));
      for (int j = 0; j < inLanguage.length; j++) {
        headlines[inLanguage[j]] = cut.get(headline)[j];
        texts[inLanguage[j]] = cut.get(text)[j];
      }
    }
    List<SearchResults.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      ItemSummary item = items[i];
      hits.add(
          new SearchResults.Hit(
              item,
              orPlain(headlines[i], item.headline()),
              orPlain(texts[i], item.teaser().text())));
    }
    return hits;
  }

  /** The snippet, or the whole of {@code plain} unmarked when the snippet found no match. */
  private static Snippet orPlain(Snippet snippet, String plain) {
    return snippet == null || snippet.isEmpty() ? Snippet.plain(plain) : snippet;
  }

  private IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw failure("search", e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw failure("search", e);
    }
  }

  private UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException(
        "cannot " + what + " the search index at " + where + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException ignored) {
        // already failing: the first error is the one to report
      }
    }
  }
}

package news.masthead.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.masthead.content.Copy;
import news.masthead.content.Genre;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Subject;
import news.masthead.content.Teaser;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of a published item, and the {@link ItemSummary} read back from one, so that
 * a page of results needs nothing from the database.
 *
 * <p>Text goes to the fields of the item's language's {@link Analysis}: {@code headline_…}, {@code
 * text_…} (standfirst and body, from which snippets are cut) and {@code names_…} (byline, dateline,
 * section and subjects). Headline and text keep their offsets in the postings, which is what the
 * highlighter reads. The text is stored as its UTF-8 bytes ({@link #textBytes}), so that a snippet
 * can decode only the part it is cut from. Stateless.
 */
final class ItemDocument {
  static final String ID = "id";
  static final String LANGUAGE = "language";
  static final String PROFILE = "profile";
  static final String SECTION = "section";
  static final String PUBLISHED = "published";

  static final String HEADLINE = "headline";
  static final String TEXT = "text";
  static final String NAMES = "names";
  static final List<String> TEXT_FIELDS = List.of(HEADLINE, TEXT, NAMES);

  private static final String SECTION_NAME = "section_name";
  private static final String SLUG = "slug";
  private static final String STANDFIRST = "standfirst";
  private static final String TEASER = "teaser";
  private static final String TEASER_SHORTENED = "teaser_shortened";
  private static final String BYLINE = "byline";
  private static final String GENRE = "genre";
  private static final String UPDATED = "updated";

  /** Stored fields a result needs; the long text is left for the highlighter to read. */
  static final Set<String> SUMMARY_FIELDS = summaryFields();

  /** Searchable text with offsets for the highlighter, stored for the snippets. */
  private static final FieldType HIGHLIGHTED = highlighted(true);

  /** Searchable text with offsets for the highlighter, stored apart ({@link #textBytes}). */
  private static final FieldType HIGHLIGHTED_UNSTORED = highlighted(false);

  /** Searchable text, not stored. */
  private static final FieldType SEARCHED = searched();

  private ItemDocument() {}

  static Term idTerm(ItemId id) {
    return new Term(ID, id.toString());
  }

  static Document of(Item item) {
    Copy copy = item.copy();
    Analysis analysis = Analysis.of(copy.language());
    Document doc = new Document();
    doc.add(new StringField(ID, item.id().toString(), Field.Store.YES));
    doc.add(new StringField(LANGUAGE, copy.language().code(), Field.Store.YES));
    doc.add(new StringField(PROFILE, copy.profile().code(), Field.Store.YES));
    doc.add(new StringField(SECTION, copy.section().slug().value(), Field.Store.YES));
    doc.add(new StoredField(SECTION_NAME, copy.section().name()));
    doc.add(new StoredField(SLUG, item.slug().value()));
    doc.add(new StoredField(STANDFIRST, copy.standfirst()));
    Teaser teaser = Teaser.of(copy.body());
    doc.add(new StoredField(TEASER, teaser.text()));
    doc.add(new StoredField(TEASER_SHORTENED, teaser.shortened() ? 1 : 0));
    doc.add(new StoredField(BYLINE, copy.byline().text()));
    doc.add(new StoredField(GENRE, copy.genre().name()));
    doc.add(new StoredField(UPDATED, item.updated().toEpochMilli()));
    long published = item.firstPublished().orElse(item.updated()).toEpochMilli();
    doc.add(new LongPoint(PUBLISHED, published));
    doc.add(new NumericDocValuesField(PUBLISHED, published));
    doc.add(new StoredField(PUBLISHED, published));

    doc.add(new Field(analysis.field(HEADLINE), copy.headline(), HIGHLIGHTED));
    String text = text(copy);
    doc.add(new Field(analysis.field(TEXT), text, HIGHLIGHTED_UNSTORED));
    doc.add(new StoredField(analysis.field(TEXT), new BytesRef(text)));
    doc.add(new Field(analysis.field(NAMES), names(copy), SEARCHED));
    return doc;
  }

  /** The text snippets are cut from: the standfirst, then the body. */
  static String text(Copy copy) {
    String body = copy.body().plainText();
    return copy.standfirst().isEmpty() ? body : copy.standfirst() + "\n\n" + body;
  }

  /**
   * The stored text of a result's {@code field} (a {@code text_…} field), as UTF-8 bytes; empty
   * when the document has none.
   */
  static Optional<BytesRef> textBytes(Document doc, String field) {
    return Optional.ofNullable(doc.getBinaryValue(field));
  }

  private static String names(Copy copy) {
    StringBuilder names = new StringBuilder();
    copy.byline().credits().forEach(c -> names.append(c.name()).append('\n'));
    names.append('\n').append(copy.dateline()).append('\n');
    names.append(copy.section().name());
    for (Subject subject : copy.subjects()) {
      names.append('\n').append(subject.name());
    }
    return names.toString();
  }

  /**
   * The summary of a result, read from the stored fields of {@link #SUMMARY_FIELDS}; results are
   * listed as words, without pictures.
   */
  static ItemSummary summary(Document doc) {
    Language language = new Language(doc.get(LANGUAGE));
    long published = doc.getField(PUBLISHED).numericValue().longValue();
    return new ItemSummary(
        new ItemId(Long.parseLong(doc.get(ID))),
        Profile.fromCode(doc.get(PROFILE)),
        new Section(new Slug(doc.get(SECTION)), doc.get(SECTION_NAME), language),
        new Slug(doc.get(SLUG)),
        doc.get(Analysis.of(language).field(HEADLINE)),
        doc.get(STANDFIRST),
        new Teaser(doc.get(TEASER), doc.getField(TEASER_SHORTENED).numericValue().intValue() == 1),
        doc.get(BYLINE),
        Genre.valueOf(doc.get(GENRE)),
        Optional.of(Instant.ofEpochMilli(published)),
        Instant.ofEpochMilli(doc.getField(UPDATED).numericValue().longValue()),
        Optional.empty());
  }

  private static Set<String> summaryFields() {
    Set<String> fields =
        new java.util.HashSet<>(
            Set.of(
                ID,
                LANGUAGE,
                PROFILE,
                SECTION,
                SECTION_NAME,
                SLUG,
                STANDFIRST,
                TEASER,
                TEASER_SHORTENED,
                BYLINE,
                GENRE,
                PUBLISHED,
                UPDATED));
    for (Analysis analysis : Analysis.values()) {
      fields.add(analysis.field(HEADLINE));
    }
    return Set.copyOf(fields);
  }

  private static FieldType highlighted(boolean stored) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static FieldType searched() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(false);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    type.freeze();
    return type;
  }
}

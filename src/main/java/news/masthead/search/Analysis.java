package news.masthead.search;

import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import news.masthead.content.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How the text of each language is cut into searchable words. Every language's text goes to fields
 * of its own ({@code text_en}, {@code text_fa}…), each with its analyzer, all built from Lucene's
 * own filters:
 *
 * <ul>
 *   <li>English: possessives dropped, lower case, any script's digits as 0-9, stop words dropped,
 *       Porter stemming ("elections" finds "election").
 *   <li>Persian: lower case, any script's digits as 0-9 (Persian ۰-۹, Arabic-Indic ٠-٩ and Latin
 *       match each other), Arabic and Persian forms of yeh (ي ی ى) and kaf (ك ک) as one, the
 *       zero-width non-joiner as both a join and a break ("می‌خواهند", "میخواهند" and the parts of
 *       "می خواهند" all match), stop words dropped, Persian stemming.
 *   <li>Any other language: lower case and digits as 0-9.
 * </ul>
 *
 * Immutable and thread-safe (Lucene analyzers keep their per-thread state themselves).
 */
enum Analysis {
  ENGLISH("en"),
  PERSIAN("fa"),
  OTHER("xx");

  /** The zero-width non-joiner, which joins Persian word parts without joining their letters. */
  static final char ZWNJ = '\u200C';

  private final String suffix;

  Analysis(String suffix) {
    this.suffix = suffix;
  }

  /** The analysis a language's text gets. */
  static Analysis of(Language language) {
    return switch (language.code()) {
      case "en" -> ENGLISH;
      case "fa" -> PERSIAN;
      default -> OTHER;
    };
  }

  /** This analysis's version of a text field, such as {@code headline_fa}. */
  String field(String base) {
    return base + "_" + suffix;
  }

  /** The analyzer for this language's text: for indexing when {@code indexing}, else queries. */
  Analyzer analyzer(boolean indexing) {
    return switch (this) {
      case ENGLISH -> new English();
      case PERSIAN -> new Persian(indexing);
      case OTHER -> new Other();
    };
  }

  /** One analyzer for every field of the index: each language's text fields get their own. */
  static Analyzer perField(boolean indexing) {
    Map<String, Analyzer> fields = new HashMap<>();
    for (Analysis analysis : values()) {
      Analyzer analyzer = analysis.analyzer(indexing);
      for (String base : ItemDocument.TEXT_FIELDS) {
        fields.put(analysis.field(base), analyzer);
      }
    }
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
  }

  private static final class English extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new DecimalDigitFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      result = new PorterStemFilter(result);
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String field, TokenStream in) {
      return new DecimalDigitFilter(new LowerCaseFilter(in));
    }
  }

  private static final class Persian extends Analyzer {
    /**
     * The word delimiter's character types: every character is part of a word except the zero-width
     * non-joiner, so a word is split only there (not at apostrophes, case changes or digits).
     */
    private static final byte[] ONLY_ZWNJ_DELIMITS = onlyZwnjDelimits();

    private static final NormalizeCharMap WITHOUT_ZWNJ = withoutZwnj();

    private final boolean indexing;

    Persian(boolean indexing) {
      this.indexing = indexing;
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer(); // keeps a ZWNJ inside its word (UAX #29)
      TokenStream result = new LowerCaseFilter(source);
      result = new DecimalDigitFilter(result);
      result = new ArabicNormalizationFilter(result);
      result = new PersianNormalizationFilter(result);
      // "می‌خواهند" becomes "میخواهند" (joined) and "می", "خواهند" (parts), at their positions.
      result =
          new WordDelimiterGraphFilter(
              result,
              false,
              ONLY_ZWNJ_DELIMITS,
              WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                  | WordDelimiterGraphFilter.CATENATE_WORDS,
              null);
      if (indexing) {
        result = new FlattenGraphFilter(result); // an index holds no token graphs
      }
      result = new StopFilter(result, PersianAnalyzer.getDefaultStopSet());
      result = new PersianStemFilter(result);
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected Reader initReaderForNormalization(String field, Reader reader) {
      return new MappingCharFilter(WITHOUT_ZWNJ, reader); // "می‌خوا*" finds "میخواهند"
    }

    @Override
    protected TokenStream normalize(String field, TokenStream in) {
      TokenStream result = new LowerCaseFilter(in);
      result = new DecimalDigitFilter(result);
      result = new ArabicNormalizationFilter(result);
      return new PersianNormalizationFilter(result);
    }

    private static byte[] onlyZwnjDelimits() {
      byte[] types = new byte[Character.MAX_VALUE + 1];
      Arrays.fill(types, (byte) WordDelimiterIterator.ALPHA);
      // The library's own code for a delimiter, as its default table gives the hyphen.
      types[ZWNJ] = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE['-'];
      return types;
    }

    private static NormalizeCharMap withoutZwnj() {
      NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
      map.add(String.valueOf(ZWNJ), "");
      return map.build();
    }
  }

  private static final class Other extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new DecimalDigitFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String field, TokenStream in) {
      return new DecimalDigitFilter(new LowerCaseFilter(in));
    }
  }
}

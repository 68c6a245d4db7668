package news.masthead.newsroom;

import com.ibm.icu.util.ULocale;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Language;

/**
 * Where a client address is, as a country named in the reader's language, from an MMDB country
 * database the outlet supplies (MaxMind's GeoLite2 Country or DB-IP's IP to Country Lite); with
 * none, nothing. For showing staff where their sessions were seen. Thread-safe.
 */
public final class Places implements AutoCloseable {
  private final Optional<Reader> reader;

  /**
   * @throws UncheckedIOException when the database cannot be read
   */
  public Places(Optional<Path> database) {
    this.reader =
        database.map(
            path -> {
              try {
                return new Reader(path.toFile());
              } catch (IOException e) {
                throw new UncheckedIOException("cannot read the country database " + path, e);
              }
            });
  }

  /** The country of an address in {@code language}, or empty when unknown. */
  public Optional<String> of(String address, Language language) {
    if (reader.isEmpty() || address.isEmpty() || !address.matches("[0-9a-fA-F:.\\[\\]]+")) {
      return Optional.empty();
    }
    try {
      InetAddress at = InetAddress.getByName(address.replace("[", "").replace("]", ""));
      @SuppressWarnings("unchecked")
      Map<String, Object> record = reader.get().get(at, Map.class);
      return isoCode(record)
          .map(code -> new ULocale("", code).getDisplayCountry(new ULocale(language.code())));
    } catch (UnknownHostException e) {
      return Optional.empty(); // only literal addresses reach here, so this is a malformed one
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the country database", e);
    }
  }

  /** {@code country.iso_code} (MaxMind) or {@code country_code} (DB-IP Lite, ip-location-db). */
  private static Optional<String> isoCode(Map<String, Object> record) {
    if (record == null) {
      return Optional.empty();
    }
    if (record.get("country") instanceof Map<?, ?> country
        && country.get("iso_code") instanceof String code) {
      return Optional.of(code);
    }
    if (record.get("country_code") instanceof String code) {
      return Optional.of(code);
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    reader.ifPresent(
        r -> {
          try {
            r.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}

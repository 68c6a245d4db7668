package news.masthead.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Locale;
import news.masthead.content.Copy;
import news.masthead.content.Credit;
import news.masthead.content.Source;
import news.masthead.content.Subject;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The text the newsroom's search looks through for an item's newest revision, drafts included: its
 * headline, standfirst, byline, dateline, body, subjects and sources, in lower case, in {@code
 * items.desk_text}. Never read by the public site.
 */
final class DeskText {
  private DeskText() {}

  static String of(Copy copy) {
    StringBuilder text = new StringBuilder();
    text.append(copy.headline()).append('\n').append(copy.standfirst()).append('\n');
    for (Credit credit : copy.byline().credits()) {
      text.append(credit.name()).append('\n');
    }
    text.append(copy.dateline()).append('\n');
    for (Subject subject : copy.subjects()) {
      text.append(subject.name()).append('\n');
    }
    for (Source source : copy.sources()) {
      text.append(source.name()).append('\n');
    }
    text.append(copy.body().plainText());
    return normalised(text.toString());
  }

  /** Text as it is stored and searched: NFKC, lower case, Persian and Arabic letters made one. */
  static String normalised(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replace('ي', 'ی')
        .replace('ك', 'ک');
  }

  /**
   * Schema version 7: adds {@code items.desk_text} and fills it from each item's newest copy. In
   * Java, as the text is made from the stored copy's JSON.
   */
  static final class Migration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
      return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
      return "desk search text";
    }

    @Override
    public Integer getChecksum() {
      return 7;
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
      Connection connection = context.getConnection();
      boolean added;
      try (ResultSet column =
          connection.getMetaData().getColumns(null, null, "items", "desk_text")) {
        added = column.next();
      }
      if (!added) { // a migration run again after its history row was removed
        try (Statement add = connection.createStatement()) {
          add.execute("ALTER TABLE items ADD COLUMN desk_text TEXT NOT NULL DEFAULT ''");
        }
      }
      try (Statement read = connection.createStatement();
          ResultSet newest =
              read.executeQuery(
                  "SELECT i.id, r.copy FROM items i JOIN revisions r ON r.item_id = i.id AND"
                      + " r.number = i.revision");
          PreparedStatement write =
              connection.prepareStatement("UPDATE items SET desk_text = ? WHERE id = ?")) {
        int batched = 0;
        while (newest.next()) {
          write.setString(1, of(CopyJson.read(newest.getString("copy"))));
          write.setLong(2, newest.getLong("id"));
          write.addBatch();
          if (++batched % 500 == 0) {
            write.executeBatch();
          }
        }
        write.executeBatch();
      }
    }
  }
}

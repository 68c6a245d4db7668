package news.masthead.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Masthead;
import news.masthead.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code masthead migrate}: brings the database schema up to date, then exits. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Brings the database's schema up to date and exits (serve does this too).")
final class MigrateCommand implements Callable<Integer> {
  @Mixin Flags flags;

  @Override
  public Integer call() {
    try (Masthead masthead = Masthead.open(flags.settings(Map.of()), Database.SchemaCheck.FULL)) {
      System.out.println("The schema of " + masthead.database().description() + " is up to date.");
    }
    return 0;
  }
}

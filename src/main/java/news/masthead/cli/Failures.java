package news.masthead.cli;

import news.masthead.app.Settings;
import news.masthead.search.IndexUnavailable;
import news.masthead.store.StoreFailure;
import picocli.CommandLine;

/**
 * Turns failures a user can fix (a bad setting, an unreachable database, an unreadable file) into
 * one clear line on standard error and exit code 1; anything else keeps its stack trace.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    if (e instanceof Settings.InvalidSetting
        || e instanceof StoreFailure
        || e instanceof IndexUnavailable
        || e instanceof java.io.UncheckedIOException
        || e instanceof news.masthead.app.Backups.BackupRefused
        || e instanceof news.masthead.ingest.NinjsRestore.Unrestorable) {
      commandLine.getErr().println("masthead: " + e.getMessage());
      return 1;
    }
    throw new IllegalStateException(e);
  }
}

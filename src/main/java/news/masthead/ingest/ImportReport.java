package news.masthead.ingest;

import java.util.List;

/**
 * What an import did: how many items it created, how many it updated with a new revision, and each
 * item it rejected with where it was and why.
 */
public record ImportReport(int imported, int updated, List<Problem> problems) {
  public ImportReport {
    problems = List.copyOf(problems);
  }

  public int rejected() {
    return problems.size();
  }

  /** A rejected item: its file and line, and the reason. */
  public record Problem(String file, int line, String reason) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + reason;
    }
  }
}

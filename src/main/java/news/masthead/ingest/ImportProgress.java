package news.masthead.ingest;

/** Told how an import goes, for a progress bar or progress lines. Called on the import thread. */
public interface ImportProgress {
  /** The import begins; {@code expected} is the number of items, or -1 when not known. */
  void started(long expected);

  /** One more item was imported, updated or rejected. */
  void advanced(ImportReport.Problem problemOrNull);

  /** The import is over. */
  void finished(ImportReport report);

  /** Progress that goes nowhere. */
  ImportProgress SILENT =
      new ImportProgress() {
        @Override
        public void started(long expected) {}

        @Override
        public void advanced(ImportReport.Problem problemOrNull) {}

        @Override
        public void finished(ImportReport report) {}
      };
}

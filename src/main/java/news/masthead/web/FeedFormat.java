package news.masthead.web;

/** The three feed formats, each with its file name and media type. */
public enum FeedFormat {
  RSS("feed.xml", "application/rss+xml; charset=utf-8", "RSS"),
  ATOM("atom.xml", "application/atom+xml; charset=utf-8", "Atom"),
  JSON("feed.json", "application/feed+json; charset=utf-8", "JSON Feed");

  private final String fileName;
  private final String mediaType;
  private final String label;

  FeedFormat(String fileName, String mediaType, String label) {
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.label = label;
  }

  /**
   * The last segment of the feed's address: {@code feed.xml}, {@code atom.xml}, {@code feed.json}.
   */
  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The media type without parameters, for {@code <link type>}. */
  public String linkType() {
    return mediaType.substring(0, mediaType.indexOf(';'));
  }

  public String label() {
    return label;
  }
}

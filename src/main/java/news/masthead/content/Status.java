package news.masthead.content;

/**
 * Where an item stands. Only a {@link Published} item is shown to readers; a {@link Retracted} one
 * answers 410 Gone with its notice; the others are not public at all.
 */
public sealed interface Status {
  /** The status word stored and exchanged: draft, submitted, published, withheld, retracted. */
  String code();

  boolean isPublic();

  /** What the status carries besides its code, as stored: a retraction's notice, a time. */
  default String detail() {
    return "";
  }

  /**
   * Whether this status belongs to the desk alone (a draft, or one submitted for review): a
   * revision with it never changes what readers see of an item that was already published.
   */
  default boolean isDeskOnly() {
    return this instanceof Draft || this instanceof Submitted || this instanceof Scheduled;
  }

  /** Being written; not public. */
  record Draft() implements Status {
    @Override
    public String code() {
      return "draft";
    }

    @Override
    public boolean isPublic() {
      return false;
    }
  }

  /** Submitted for an editor's review; not public. */
  record Submitted() implements Status {
    @Override
    public String code() {
      return "submitted";
    }

    @Override
    public boolean isPublic() {
      return false;
    }
  }

  /** To be published at a time (an embargo until then); not public before it. */
  record Scheduled(java.time.Instant at) implements Status {
    public Scheduled {
      if (at == null) {
        throw new InvalidContent("a schedule needs the time to publish at");
      }
    }

    @Override
    public String code() {
      return "scheduled";
    }

    @Override
    public boolean isPublic() {
      return false;
    }

    @Override
    public String detail() {
      return at.toString();
    }
  }

  /** Public on the site and in feeds. */
  record Published() implements Status {
    @Override
    public String code() {
      return "published";
    }

    @Override
    public boolean isPublic() {
      return true;
    }
  }

  /** Held back (legal, embargo, ninjs {@code withheld}); answers 404 as if never published. */
  record Withheld() implements Status {
    @Override
    public String code() {
      return "withheld";
    }

    @Override
    public boolean isPublic() {
      return false;
    }
  }

  /** Taken down after publication; its URL answers 410 with the notice. */
  record Retracted(String notice) implements Status {
    public Retracted {
      notice = notice == null ? "" : notice.strip();
    }

    @Override
    public String code() {
      return "retracted";
    }

    @Override
    public String detail() {
      return notice;
    }

    @Override
    public boolean isPublic() {
      return false;
    }
  }

  static Status fromCode(String code, String notice) {
    return switch (code) {
      case "draft" -> new Draft();
      case "submitted" -> new Submitted();
      case "scheduled" -> {
        try {
          yield new Scheduled(java.time.Instant.parse(notice));
        } catch (java.time.format.DateTimeParseException e) {
          throw new InvalidContent(
              "a schedule's time must be an ISO instant, not \"" + notice + "\"");
        }
      }
      case "published" -> new Published();
      case "withheld" -> new Withheld();
      case "retracted" -> new Retracted(notice);
      default -> throw new InvalidContent("unknown status \"" + code + "\"");
    };
  }
}

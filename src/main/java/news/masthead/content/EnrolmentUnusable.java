package news.masthead.content;

/** An enrolment link that was used already, has expired, or was never issued. */
public final class EnrolmentUnusable extends RuntimeException {
  public EnrolmentUnusable(String why) {
    super(why);
  }
}

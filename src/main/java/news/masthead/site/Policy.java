package news.masthead.site;

import java.util.Optional;

/**
 * The publisher's Trust Project policy pages, each at {@code /about/<slug>} and each named in the
 * publisher's structured data by its schema.org property.
 */
public enum Policy {
  CORRECTIONS("corrections", "correctionsPolicy"),
  ETHICS("ethics", "ethicsPolicy"),
  UNNAMED_SOURCES("unnamed-sources", "unnamedSourcesPolicy"),
  FACT_CHECKING("fact-checking", "verificationFactCheckingPolicy"),
  OWNERSHIP("ownership", "ownershipFundingInfo"),
  DIVERSITY("diversity", "diversityPolicy"),
  FEEDBACK("feedback", "actionableFeedbackPolicy"),
  MASTHEAD("masthead", "masthead");

  private final String slug;
  private final String schemaProperty;

  Policy(String slug, String schemaProperty) {
    this.slug = slug;
    this.schemaProperty = schemaProperty;
  }

  public String slug() {
    return slug;
  }

  public String path() {
    return "/about/" + slug;
  }

  /** The schema.org NewsMediaOrganization property that links this policy. */
  public String schemaProperty() {
    return schemaProperty;
  }

  public static Optional<Policy> fromSlug(String slug) {
    for (Policy policy : values()) {
      if (policy.slug.equals(slug)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}

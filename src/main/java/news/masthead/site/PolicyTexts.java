package news.masthead.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Language;

/**
 * The texts of the policy pages in each edition. The first edition's are the outlet's own from
 * {@code <data>/policies/<slug>.txt} when present, else the defaults in the jar; another edition's
 * are the outlet's {@code <data>/policies/<code>/<slug>.txt}, and until the outlet writes one, its
 * page says in its language that the text is not written yet and links the first edition's. A
 * text's first line is its title and blank lines separate its paragraphs; it is shown as plain,
 * escaped text. Read once, at start; immutable.
 */
public final class PolicyTexts {
  /**
   * One policy's title and paragraphs in one edition.
   *
   * @param original the page in the first edition, when this edition has no text of its own
   */
  public record Text(String title, List<String> paragraphs, Optional<Original> original) {}

  /** The page of a policy in the language it is written in. */
  public record Original(Language language, String path) {}

  private final Map<Language, Map<Policy, Text>> texts = new HashMap<>();

  PolicyTexts(Outlet outlet) {
    Language first = outlet.defaultLanguage();
    for (Language language : outlet.editions()) {
      Map<Policy, Text> own = new EnumMap<>(Policy.class);
      for (Policy policy : Policy.values()) {
        Optional<String> text =
            language.equals(first)
                ? Optional.of(read(policy, outlet.policies(), "", true).orElseThrow())
                : read(policy, outlet.policies(), language.code() + "/", false);
        own.put(
            policy,
            text.map(PolicyTexts::parse)
                .orElseGet(
                    () ->
                        new Text(
                            outlet.messages(language).t("policy." + policy.name()),
                            List.of(),
                            Optional.of(
                                new Original(first, outlet.paths().page(first, policy.path()))))));
      }
      texts.put(language, own);
    }
  }

  Text of(Policy policy, Language language) {
    return texts.get(language).get(policy);
  }

  private static Optional<String> read(
      Policy policy, Optional<Path> overrides, String folder, boolean shipped) {
    if (overrides.isPresent()) {
      Path own = overrides.get().resolve(folder + policy.slug() + ".txt");
      if (Files.isRegularFile(own)) {
        try {
          return Optional.of(Files.readString(own, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the policy page " + own, e);
        }
      }
    }
    if (!shipped) {
      return Optional.empty();
    }
    try (InputStream in =
        PolicyTexts.class.getResourceAsStream("/site/policies/" + policy.slug() + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("the default " + policy.slug() + " policy is missing");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Text parse(String text) {
    String[] blocks = text.strip().split("\\R\\s*\\R");
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i < blocks.length; i++) {
      paragraphs.add(blocks[i].strip().replaceAll("\\s+", " "));
    }
    return new Text(blocks[0].strip(), paragraphs, Optional.empty());
  }
}

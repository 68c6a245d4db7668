package news.masthead.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of the policy pages: the outlet's own from {@code <data>/policies/<slug>.txt} when
 * present, else the defaults in the jar. A text's first line is its title and blank lines separate
 * its paragraphs; it is shown as plain, escaped text. Read once, at start; immutable.
 */
public final class PolicyTexts {
  /** One policy's title and paragraphs. */
  public record Text(String title, List<String> paragraphs) {}

  private final Map<Policy, Text> texts = new EnumMap<>(Policy.class);

  PolicyTexts(Optional<Path> overrides) {
    for (Policy policy : Policy.values()) {
      texts.put(policy, parse(read(policy, overrides)));
    }
  }

  Text of(Policy policy) {
    return texts.get(policy);
  }

  private static String read(Policy policy, Optional<Path> overrides) {
    if (overrides.isPresent()) {
      Path own = overrides.get().resolve(policy.slug() + ".txt");
      if (Files.isRegularFile(own)) {
        try {
          return Files.readString(own, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the policy page " + own, e);
        }
      }
    }
    try (InputStream in =
        PolicyTexts.class.getResourceAsStream("/site/policies/" + policy.slug() + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("the default " + policy.slug() + " policy is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
    return new Text(blocks[0].strip(), paragraphs);
  }
}

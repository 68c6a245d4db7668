package news.masthead.together;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyEngineTest {
  private static final String DOC =
      "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}]}";

  @Test
  void the_engine_applies_a_typed_word_and_refuses_an_unknown_step() {
    try (BodyEngine engine = new BodyEngine()) {
      long started = System.nanoTime();
      engine.text("keep", 7, 0, DOC);
      String typed =
          engine.text(
              "check",
              7,
              0,
              "[{\"stepType\":\"replace\",\"from\":6,\"to\":6,\"slice\":{\"content\":[{\"type\":\"text\",\"text\":\" world\"}]}}]",
              100000);
      assertThat(typed).doesNotContain("error");
      engine.call("commit", 7, 1);
      assertThat(engine.text("docOf", 7)).contains("Hello world");
      assertThat(engine.text("check", 7, 1, "[{\"stepType\":\"explode\"}]", 100000))
          .contains("unknown type");
      assertThat(
              engine.text(
                  "check",
                  7,
                  1,
                  "[{\"stepType\":\"replace\",\"from\":600,\"to\":600,\"slice\":{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}}]",
                  100000))
          .contains("error");
      System.out.println("engine ms " + (System.nanoTime() - started) / 1_000_000);
    }
  }
}

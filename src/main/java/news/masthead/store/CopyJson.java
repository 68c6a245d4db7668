package news.masthead.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.util.ArrayList;
import java.util.List;
import news.masthead.content.Block;
import news.masthead.content.Byline;
import news.masthead.content.Copy;
import news.masthead.content.Credit;
import news.masthead.content.Inline;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The stored form of a revision's {@link Copy}: JSON with a {@code type} on every block and run.
 * Revisions are kept forever, so fields may be added here but never renamed. Thread-safe.
 */
final class CopyJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultVisibility(
              v ->
                  v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                      .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
          .addMixIn(Block.class, BlockTypes.class)
          .addMixIn(Inline.class, InlineTypes.class)
          .addModule(new SimpleModule().addDeserializer(Byline.class, new BylineReader()))
          .build();

  private CopyJson() {}

  static String write(Copy copy) {
    return MAPPER.writeValueAsString(copy);
  }

  static Copy read(String json) {
    return MAPPER.readValue(json, Copy.class);
  }

  /**
   * Reads a byline as written since credits had roles ({@code {"credits": [{"name", "role"}]}}) or
   * as one line of text, as revisions saved before then hold it.
   */
  private static final class BylineReader extends ValueDeserializer<Byline> {
    @Override
    public Byline deserialize(JsonParser parser, DeserializationContext context) {
      JsonNode node = context.readTree(parser);
      if (node.isString()) {
        return Byline.parse(node.stringValue());
      }
      List<Credit> credits = new ArrayList<>();
      for (JsonNode credit : node.path("credits").values()) {
        credits.add(
            new Credit(
                credit.path("name").asString(""),
                Credit.Role.valueOf(credit.path("role").asString("REPORTING"))));
      }
      return new Byline(credits);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
    @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
    @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
    @JsonSubTypes.Type(value = Block.ListBlock.class, name = "list"),
    @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
    @JsonSubTypes.Type(value = Block.LibraryPicture.class, name = "picture"),
    @JsonSubTypes.Type(value = Block.Embed.class, name = "embed")
  })
  private interface BlockTypes {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Inline.Text.class, name = "text"),
    @JsonSubTypes.Type(value = Inline.Link.class, name = "link")
  })
  private interface InlineTypes {}
}

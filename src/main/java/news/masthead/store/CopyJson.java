package news.masthead.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import news.masthead.content.Block;
import news.masthead.content.Copy;
import news.masthead.content.Inline;
import tools.jackson.databind.json.JsonMapper;

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
          .build();

  private CopyJson() {}

  static String write(Copy copy) {
    return MAPPER.writeValueAsString(copy);
  }

  static Copy read(String json) {
    return MAPPER.readValue(json, Copy.class);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
    @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
    @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
    @JsonSubTypes.Type(value = Block.ListBlock.class, name = "list"),
    @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
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

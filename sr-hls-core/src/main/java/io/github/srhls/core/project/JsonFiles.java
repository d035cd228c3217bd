package io.github.srhls.core.project;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes the JSON files sr-hls leaves for later goals. Output is pretty-printed with two-space indents,
 * {@code \n} line ends on every OS and a final newline, and properties in the order the types declare them, so
 * the same value always gives the same bytes.
 */
public final class JsonFiles {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonFiles() {}

  /** The JSON text of a value, ending in a newline. */
  public static String toJson(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  /** Writes a value as JSON, creating the parent directories. */
  public static void write(Path file, Object value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, toJson(value), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SrHlsException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON file strictly: unknown, missing and null-for-number properties are errors. Problems are
   * reported as {@code file:line:column: message}.
   */
  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      Throwable cause = e.getCause();
      String what = cause instanceof SrHlsException || cause instanceof IllegalArgumentException
          ? cause.getMessage()
          : e.getOriginalMessage();
      var location = e.getLocation();
      String where = location == null || location.getLineNr() < 1
          ? file.toString()
          : file + ":" + location.getLineNr() + ":" + location.getColumnNr();
      throw new SrHlsException(where + ": " + what, e);
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * What {@link #read} reads, or nothing when the file is missing or does not hold such a value (it was written by
   * another sr-hls version, or damaged): for state files whose loss only means starting afresh.
   */
  public static <T> Optional<T> readIfValid(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(file, type));
    } catch (SrHlsException e) {
      return Optional.empty();
    }
  }

  /** A value as a JSON object tree, to combine it with others before writing. */
  public static ObjectNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A JSON tree as a value of the type, as strictly as {@link #read}. */
  public static <T> T fromTree(ObjectNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SrHlsException(e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a file holding a JSON object, keeping its properties in file order; the file may be in any file system
   * (a zip's, for a packaged copy).
   */
  public static ObjectNode readObject(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      if (MAPPER.readTree(in) instanceof ObjectNode object) {
        return object;
      }
      throw new SrHlsException(file + ": expected a JSON object");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SrHlsException(file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

package io.github.srhls.core.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Walks Jackson's token stream of one YAML or JSON document into a {@link DocumentValue} tree that keeps every
 * value's line and column. Jackson rejects duplicate keys ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}).
 */
final class TreeReader {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A SnakeYAML event as Jackson quotes it in a message: an internal class name the user must not see. */
  private static final Pattern EVENT =
      Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\(.*?\\)>", Pattern.DOTALL);

  private final SourceText source;
  private final boolean json;

  private TreeReader(SourceText source, boolean json) {
    this.source = source;
    this.json = json;
  }

  /** Reads the one document of a file; its top level must be a mapping. */
  static DocumentValue.Mapping readDocument(SourceText source, boolean json, String whatTheFileIs) {
    return new TreeReader(source, json).document(whatTheFileIs);
  }

  private DocumentValue.Mapping document(String whatTheFileIs) {
    try (JsonParser p = json ? JSON.createParser(source.text()) : YAML.createParser(source.text())) {
      try {
        return root(p, whatTheFileIs);
      } catch (JsonProcessingException e) {
        throw syntaxError(e, p);
      }
    } catch (IOException e) {
      // the parser reads from a String: this is no I/O failure of the user's
      throw new UncheckedIOException(e);
    }
  }

  private DocumentValue.Mapping root(JsonParser p, String whatTheFileIs) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw SrHlsException.at(source.at(1, 1), "the file is empty; " + whatTheFileIs);
    }
    DocumentValue root = value(p, first);
    if (!(root instanceof DocumentValue.Mapping mapping)) {
      throw SrHlsException.at(root.at(), "expected a mapping of keys at the top, found " + root.describe()
          + "; " + whatTheFileIs);
    }
    if (p.nextToken() != null) {
      throw SrHlsException.at(tokenStart(p), "the file holds more than one document; keep only the first");
    }
    return mapping;
  }

  private DocumentValue value(JsonParser p, JsonToken token) throws IOException {
    SourcePosition at = tokenStart(p);
    switch (token) {
      case START_OBJECT: {
        Map<String, DocumentValue.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          SourcePosition keyAt = textStart(p);
          entries.put(key, new DocumentValue.Entry(key, keyAt, value(p, p.nextToken())));
        }
        return new DocumentValue.Mapping(at, entries);
      }
      case START_ARRAY: {
        List<DocumentValue> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(value(p, t));
        }
        return new DocumentValue.Sequence(at, items);
      }
      case VALUE_STRING:
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
          throw SrHlsException.at(at, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
        }
        return scalar(p, DocumentValue.ScalarKind.STRING, null);
      case VALUE_NUMBER_INT:
        return scalar(p, DocumentValue.ScalarKind.INTEGER, p.getNumberValue());
      case VALUE_NUMBER_FLOAT:
        return scalar(p, DocumentValue.ScalarKind.DECIMAL, decimal(p));
      case VALUE_TRUE:
        return scalar(p, DocumentValue.ScalarKind.TRUE, null);
      case VALUE_FALSE:
        return scalar(p, DocumentValue.ScalarKind.FALSE, null);
      case VALUE_NULL:
        return scalar(p, DocumentValue.ScalarKind.NULL, null);
      default:
        throw SrHlsException.at(at, "unsupported value (" + token + "); write text, a number, a list or a mapping");
    }
  }

  /** YAML's special floats are numbers to Jackson's YAML parser, but it cannot convert them. */
  private static Number decimal(JsonParser p) throws IOException {
    return switch (p.getText()) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN" -> Double.NaN;
      default -> p.getNumberValue();
    };
  }

  private DocumentValue.Scalar scalar(JsonParser p, DocumentValue.ScalarKind kind, Number number)
      throws IOException {
    return new DocumentValue.Scalar(tokenStart(p), textStart(p), kind, p.getText(), number);
  }

  private SourcePosition tokenStart(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return source.at(l.getLineNr(), l.getColumnNr());
  }

  /** Where the text of the current scalar or key begins: past an opening quote, or a block scalar's indicator. */
  private SourcePosition textStart(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int column = l.getColumnNr();
    int c = source.charAt(line, column);
    if (c == '"' || c == '\'') {
      return source.at(line, column + 1);
    }
    if (!json && (c == '|' || c == '>')) {
      return source.firstContentLineAfter(line);
    }
    return source.at(line, column);
  }

  private SrHlsException syntaxError(JsonProcessingException e, JsonParser p) {
    String language = json ? "JSON" : "YAML";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        // SnakeYAML's marks are exact; the location Jackson copies from them is that of the last good token
        Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        StringBuilder msg = new StringBuilder(language).append(" syntax error: ").append(m.getProblem());
        if (m.getContext() != null && m.getContextMark() != null) {
          msg.append(" (").append(m.getContext()).append(" started at line ")
              .append(m.getContextMark().getLine() + 1).append(')');
        }
        msg.append(m.getProblem().contains("TAB") ? "; indent with spaces, not tabs"
            : "; check the indentation, and quote values that contain ': ', ' #', '[' or '{'");
        return SrHlsException.at(source.at(mark.getLine() + 1, mark.getColumn() + 1), msg.toString());
      }
    }
    // JSON's error location is exact; the YAML parser's is just past the token, whose start is better
    SourcePosition at = json ? location(e.getLocation()) : tokenStart(p);
    String problem = e.getOriginalMessage();
    if (!json && problem.startsWith("Expected a field name")) {
      return SrHlsException.at(at, "expected a key (plain text) but found " + eventWords(problem) + "; a key cannot"
          + " be a mapping or a list: write key: value, and quote a key that holds '{', '[', ':' or '?'");
    }
    problem = EVENT.matcher(problem).replaceAll(m -> eventWords(m.group()));
    if (problem.startsWith("Duplicate field ")) {
      return SrHlsException.at(at, "duplicate key " + problem.substring("Duplicate field ".length())
          + ": a key may appear only once in a mapping; remove or rename one");
    }
    return SrHlsException.at(at, language + " syntax error: " + problem);
  }

  /** What a SnakeYAML event in a Jackson message ({@code <org.yaml.snakeyaml.events.MappingStartEvent(...)>}) is. */
  private static String eventWords(String problem) {
    Matcher m = EVENT.matcher(problem);
    if (!m.find()) {
      return "something else";
    }
    return switch (m.group(1)) {
      case "MappingStart" -> "a mapping";
      case "SequenceStart" -> "a list";
      case "MappingEnd", "SequenceEnd" -> "the end of a mapping or list";
      case "Scalar" -> "a value";
      case "Alias" -> "an alias";
      default -> "the end of the document";
    };
  }

  private SourcePosition location(JsonLocation l) {
    return l == null ? SourcePosition.of(source.shownAs()) : source.at(l.getLineNr(), l.getColumnNr());
  }
}

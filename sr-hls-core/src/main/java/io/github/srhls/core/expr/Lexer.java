package io.github.srhls.core.expr;

import io.github.srhls.core.diag.Echo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Splits expression text into tokens. Operators from both syntaxes ({@code **} and {@code ^}) become one token
 * kind; comparison and logic operators, which PySR can emit but firmware arithmetic cannot express, are rejected
 * here with a message saying so.
 */
final class Lexer {
  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  /** The tokens of {@code src}, ending with one {@link Token.Kind#END} token. */
  static List<Token> tokenize(String src) {
    Lexer lexer = new Lexer(src);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
      if (pos >= src.length()) {
        tokens.add(new Token(Token.Kind.END, "", 0, pos, pos));
        return;
      }
      char c = src.charAt(pos);
      if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (isNameStart(c)) {
        name();
      } else {
        symbol(c);
      }
    }
  }

  private void number() {
    int start = pos;
    // take the whole run a reader would see as one word, so "1.2.3" or "2x" is one bad number, not two tokens
    while (pos < src.length()) {
      char c = src.charAt(pos);
      boolean exponentSign = (c == '+' || c == '-') && isExponentMarker(src.charAt(pos - 1))
          && pos - 2 >= start && (isDigit(src.charAt(pos - 2)) || src.charAt(pos - 2) == '.');
      if (isDigit(c) || c == '.' || isNamePart(c) || exponentSign) {
        pos++;
      } else {
        break;
      }
    }
    String text = src.substring(start, pos);
    OptionalDouble value = NumberLiteral.parse(text);
    if (value.isEmpty()) {
      throw new ExprException(NumberLiteral.isWellFormed(text)
          ? "number '" + Echo.of(text) + "' is too large for a double"
          : "bad number '" + Echo.of(text) + "'", start, pos);
    }
    tokens.add(new Token(Token.Kind.NUMBER, text, value.getAsDouble(), start, pos));
  }

  private void name() {
    int start = pos;
    pos++;
    while (pos < src.length() && isNamePart(src.charAt(pos))) {
      pos++;
    }
    tokens.add(new Token(Token.Kind.NAME, src.substring(start, pos), 0, start, pos));
  }

  private void symbol(char c) {
    int start = pos;
    char next = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
    switch (c) {
      case '+' -> add(Token.Kind.PLUS, 1);
      case '-' -> add(Token.Kind.MINUS, 1);
      case '*' -> add(next == '*' ? Token.Kind.POWER : Token.Kind.STAR, next == '*' ? 2 : 1);
      case '/' -> add(Token.Kind.SLASH, 1);
      case '^' -> add(Token.Kind.POWER, 1);
      case '(' -> add(Token.Kind.OPEN, 1);
      case ')' -> add(Token.Kind.CLOSE, 1);
      case ',' -> add(Token.Kind.COMMA, 1);
      case '<', '>' -> throw unsupported(next == '=' ? 2 : 1, "comparison");
      case '!' -> throw unsupported(next == '=' ? 2 : 1, next == '=' ? "comparison" : "logical operator");
      case '=' -> {
        if (next == '=') {
          throw unsupported(2, "comparison");
        }
        throw new ExprException("'=' is not allowed in an expression; give only the right-hand side", start,
            start + 1);
      }
      case '&', '|' -> throw unsupported(next == c ? 2 : 1, "logical operator");
      case '~' -> throw unsupported(1, "logical operator");
      case '#' -> throw new ExprException(
          "'#' marks a PySR template-expression argument; template expressions are not supported, write the"
              + " combined expression instead", start, start + 1);
      default -> throw new ExprException("unexpected character " + describe(c), start, start + 1);
    }
  }

  private void add(Token.Kind kind, int length) {
    tokens.add(new Token(kind, src.substring(pos, pos + length), 0, pos, pos + length));
    pos += length;
  }

  private ExprException unsupported(int length, String what) {
    return new ExprException(what + " '" + src.substring(pos, pos + length)
        + "' is not supported: sr-hls compiles arithmetic expressions only", pos, pos + length);
  }

  private static String describe(char c) {
    return c >= ' ' && c < 0x7f ? "'" + c + "'"
        : "'" + c + "' (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isExponentMarker(char c) {
    return c == 'e' || c == 'E' || c == 'f';
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** Letters, digits, underscore and the subscript digits PySR's pretty printer uses ({@code x₁}). */
  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || (c >= '\u2080' && c <= '\u2089');
  }
}

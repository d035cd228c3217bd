package io.github.srhls.core.expr;

import io.github.srhls.core.diag.Echo;

/** One lexical token of an expression; {@code value} is meaningful for numbers only. */
record Token(Kind kind, String text, double value, int start, int end) {

  enum Kind {
    NUMBER, NAME, PLUS, MINUS, STAR, SLASH, POWER, OPEN, CLOSE, COMMA, END
  }

  /** How the token reads in a message: {@code 'x0'}, or "the end of the expression". */
  String describe() {
    return kind == Kind.END ? "the end of the expression" : "'" + Echo.of(text) + "'";
  }
}

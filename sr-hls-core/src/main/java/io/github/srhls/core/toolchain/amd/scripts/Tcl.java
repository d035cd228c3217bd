package io.github.srhls.core.toolchain.amd.scripts;

/** Writing values into Tcl scripts so that Tcl reads back exactly the text, whatever it contains. */
final class Tcl {
  private Tcl() {}

  /**
   * A double-quoted Tcl word. Inside double quotes Tcl substitutes {@code $var}, {@code [command]} and backslash
   * sequences, so each of {@code \ " $ [ ]} gets a backslash; the text is already one line.
   */
  static String quoted(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a Tcl word written by sr-hls is one line");
    }
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"' || c == '$' || c == '[' || c == ']') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('"').toString();
  }
}

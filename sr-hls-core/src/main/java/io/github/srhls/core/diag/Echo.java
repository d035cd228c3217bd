package io.github.srhls.core.diag;

/**
 * A user's text quoted in a message, cut to a readable length: a 200,000-digit token must not make a 200 kB
 * message.
 */
public final class Echo {
  /** How many characters of a long text a message shows. */
  public static final int SHOWN = 40;

  private Echo() {}

  /** {@code text} as it is when short, else its first {@value #SHOWN} characters and its length. */
  public static String of(String text) {
    if (text.length() <= SHOWN) {
      return text;
    }
    int cut = SHOWN;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "… (" + text.length() + " characters)";
  }
}

package io.github.srhls.core.fixed;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arbitrary-precision fixed-point type in the vendor's notation: {@code ap_fixed<W,I,Q,O,N>},
 * {@code ap_ufixed<...>}, {@code ap_int<W>}, {@code ap_uint<W>}. A value is a W-bit two's-complement (or unsigned)
 * integer V read as V * 2^-(W-I).
 *
 * @param signed two's complement (ap_fixed, ap_int) or unsigned (ap_ufixed, ap_uint)
 * @param width W, total bits, at least 1
 * @param intBits I, integer bits including the sign bit; may be negative or larger than W
 * @param quantization Q
 * @param overflow O
 * @param saturationBits N, used by the wrap modes
 * @param integer written as ap_int / ap_uint (then I == W and the modes are the defaults)
 */
public record FixedType(
    boolean signed,
    int width,
    int intBits,
    Quantization quantization,
    Overflow overflow,
    int saturationBits,
    boolean integer) {

  /** Widest declared type we accept; full-precision intermediates may be wider. */
  public static final int MAX_WIDTH = 1024;

  private static final Pattern SYNTAX = Pattern.compile(
      "\\s*(ap_fixed|ap_ufixed|ap_int|ap_uint)\\s*<\\s*([^>]*)>\\s*");

  public FixedType {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException("width W must be between 1 and " + MAX_WIDTH + ", got " + width);
    }
    if (saturationBits < 0 || saturationBits > width) {
      throw new IllegalArgumentException("saturation bits N must be between 0 and W, got " + saturationBits);
    }
    if (integer && intBits != width) {
      throw new IllegalArgumentException("an integer type has I == W");
    }
    if (overflow == Overflow.AP_WRAP_SM && !signed) {
      // the vendor's headers stop the program for this combination; refuse it up front
      throw new IllegalArgumentException("AP_WRAP_SM needs a signed type (ap_fixed)");
    }
  }

  public static FixedType fixed(int w, int i) {
    return new FixedType(true, w, i, Quantization.AP_TRN, Overflow.AP_WRAP, 0, false);
  }

  public static FixedType ufixed(int w, int i) {
    return new FixedType(false, w, i, Quantization.AP_TRN, Overflow.AP_WRAP, 0, false);
  }

  public static FixedType fixed(int w, int i, Quantization q, Overflow o) {
    return new FixedType(true, w, i, q, o, 0, false);
  }

  public static FixedType ufixed(int w, int i, Quantization q, Overflow o) {
    return new FixedType(false, w, i, q, o, 0, false);
  }

  /** Full-precision (intermediate) result type: default modes, never an integer spelling unless I == W. */
  public static FixedType intermediate(boolean signed, int w, int i) {
    return new FixedType(signed, w, i, Quantization.AP_TRN, Overflow.AP_WRAP, 0, false);
  }

  public static FixedType apInt(int w) {
    return new FixedType(true, w, w, Quantization.AP_TRN, Overflow.AP_WRAP, 0, true);
  }

  public static FixedType apUint(int w) {
    return new FixedType(false, w, w, Quantization.AP_TRN, Overflow.AP_WRAP, 0, true);
  }

  /** F = W - I, the number of fractional bits (negative when I > W). */
  public int fracBits() {
    return width - intBits;
  }

  public FixedType withModes(Quantization q, Overflow o, int n) {
    return new FixedType(signed, width, intBits, q, o, n, false);
  }

  /**
   * Parses the vendor's spelling, e.g. {@code ap_fixed<16,6>}, {@code ap_fixed<16, 6, AP_RND, AP_SAT>},
   * {@code ap_ufixed<8,0,AP_RND_CONV,AP_WRAP,2>}, {@code ap_int<12>}.
   *
   * @throws IllegalArgumentException with a message naming what is wrong and the accepted forms
   */
  public static FixedType parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a fixed-point type; write ap_fixed<W,I>,"
          + " ap_fixed<W,I,Q,O,N>, ap_ufixed<W,I,...>, ap_int<W> or ap_uint<W>");
    }
    String kind = m.group(1);
    String[] parts = m.group(2).split(",", -1);
    for (int k = 0; k < parts.length; k++) {
      parts[k] = parts[k].trim();
    }
    boolean isInt = kind.equals("ap_int") || kind.equals("ap_uint");
    boolean signed = kind.equals("ap_fixed") || kind.equals("ap_int");
    try {
      if (isInt) {
        if (parts.length != 1) {
          throw new IllegalArgumentException("'" + text + "': " + kind + " takes one parameter, the width W");
        }
        int w = parseInt(parts[0], "W", text);
        return signed ? apInt(w) : apUint(w);
      }
      if (parts.length < 2 || parts.length > 5) {
        throw new IllegalArgumentException(
            "'" + text + "': " + kind + " takes 2 to 5 parameters <W,I[,Q[,O[,N]]]>");
      }
      int w = parseInt(parts[0], "W", text);
      int i = parseInt(parts[1], "I", text);
      Quantization q = parts.length > 2 ? parseEnum(Quantization.class, parts[2], text) : Quantization.AP_TRN;
      Overflow o = parts.length > 3 ? parseEnum(Overflow.class, parts[3], text) : Overflow.AP_WRAP;
      int n = parts.length > 4 ? parseInt(parts[4], "N", text) : 0;
      if (o == Overflow.AP_WRAP_SM && !signed) {
        throw new IllegalArgumentException("'" + text + "': AP_WRAP_SM needs a signed type (ap_fixed)");
      }
      return new FixedType(signed, w, i, q, o, n, false);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("'")) {
        throw e;
      }
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
  }

  private static int parseInt(String s, String what, String text) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': " + what + " must be an integer, got '" + s + "'");
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String s, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s.toUpperCase(Locale.ROOT))) {
        return e;
      }
    }
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      known.append(known.length() == 0 ? "" : ", ").append(e.name());
    }
    throw new IllegalArgumentException("'" + text + "': unknown mode '" + s + "'; one of " + known);
  }

  /** The C++ spelling, with only the non-default trailing parameters written. */
  public String cpp() {
    if (integer) {
      return (signed ? "ap_int<" : "ap_uint<") + width + ">";
    }
    StringBuilder b = new StringBuilder(signed ? "ap_fixed<" : "ap_ufixed<");
    b.append(width).append(',').append(intBits);
    boolean n = saturationBits != 0;
    boolean o = n || overflow != Overflow.AP_WRAP;
    boolean q = o || quantization != Quantization.AP_TRN;
    if (q) {
      b.append(',').append(quantization.name());
    }
    if (o) {
      b.append(',').append(overflow.name());
    }
    if (n) {
      b.append(',').append(saturationBits);
    }
    return b.append('>').toString();
  }

  @Override
  public String toString() {
    return cpp();
  }
}

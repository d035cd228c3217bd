package io.github.srhls.core.backend.rtl;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cell is built of, recorded where the cell is made, for the cost estimate ({@link RtlCost}): the kind of
 * primitive logic, its size, and how the cell reads its inputs' bits, so that the estimate can follow which bits
 * synthesis keeps (a bit nobody reads is removed, and with it the logic and registers behind it).
 *
 * @param kind the kind of logic
 * @param bits its size in bits: a carry chain's length, a comparison's or reduction's width, a table's varying bit
 *     columns, a shifter's selector width, a priority encoder's count of powers; for a product 1 when it is only a
 *     shift (by a constant 0 or plus or minus a power of two); 0 where the kind has none
 * @param a a product's first operand width, a table's entries, a shifter's number of choices; else 0
 * @param b a product's second operand width, the step between a shifter's shifts; else 0
 * @param reads per input, in {@link Cell#inputs()} order: {@link #ALL} when the cell reads every bit of it, else the
 *     offset o such that output bit k reads input bits up to k - o only (an adder, a multiplexer's data, a wiring),
 *     {@link #bit} of one bit, {@link #from} the bits from one up; an empty list is every input read in full
 */
public record Resource(Kind kind, long bits, long a, long b, List<Integer> reads) {

  /** In {@link #reads}: the cell needs every bit of that input as soon as it has any output bit that is read. */
  public static final int ALL = Integer.MAX_VALUE;
  /** In {@link #reads}: the cell reads no bit of that input. */
  public static final int UNREAD = 1 << 20;
  private static final int BIT = -(1 << 22);
  private static final int FROM = -(1 << 24);

  /** The kinds of logic the estimate has figures for. */
  public enum Kind {
    /** Bits moved, extended or truncated: no logic. */
    WIRING,
    /** A constant: no logic, folded into its readers. */
    CONSTANT,
    /** An adder, subtractor or negation on the carry chain (the low bits of one term pass beside it). */
    ADDER,
    /**
     * A value plus one bit (a rounding increment): the carry chain alone, its sum bits need no LUT (the bit enters
     * as the chain's carry-in).
     */
    INCREMENT,
    /** An order comparison on the carry chain. */
    COMPARE,
    /** An equality comparison, or the sign and zero of a difference: LUTs only. */
    EQUALITY,
    /** A two-way multiplexer per bit. */
    MUX,
    /** A cast's overflow detection and the selection of the saturated, zeroed or wrapped code. */
    OVERFLOW,
    /** A wide AND or OR (a cast's range check, a sticky bit). */
    REDUCE,
    /** A one-bit function of a few bits (a rounding increment, a quotient's sign). */
    LOGIC_BIT,
    /** One restoring divider step: a subtractor and a multiplexer per bit. */
    DIVIDER_STEP,
    /** A product on one DSP48E2. */
    DSP,
    /** A narrow product in LUTs. */
    LUT_PRODUCT,
    /** A table in LUTs. */
    LUT_ROM,
    /** A table in block RAM. */
    BLOCK_RAM,
    /** The second read port of a block-RAM table another cell holds. */
    BLOCK_RAM_SECOND_PORT,
    /** The position of the highest set bit. */
    ENCODER,
    /** A multiplexer of shifted copies of a value. */
    SHIFTER
  }

  public Resource {
    reads = List.copyOf(reads);
  }

  /** No logic, every input bit read. */
  public static final Resource CONSTANT_VALUE = new Resource(Kind.CONSTANT, 0, 0, 0, List.of());

  /** Logic of a kind and size that reads all of its inputs' bits. */
  public static Resource of(Kind kind, long bits) {
    return new Resource(kind, bits, 0, 0, List.of());
  }

  /**
   * A product of two operands of these widths, on a DSP or in LUTs; {@code shift}: one operand is a constant 0 or
   * plus or minus a power of two, which synthesis turns into wiring ({@link #bits} 1).
   */
  public static Resource product(boolean dsp, int widthA, int widthB, boolean shift) {
    return new Resource(dsp ? Kind.DSP : Kind.LUT_PRODUCT, shift ? 1 : 0, widthA, widthB, List.of());
  }

  /**
   * A multiplexer of {@code choices} shifted copies of a value, selected by {@code selectorBits} bits, its shifts
   * {@code step} apart (every multiple of {@code step} between the least and the greatest shift).
   */
  public static Resource shifter(int selectorBits, int choices, int step) {
    return new Resource(Kind.SHIFTER, selectorBits, choices, step, List.of());
  }

  /** A table of {@code entries} words of which {@code varying} bit columns are not the same in every entry. */
  public static Resource table(Kind kind, long entries, int varying) {
    return new Resource(kind, varying, entries, 0, List.of());
  }

  /** Wiring whose output bit k is bit k - offset of its one input. */
  public static Resource wiring(long offset) {
    return new Resource(Kind.WIRING, 0, 0, 0, List.of(offset(offset)));
  }

  /** Logic of a kind and size whose output bit k reads bits up to k - offsets[i] of input i (or {@link #ALL}). */
  public static Resource prefix(Kind kind, long bits, long... offsets) {
    List<Integer> r = new ArrayList<>();
    for (long o : offsets) {
      r.add(offset(o));
    }
    return new Resource(kind, bits, 0, 0, r);
  }

  /** In {@link #reads}: the cell reads bit {@code index} of that input and no other. */
  public static int bit(int index) {
    return BIT - index;
  }

  /** In {@link #reads}: the cell reads the bits of that input from {@code lo} up to its top one. */
  public static int from(int lo) {
    return FROM - Math.max(0, lo);
  }

  /** Whether a {@link #reads} entry is one bit ({@link #bit}). */
  static boolean isBit(int read) {
    return read <= BIT && read > FROM;
  }

  /** Whether a {@link #reads} entry is the bits from one up ({@link #from}). */
  static boolean isFrom(int read) {
    return read <= FROM;
  }

  /** How the cell reads input i: {@link #ALL}, an offset or {@link #bit}. */
  int read(int input) {
    return input < reads.size() ? reads.get(input) : ALL;
  }

  private static int offset(long o) {
    return o == ALL ? ALL : (int) Math.max(-UNREAD, Math.min(UNREAD, o));
  }
}

package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Result types worked out by hand from the facts' table (I' rule, signed subtraction, F2 < 0 division...). */
class FixedOpTest {

  private static FixedType type(String spelling) {
    return switch (spelling) {
      case "int" -> Fixed.ofCInt(0).type();
      case "long long" -> FixedType.apInt(64);
      default -> FixedType.parse(spelling);
    };
  }

  @ParameterizedTest(name = "{1} {0} {2} is {3}")
  @CsvSource(delimiter = '|', value = {
      "MUL | ap_fixed<8,3>    | ap_fixed<10,4>   | ap_fixed<18,7>",
      "MUL | ap_ufixed<8,3>   | ap_ufixed<6,-2>  | ap_ufixed<14,1>",
      "MUL | ap_int<8>        | int              | ap_int<40>",
      "MUL | ap_fixed<8,3,AP_RND,AP_SAT> | ap_fixed<8,3,AP_RND_CONV,AP_SAT_SYM,0> | ap_fixed<16,6>",
      "ADD | ap_fixed<8,3>    | ap_ufixed<6,2>   | ap_fixed<9,4>",
      "ADD | ap_ufixed<8,3>   | ap_ufixed<6,2>   | ap_ufixed<9,4>",
      "ADD | ap_ufixed<8,3>   | ap_fixed<4,3>    | ap_fixed<10,5>",
      "ADD | ap_fixed<4,10>   | ap_fixed<8,-2>   | ap_fixed<21,11>",
      "ADD | ap_uint<8>       | int              | ap_int<33>",
      "ADD | ap_int<8>        | long long        | ap_int<65>",
      "SUB | ap_ufixed<8,3>   | ap_ufixed<6,2>   | ap_fixed<9,4>",
      "SUB | ap_uint<8>       | ap_uint<8>       | ap_int<9>",
      "DIV | ap_fixed<8,3>    | ap_fixed<10,4>   | ap_fixed<15,10>",
      "DIV | ap_fixed<8,3>    | ap_ufixed<10,12> | ap_fixed<8,1>",
      "DIV | ap_ufixed<8,3>   | ap_ufixed<6,2>   | ap_ufixed<12,7>",
      "DIV | ap_uint<8>       | ap_uint<8>       | ap_uint<8>",
      "DIV | ap_uint<8>       | int              | ap_int<9>",
      "DIV | ap_fixed<16,8>   | int              | ap_fixed<17,9>"})
  void resultTypes(FixedOp op, String a, String b, String expected) {
    FixedType r = op.resultType(type(a.strip()), type(b.strip()));
    assertEquals(type(expected.strip()), r);
    assertEquals(expected.strip(), r.cpp());
  }

  @ParameterizedTest(name = "-{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "ap_fixed<8,3>             | ap_fixed<9,4>",
      "ap_ufixed<8,-3,AP_RND,AP_SAT> | ap_fixed<9,-2>",
      "ap_uint<8>                | ap_int<9>"})
  void negationTypes(String a, String expected) {
    assertEquals(type(expected.strip()), FixedOp.negationType(type(a.strip())));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MUL", "ADD", "DIV"})
  void tooWideResultsAreRefused(FixedOp op) {
    FixedType wide = FixedType.fixed(1024, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> op.resultType(wide, FixedType.fixed(1024, -1000)));
    assertEquals(true, e.getMessage().contains("narrower types"), e.getMessage());
  }
}

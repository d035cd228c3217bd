#!/bin/sh
# One-off check of sr-hls's fixed-point semantics against the vendor's own ap_types headers (Apache-2.0, fetched at
# run time into a temporary directory, never committed; not run in CI). It compiles with g++, against the vendor's
# headers:
#   1. sr-hls-core's worked_examples.cpp (the facts' worked examples, the corners of issue 13, items 21 and 22, and
#      issue 14's 64-bit unsigned products, sums, quotients, comparisons and casts and its coarse rounding);
#   2. a few statements showing the vendor's meaning of what sr-hls's headers refuse, and the vendor's abort on a
#      rounding whose rounding bit lies above the source's most significant bit (the firmware widens the source);
#   3. with --project DIR (repeatable), a generated HLS project (target/generated-sources/sr-hls/<model>): its
#      firmware and testbench against the vendor's headers, run in DIR against its bit-accurate expectation, as the
#      vendor's C simulation would (a model calling the vendor's math library needs the vendor's tools instead);
#      --projects-under DIR takes every generated project below DIR. The tests that generate the corner cases
#      (coarse rounding, 64-bit types) keep their projects with -Dsrhls.keepProjects=DIR:
#        ./mvnw -B -o -q test -pl sr-hls-core -Dtest='CoarseRoundingTest,SixtyFourBitTypesTest' \
#          -Dsrhls.keepProjects=/tmp/srhls-projects
#        tools/vendor-headers-check.sh --projects-under /tmp/srhls-projects
# The bit-for-bit differential of the suite (FixedCppDifferentialTest, 10^6 operations) compares our headers with
# our Java model; this script is how the model's rules were checked against the vendor's code.
# Usage: tools/vendor-headers-check.sh [--headers <git URL>] [--project DIR]... [--projects-under DIR]...
#        (default headers: https://github.com/Xilinx/HLS_arbitrary_Precision_Types, the copy hls4ml ships too;
#        a local clone or mirror works as well, e.g. --headers file:///path/to/mirror)
set -eu
url=https://github.com/Xilinx/HLS_arbitrary_Precision_Types.git
projects=""
while [ $# -gt 0 ]; do
  case "$1" in
    --headers) url=$2; shift 2 ;;
    --project) projects="$projects $(cd "$2" && pwd)"; shift 2 ;;
    --projects-under)
      for test in $(find "$(cd "$2" && pwd)" -name '*_test.cpp' | sort); do
        dir=$(dirname "$test")
        [ "$(basename "$test")" = "$(basename "$dir")_test.cpp" ] && [ -d "$dir/firmware" ] && projects="$projects $dir"
      done
      shift 2 ;;
    *) echo "usage: $0 [--headers <git URL>] [--project DIR]... [--projects-under DIR]..." >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q --depth 1 "$url" "$work/vendor"
inc="$work/vendor/include"

cp "$root/sr-hls-core/src/test/resources/io/github/srhls/core/fixed/worked_examples.cpp" \
  "$work/worked_examples.cpp"
g++ -std=c++14 -w -I"$inc" "$work/worked_examples.cpp" -o "$work/worked_examples"
echo "== worked examples against the vendor's headers (expect: all checks passed)"
"$work/worked_examples" || true

cat > "$work/refused.cpp" <<'CPP'
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdio>
int main() {
  ap_fixed<16, 6> n = -1.5;
  ap_uint<4> u = 5, v = 3;
  ap_uint<70> w = 1; w <<= 69; w += 12345;
  std::printf("(u, v) = %d            (concatenation; sr-hls: refused, C++'s comma operator would give 3)\n", ap_uint<8>((u, v)).to_int());
  std::printf("-1.5 < 0U = %d          (sr-hls: refused)\n", (int)(n < 0U));
  std::printf("ap_int<8>(-0.2) = %d     (2019 headers; later ones 0 for tiny values; sr-hls: stops the program)\n", ap_int<8>(-0.2).to_int());
  std::printf("ap_uint<70>(2^69 + 12345).to_double() = %.17g (sr-hls: refused)\n", w.to_double());
  std::printf("7 / ap_fixed<16,6>(2.5): width %d (the type of the reverse division; sr-hls: refused)\n", (7 / ap_fixed<16, 6>(2.5)).length());
  std::printf("ap_fixed<8,0>(-0.25).to_int() = %d (sr-hls: -1 as well)\n", ap_fixed<8, 0>(-0.25).to_int());
  return 0;
}
CPP
g++ -std=c++14 -w -I"$inc" "$work/refused.cpp" -o "$work/refused"
echo "== what the vendor's headers make of constructs sr-hls's headers refuse"
"$work/refused"

# Rounding into ap_fixed<6,14,AP_RND,AP_SAT> (rounding bit 2^7) from ap_fixed<16,6> (most significant bit 2^5): the
# vendor's assignment reads the rounding bit as a bit of the source and aborts, whatever the value. sr-hls's headers
# refuse this at compile time; the firmware writes ap_fixed<18,8>(source) first, which worked_examples.cpp checks.
cat > "$work/coarse.cpp" <<'CPP'
#include <ap_fixed.h>
#include <cstdio>
int main(int argc, char**) {
  ap_fixed<16, 6> x = 3.5 * argc;
  ap_fixed<6, 14, AP_RND, AP_SAT> y = ap_fixed<18, 8>(x);
  std::printf("widened first: %g\n", y.to_double());
  std::fflush(stdout);
  ap_fixed<6, 14, AP_RND, AP_SAT> z = x;
  std::printf("direct: %g\n", z.to_double());
  return 0;
}
CPP
g++ -std=c++14 -w -I"$inc" "$work/coarse.cpp" -o "$work/coarse"
echo "== a rounding whose rounding bit lies above the source (expect: the widened form gives 0, the direct one aborts)"
if "$work/coarse" 2>"$work/coarse.err"; then
  echo "the direct form did not abort: the vendor's headers changed here"
else
  echo "direct: aborted ($(grep -o 'Attempting to read bit beyond MSB' "$work/coarse.err" || tail -n 1 "$work/coarse.err"))"
fi

status=0
for dir in $projects; do
  name=$(basename "$dir")
  echo "== $dir against the vendor's headers"
  g++ -std=c++14 -w -O1 -I"$inc" -I"$dir/firmware" "$dir"/firmware/*.cpp "$dir/${name}_test.cpp" -o "$work/$name"
  if (cd "$dir" && "$work/$name" "$work/$name.csim.dat") > "$work/$name.log" 2>&1; then
    tail -n 1 "$work/$name.log"
  else
    status=1
    tail -n 12 "$work/$name.log"
  fi
done
exit $status

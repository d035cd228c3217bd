// Test stand-in for a fixed-point header: truncation to 8 fractional bits, in plain doubles.
#ifndef STANDIN_QUANTIZE_H_
#define STANDIN_QUANTIZE_H_
#include <cmath>

inline double standin_quantize(double v) { return std::floor(v * 256.0) / 256.0; }

#endif

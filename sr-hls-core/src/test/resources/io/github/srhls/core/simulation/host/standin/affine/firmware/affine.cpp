// Stand-in firmware: y0 = 2*x0 + x1 and y1 = x0*x1, each truncated to 8 fractional bits.
#include "affine.h"
#include "standin_quantize.h"

void affine(const input_t x[N_INPUTS], result_t y[N_OUTPUTS]) {
  y[0] = standin_quantize(2.0 * x[0] + x[1]);
  y[1] = standin_quantize(x[0] * x[1]);
}

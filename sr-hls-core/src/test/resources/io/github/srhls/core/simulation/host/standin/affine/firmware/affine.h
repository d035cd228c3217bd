#ifndef AFFINE_H_
#define AFFINE_H_
#include "defines.h"

void affine(const input_t x[N_INPUTS], result_t y[N_OUTPUTS]);

#endif

#ifndef AFFINE_DEFINES_H_
#define AFFINE_DEFINES_H_

#define N_INPUTS 2
#define N_OUTPUTS 2
typedef double input_t;
typedef double result_t;

#endif

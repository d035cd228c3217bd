// sr-hls host simulation: ap_int<W> and ap_uint<W>. Our own implementation of the vendor's API subset that
// generated firmware uses; see srhls_ap_types.h for what is supported. With the vendor's tools their headers are
// used instead of this one.
#ifndef SRHLS_AP_INT_H
#define SRHLS_AP_INT_H
#include "srhls_ap_types.h"
#endif

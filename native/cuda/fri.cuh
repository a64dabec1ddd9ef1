// One arity-2 FRI fold over Ext4 codewords in bit-reversed order (ComputeBackend.foldFri):
// rows 2i and 2i+1 hold f(x) and f(-x) for x = shift * W^bitrev(i) (bitrev over log_n - 1 bits,
// W the primitive 2^log_n-th root); the output row i is
//   g = (f(x) + f(-x)) / 2 + beta (f(x) - f(-x)) / (2x).
#pragma once
#include "babybear.cuh"

namespace fri {

/** Per-fold constants, computed once on the host. */
struct FoldParams {
  uint32_t log_n;           // the input holds 2^log_n Ext4 values
  uint32_t inv_two_shift;   // 1 / (2 shift)
  uint32_t w_inv;           // W^-1
  bb::Ext4 beta;            // the folding challenge
};

L2_HD FoldParams make_params(uint32_t log_n, uint32_t shift, const uint32_t* beta) {
  return FoldParams{log_n, bb::inv(bb::mul(2, shift)), bb::inv(bb::two_adic_generator(log_n)),
                    bb::Ext4{{beta[0], beta[1], beta[2], beta[3]}}};
}

// Writes output value i (4 words) from input values 2i and 2i+1.
L2_HD void fold_one(const FoldParams& p, const uint32_t* in, uint32_t* out, uint32_t i) {
  const uint32_t log_half = p.log_n - 1u;
  const uint32_t e = log_half == 0 ? 0u : bb::reverse_bits(i, log_half);
  const uint32_t inv_two_x = bb::mul(p.inv_two_shift, bb::pow(p.w_inv, e));
  const uint32_t* a = in + (size_t)8u * i;
  bb::Ext4 fx{{a[0], a[1], a[2], a[3]}};
  bb::Ext4 fnx{{a[4], a[5], a[6], a[7]}};
  const uint32_t inv2 = (bb::P + 1u) / 2u;
  bb::Ext4 even = bb::ext_mul_base(bb::ext_add(fx, fnx), inv2);
  bb::Ext4 odd = bb::ext_mul_base(bb::ext_sub(fx, fnx), inv_two_x);
  bb::Ext4 g = bb::ext_add(even, bb::ext_mul(p.beta, odd));
  uint32_t* o = out + (size_t)4u * i;
  o[0] = g.c[0];
  o[1] = g.c[1];
  o[2] = g.c[2];
  o[3] = g.c[3];
}

}  // namespace fri

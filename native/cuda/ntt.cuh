// Index arithmetic of the radix-2 decimation-in-time NTT on row-major matrices (one polynomial
// per column, one evaluation point per row), shared by the kernels and the host-side tests.
//
// Stage s (half-span h = 2^s) combines rows r and r + h, for r with bit s clear, with the twiddle
// omega_{2h}^(r mod h). A pass runs k consecutive stages s0 .. s0+k-1 on groups of 2^k rows: the
// rows whose index bits outside [s0, s0+k) agree, which never exchange data with another group.
// Twiddle tables hold tw[h + j] = omega_{2h}^j in Montgomery form, for every power of two h below
// the largest size, so one table serves every smaller size.
#pragma once
#include "babybear.cuh"

namespace ntt {

// The row of local index `local` (0 <= local < 2^k) in group `group` of a pass over [s0, s0+k).
L2_HD uint32_t group_row(uint32_t group, uint32_t local, uint32_t s0, uint32_t k) {
  uint32_t low = group & ((1u << s0) - 1u);
  uint32_t high = group >> s0;
  return low | (local << s0) | (high << (s0 + k));
}

// The local index of the upper element of butterfly q (0 <= q < 2^(k-1)) at local stage t.
L2_HD uint32_t pair_top(uint32_t q, uint32_t t) {
  return ((q >> t) << (t + 1)) | (q & ((1u << t) - 1u));
}

// The twiddle-table index for the butterfly whose upper element is `top` at local stage t.
L2_HD uint32_t twiddle_index(uint32_t group, uint32_t top, uint32_t s0, uint32_t t) {
  uint32_t h = 1u << (s0 + t);
  uint32_t low = group & ((1u << s0) - 1u);
  return h + (low | ((top & ((1u << t) - 1u)) << s0));
}

// The twiddle-table entry at index i >= 1, canonical: omega_{2h}^(i - h) for h the largest power
// of two <= i, where omega_{2h} = root^(n / 2h) and root is a primitive n-th root of unity.
L2_HD uint32_t twiddle_value(uint32_t i, uint32_t root, uint32_t log_n) {
  uint32_t log_h = bb::log2_floor(i);
  uint32_t j = i - (1u << log_h);
  return bb::pow(root, j << (log_n - 1u - log_h));
}

// Pass flags (see ntt_pass in kernels.cu).
constexpr uint32_t BITREV_SRC = 1u;
constexpr uint32_t DIF = 2u;
constexpr uint32_t SCALE = 4u;

// (a, b) <- (a + w b, a - w b)
L2_HD void butterfly_dit(uint32_t& a, uint32_t& b, uint32_t twiddle_mont) {
  uint32_t t = bb::mont_mul(b, twiddle_mont);
  b = bb::sub(a, t);
  a = bb::add(a, t);
}

// (a, b) <- (a + b, (a - b) w)
L2_HD void butterfly_dif(uint32_t& a, uint32_t& b, uint32_t twiddle_mont) {
  uint32_t d = bb::sub(a, b);
  a = bb::add(a, b);
  b = bb::mont_mul(d, twiddle_mont);
}

/** The shape of one pass (see ntt_pass in kernels.cu). */
struct PassParams {
  uint32_t log_n;
  uint32_t width;
  uint32_t s0;
  uint32_t k;
  uint32_t log_tile;
  uint32_t flags;
  uint32_t src_rows;
};

// Inserts r zero bits at position t0 of q.
L2_HD uint32_t spread(uint32_t q, uint32_t t0, uint32_t r) {
  return ((q >> t0) << (t0 + r)) | (q & ((1u << t0) - 1u));
}

// Local stages t0 .. t0+R-1 of a pass, in registers: each unit (2^R rows of one column, spaced
// 2^t0 apart) is read from the tile once, run through R stages, and written back, so the tile is
// touched once per R stages instead of once per stage. R and DIF are compile-time constants so
// the unrolled loops index the register array with constants.
template <uint32_t R, bool DIF_ORDER>
L2_HD void sub_round(const PassParams& p, const uint32_t* block_tw, uint32_t* tile, uint32_t t0,
                     uint32_t cols, uint32_t tid, uint32_t threads) {
  const uint32_t tile_cols = 1u << p.log_tile;
  const uint32_t units = ((1u << p.k) >> R) << p.log_tile;
  for (uint32_t u = tid; u < units; u += threads) {
    const uint32_t c = u & (tile_cols - 1u);
    if (c >= cols) continue;
    const uint32_t base = spread(u >> p.log_tile, t0, R);
    uint32_t v[1u << R];
#pragma unroll
    for (uint32_t m = 0; m < (1u << R); m++) v[m] = tile[((base | (m << t0)) << p.log_tile) + c];
    // The twiddle of the butterfly on v[m] at local stage t = t0 + i is block_tw[2^t | (row & (2^t - 1))]
    // with row = base | m 2^t0; base has zero bits t0..t0+R-1, so that is 2^t | low | (m mod 2^i) 2^t0:
    // stage i needs only 2^i distinct twiddles, each read once.
    const uint32_t low = base & ((1u << t0) - 1u);
#pragma unroll
    for (uint32_t ii = 0; ii < R; ii++) {
      const uint32_t i = DIF_ORDER ? R - 1u - ii : ii;
      const uint32_t t = t0 + i;
      uint32_t w[1u << (R - 1u)];
#pragma unroll
      for (uint32_t j = 0; j < (1u << i); j++) w[j] = block_tw[(1u << t) | low | (j << t0)];
#pragma unroll
      for (uint32_t m = 0; m < (1u << R); m++) {
        if (m & (1u << i)) continue;
        const uint32_t tw_m = w[m & ((1u << i) - 1u)];
        if (DIF_ORDER) {
          butterfly_dif(v[m], v[m | (1u << i)], tw_m);
        } else {
          butterfly_dit(v[m], v[m | (1u << i)], tw_m);
        }
      }
    }
#pragma unroll
    for (uint32_t m = 0; m < (1u << R); m++) tile[((base | (m << t0)) << p.log_tile) + c] = v[m];
  }
}

// Stages per register sub-round at most: 2^4 values per thread.
constexpr uint32_t MAX_SUB_ROUND = 4;

template <bool DIF_ORDER>
L2_HD void sub_round_of(uint32_t r, const PassParams& p, const uint32_t* block_tw, uint32_t* tile, uint32_t t0,
                        uint32_t cols, uint32_t tid, uint32_t threads) {
  switch (r) {
    case 1: sub_round<1, DIF_ORDER>(p, block_tw, tile, t0, cols, tid, threads); break;
    case 2: sub_round<2, DIF_ORDER>(p, block_tw, tile, t0, cols, tid, threads); break;
    case 3: sub_round<3, DIF_ORDER>(p, block_tw, tile, t0, cols, tid, threads); break;
    default: sub_round<4, DIF_ORDER>(p, block_tw, tile, t0, cols, tid, threads); break;
  }
}

// The block's twiddles, block_tw[2^t + j] for local stage t < k and j < 2^t: the global table's
// entry twiddle_index for that butterfly, i.e. omega_{2^(s0+t+1)}^(low + j 2^s0), built as
// omega_{2^(s0+t+1)}^low * omega_{2^(t+1)}^j from two entries that stay in cache (the first
// 2^k entries, shared by every block, and one per stage) instead of 2^k scattered loads.
L2_HD void block_twiddles(const PassParams& p, const uint32_t* tw, uint32_t group, uint32_t* block_tw,
                          uint32_t tid, uint32_t threads) {
  const uint32_t low = group & ((1u << p.s0) - 1u);
  for (uint32_t i = tid + 1u; i < (1u << p.k); i += threads) {
    const uint32_t t = bb::log2_floor(i);
    block_tw[i] = p.s0 == 0 ? tw[i] : bb::mont_mul(tw[(1u << (p.s0 + t)) + low], tw[i]);
  }
}

// Four consecutive words of a row: one 16-byte access on the device.
struct Word4 {
  uint32_t w[4];
};

L2_HD Word4 load4(const uint32_t* at) {
#ifdef __CUDA_ARCH__
  const uint4 v = *reinterpret_cast<const uint4*>(at);
  return Word4{{v.x, v.y, v.z, v.w}};
#else
  return Word4{{at[0], at[1], at[2], at[3]}};
#endif
}

L2_HD void store4(uint32_t* at, const Word4& v) {
#ifdef __CUDA_ARCH__
  *reinterpret_cast<uint4*>(at) = make_uint4(v.w[0], v.w[1], v.w[2], v.w[3]);
#else
  for (uint32_t i = 0; i < 4; i++) at[i] = v.w[i];
#endif
}

// Vectors each thread loads before it stores any: several 16-byte loads in flight per thread,
// so that the few blocks a multiprocessor holds keep enough bytes in flight to cover the latency.
constexpr uint32_t LOAD_BATCH = 8;

// The tile of a column tile (2^log_tile >= 4 columns, a multiple of 4 present, rows 16-byte aligned),
// read 4 columns per access, LOAD_BATCH accesses per thread in flight; same values as the scalar
// path of run_pass_block (bit-reversed source rows, zero padding, scaling).
L2_HD void load_tile_vectors(const PassParams& p, const uint32_t* src, const uint32_t* factor_mont,
                             uint32_t* tile, uint32_t group, uint32_t col0, uint32_t cols, uint32_t tid,
                             uint32_t threads) {
  const uint32_t log_vecs_per_row = p.log_tile - 2u;
  const uint32_t vecs = (1u << p.k) << log_vecs_per_row;
  const bool bitrev = (p.flags & BITREV_SRC) != 0;
  const bool scale = (p.flags & SCALE) != 0;
  for (uint32_t first = tid; first < vecs; first += threads * LOAD_BATCH) {
    Word4 v[LOAD_BATCH];
    uint32_t f[LOAD_BATCH];
#pragma unroll
    for (uint32_t b = 0; b < LOAD_BATCH; b++) {
      const uint32_t e4 = first + b * threads;
      const uint32_t c = (e4 & ((1u << log_vecs_per_row) - 1u)) << 2;
      v[b] = Word4{{0u, 0u, 0u, 0u}};
      f[b] = 0u;
      if (e4 < vecs && c < cols) {
        const uint32_t r = group_row(group, e4 >> log_vecs_per_row, p.s0, p.k);
        const uint32_t sr = bitrev ? bb::reverse_bits(r, p.log_n) : r;
        if (sr < p.src_rows) {
          v[b] = load4(src + (size_t)sr * p.width + col0 + c);
          if (scale) f[b] = factor_mont[sr];
        }
      }
    }
#pragma unroll
    for (uint32_t b = 0; b < LOAD_BATCH; b++) {
      const uint32_t e4 = first + b * threads;
      if (e4 < vecs && ((e4 & ((1u << log_vecs_per_row) - 1u)) << 2) < cols) {
        if (scale) {
#pragma unroll
          for (uint32_t i = 0; i < 4; i++) v[b].w[i] = bb::mont_mul(v[b].w[i], f[b]);
        }
        store4(tile + ((size_t)e4 << 2), v[b]);
      }
    }
  }
}

// The tile back to its rows, 4 columns per access (the counterpart of load_tile_vectors).
L2_HD void store_tile_vectors(const PassParams& p, uint32_t* dst, const uint32_t* tile, uint32_t group,
                              uint32_t col0, uint32_t cols, uint32_t tid, uint32_t threads) {
  const uint32_t log_vecs_per_row = p.log_tile - 2u;
  const uint32_t vecs = (1u << p.k) << log_vecs_per_row;
  for (uint32_t e4 = tid; e4 < vecs; e4 += threads) {
    const uint32_t c = (e4 & ((1u << log_vecs_per_row) - 1u)) << 2;
    if (c >= cols) continue;
    const uint32_t r = group_row(group, e4 >> log_vecs_per_row, p.s0, p.k);
    store4(dst + (size_t)r * p.width + col0 + c, load4(tile + ((size_t)e4 << 2)));
  }
}

// The work of one block of ntt_pass: group `group`, column tile `col_tile`, as thread `tid` of
// `threads`; `barrier` synchronises the block (__syncthreads on the device, nothing on the host,
// where one "thread" does all the work). `tile` holds 2^k x 2^log_tile words, then 2^k words of
// block twiddles.
template <class Barrier>
L2_HD void run_pass_block(const PassParams& p, const uint32_t* src, uint32_t* dst, const uint32_t* tw,
                          const uint32_t* factor_mont, uint32_t* tile, uint32_t group,
                          uint32_t col_tile, uint32_t tid, uint32_t threads, Barrier barrier) {
  const uint32_t tile_cols = 1u << p.log_tile;
  const uint32_t col0 = col_tile << p.log_tile;
  const uint32_t cols = p.width - col0 < tile_cols ? p.width - col0 : tile_cols;
  const uint32_t elements = (1u << p.k) << p.log_tile;
  const bool bitrev = (p.flags & BITREV_SRC) != 0;
  const bool scale = (p.flags & SCALE) != 0;
  const bool dif = (p.flags & DIF) != 0;
  const bool vectors = p.log_tile >= 2 && (cols & 3u) == 0 && (p.width & 3u) == 0 &&
                       ((reinterpret_cast<uintptr_t>(src) | reinterpret_cast<uintptr_t>(dst)) & 15u) == 0;
  if (vectors) {
    load_tile_vectors(p, src, factor_mont, tile, group, col0, cols, tid, threads);
  } else {
    for (uint32_t e = tid; e < elements; e += threads) {
      uint32_t c = e & (tile_cols - 1u);
      if (c < cols) {
        uint32_t r = group_row(group, e >> p.log_tile, p.s0, p.k);
        uint32_t sr = bitrev ? bb::reverse_bits(r, p.log_n) : r;
        uint32_t v = 0;
        if (sr < p.src_rows) {
          v = src[(size_t)sr * p.width + col0 + c];
          if (scale) v = bb::mont_mul(v, factor_mont[sr]);
        }
        tile[e] = v;
      }
    }
  }
  uint32_t* block_tw = tile + elements;
  block_twiddles(p, tw, group, block_tw, tid, threads);
  barrier();
  // Split the k stages into sub-rounds of at most MAX_SUB_ROUND, largest first; a DIT runs them
  // upwards from stage 0, a DIF downwards from stage k-1.
  const uint32_t rounds = (p.k + MAX_SUB_ROUND - 1u) / MAX_SUB_ROUND;
  uint32_t done = 0;
  for (uint32_t j = 0; j < rounds; j++) {
    const uint32_t r = (p.k - done + (rounds - j) - 1u) / (rounds - j);
    if (dif) {
      sub_round_of<true>(r, p, block_tw, tile, p.k - done - r, cols, tid, threads);
    } else {
      sub_round_of<false>(r, p, block_tw, tile, done, cols, tid, threads);
    }
    done += r;
    barrier();
  }
  if (vectors) {
    store_tile_vectors(p, dst, tile, group, col0, cols, tid, threads);
    return;
  }
  for (uint32_t e = tid; e < elements; e += threads) {
    uint32_t c = e & (tile_cols - 1u);
    if (c < cols) {
      uint32_t r = group_row(group, e >> p.log_tile, p.s0, p.k);
      dst[(size_t)r * p.width + col0 + c] = tile[e];
    }
  }
}

}  // namespace ntt

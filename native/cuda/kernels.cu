// The l2-prover compute kernels. Built into PTX (`make ptx`) that ships in the jar and is loaded
// by io.l2prover.zkvm.gpu.CudaBackend through the driver API. Every kernel has C linkage so the
// host finds it by name; the arithmetic lives in the headers, which the host tests compile too.
#include "babybear.cuh"
#include "ntt.cuh"
#include "poseidon2.cuh"
#include "fri.cuh"
#include "quotient.cuh"

extern "C" {

// Poseidon2 round constants and internal diagonal, Montgomery form, filled once per context.
__constant__ uint32_t POSEIDON2_CONSTANTS[p2::CONSTANTS];

// tw[i] for 1 <= i < n: the twiddle table of ntt.cuh for a primitive n-th root `root`.
__global__ void ntt_twiddles(uint32_t* tw, uint32_t log_n, uint32_t root) {
  uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i == 0 || i >= (1u << log_n)) return;
  tw[i] = bb::to_mont(ntt::twiddle_value(i, root, log_n));
}

// One pass of k stages over a row-major matrix of 2^log_n rows (ntt.cuh): each block (a group and
// a column tile, see below) runs them in shared memory on 2^k rows x 2^log_tile columns. Flags:
//   NTT_BITREV_SRC  read row bitrev(r) of src for row r (the first pass of a DIT);
//   NTT_DIF         decimation in frequency: stages s0+k-1 down to s0, natural in, bit-reversed out;
//                   otherwise decimation in time, stages s0 up to s0+k-1;
//   NTT_SCALE       multiply row r by factor_mont[r] as it is read (a coset shift, 1/n).
// Rows r >= src_rows read as zero (the padding of a low-degree extension). src and dst may be
// the same buffer unless NTT_BITREV_SRC is set: a group writes exactly the rows it read.
// At most 64 registers (two 512-thread blocks per multiprocessor): four 256-thread blocks fit.
__global__ void __launch_bounds__(512, 2)
    ntt_pass(const uint32_t* src, uint32_t* dst, uint32_t log_n, uint32_t width, uint32_t s0, uint32_t k,
             uint32_t log_tile, const uint32_t* __restrict__ tw, uint32_t flags, uint32_t src_rows,
             const uint32_t* __restrict__ factor_mont) {
  extern __shared__ uint32_t tile[];
  ntt::PassParams params{log_n, width, s0, k, log_tile, flags, src_rows};
  // Block b is column tile b mod col_tiles of group b / col_tiles: the tiles of one group run
  // side by side, so each row's segments are read and written at about the same time.
  const uint32_t col_tiles = (width + (1u << log_tile) - 1u) >> log_tile;
  const uint32_t group = blockIdx.x / col_tiles;
  ntt::run_pass_block(params, src, dst, tw, factor_mont, tile, group, blockIdx.x - group * col_tiles,
                      threadIdx.x, blockDim.x, [] { __syncthreads(); });
}

// out[i] = scale * base^i in Montgomery form, for i < n.
__global__ void powers_mont(uint32_t* out, uint32_t n, uint32_t base, uint32_t scale) {
  uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  out[i] = bb::to_mont(bb::mul(scale, bb::pow(base, i)));
}

// dst row r = src row r times factor[r] (Montgomery) for r < src_rows, zero for the rows up to
// dst_rows: coefficients scaled for a coset and padded for a low-degree extension.
__global__ void scale_rows_pad(const uint32_t* src, uint32_t* dst, uint32_t src_rows,
                               uint32_t dst_rows, uint32_t width,
                               const uint32_t* __restrict__ factor_mont) {
  size_t total = (size_t)dst_rows * width;
  for (size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += (size_t)gridDim.x * blockDim.x) {
    uint32_t r = (uint32_t)(i / width);
    dst[i] = r < src_rows ? bb::mont_mul(src[i], factor_mont[r]) : 0u;
  }
}

// dst row bitrev(r) = src row r (out of place).
__global__ void bit_reverse_rows(const uint32_t* src, uint32_t* dst, uint32_t log_n, uint32_t width) {
  size_t total = (size_t)width << log_n;
  for (size_t i = (size_t)blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += (size_t)gridDim.x * blockDim.x) {
    uint32_t r = (uint32_t)(i / width);
    uint32_t c = (uint32_t)(i - (size_t)r * width);
    uint32_t rr = log_n == 0 ? r : bb::reverse_bits(r, log_n);
    dst[(size_t)rr * width + c] = src[i];
  }
}

// digests[r] = hash of row r of a row-major matrix (8 words per digest).
__global__ void poseidon2_hash_rows(const uint32_t* matrix, uint32_t rows, uint32_t width,
                                    uint32_t* digests) {
  uint32_t r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= rows) return;
  p2::hash_elements(matrix + (size_t)r * width, width, digests + (size_t)r * p2::DIGEST,
                    POSEIDON2_CONSTANTS);
}

// Leaves that span several matrices of one height: absorbs row r of this matrix into sponge
// state r (16 Montgomery words in `states`), starting at rate position `pos` (the same for every
// row). With first the state starts at zero; with digests non-null the sponge is finished and
// digest r written, otherwise the state is stored for the next matrix.
__global__ void poseidon2_absorb_rows(const uint32_t* matrix, uint32_t rows, uint32_t width,
                                      uint32_t* states, uint32_t pos, uint32_t first,
                                      uint32_t* digests) {
  uint32_t r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r >= rows) return;
  uint32_t s[p2::WIDTH];
  uint32_t* state = states + (size_t)r * p2::WIDTH;
#pragma unroll
  for (uint32_t j = 0; j < p2::WIDTH; j++) s[j] = first ? 0u : state[j];
  uint32_t end = p2::absorb(s, matrix + (size_t)r * width, width, pos, POSEIDON2_CONSTANTS);
  if (digests != nullptr) {
    p2::squeeze(s, end, digests + (size_t)r * p2::DIGEST, POSEIDON2_CONSTANTS);
  } else {
#pragma unroll
    for (uint32_t j = 0; j < p2::WIDTH; j++) state[j] = s[j];
  }
}

// parents[i] = compress(children[2i], children[2i + 1]): one Merkle layer.
__global__ void poseidon2_compress_layer(const uint32_t* children, uint32_t* parents, uint32_t count) {
  uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= count) return;
  const uint32_t* left = children + (size_t)(2u * i) * p2::DIGEST;
  p2::compress(left, left + p2::DIGEST, parents + (size_t)i * p2::DIGEST, POSEIDON2_CONSTANTS);
}

// states[i] = Poseidon2(states[i]) for 16-word states: the raw permutation, for tests and benches.
__global__ void poseidon2_permute_states(uint32_t* states, uint32_t count) {
  uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= count) return;
  uint32_t s[p2::WIDTH];
  for (uint32_t j = 0; j < p2::WIDTH; j++) s[j] = states[(size_t)i * p2::WIDTH + j];
  p2::permute(s, POSEIDON2_CONSTANTS);
  for (uint32_t j = 0; j < p2::WIDTH; j++) states[(size_t)i * p2::WIDTH + j] = s[j];
}

// out[i] = fold of in[2i], in[2i+1] (fri.cuh), for i < 2^(log_n - 1); beta = b0 + b1 X + ...
__global__ void fri_fold(const uint32_t* in, uint32_t* out, uint32_t log_n, uint32_t inv_two_shift,
                         uint32_t w_inv, uint32_t b0, uint32_t b1, uint32_t b2, uint32_t b3) {
  uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= (1u << (log_n - 1u))) return;
  fri::FoldParams p{log_n, inv_two_shift, w_inv, bb::Ext4{{b0, b1, b2, b3}}};
  fri::fold_one(p, in, out, i);
}

// The quotient at every point j < points (quotient.cuh), grid-stride: thread `tid` of `threads`
// keeps its registers in column tid of `registers` (threads x 4 x register-count words). The
// task's arrays come as separate parameters (no struct layout to agree on with the host).
__global__ void quotient_evaluate(const uint32_t* code, uint32_t instructions, const uint32_t* outputs,
                                  const uint32_t* when, uint32_t constraints, uint32_t log_lde,
                                  uint32_t log_blowup, const uint32_t* pre, uint32_t pre_width,
                                  const uint32_t* main, uint32_t main_width, const uint32_t* aux,
                                  uint32_t aux_width, const uint32_t* publics, const uint32_t* challenges,
                                  const uint32_t* aux_publics, const uint32_t* alpha_powers,
                                  const uint32_t* selectors, uint32_t points, uint32_t* registers,
                                  uint32_t* out) {
  // selectors: first-row, last-row, transition and 1/Z_H, `points` words each
  quotient::Task task{code, instructions, outputs, when, constraints, log_lde, log_blowup, pre, pre_width,
                      main, main_width, aux, aux_width, publics, challenges, aux_publics, alpha_powers,
                      selectors, selectors + points, selectors + 2u * (size_t)points,
                      selectors + 3u * (size_t)points};
  const uint32_t threads = gridDim.x * blockDim.x;
  const uint32_t tid = blockIdx.x * blockDim.x + threadIdx.x;
  quotient::Registers r{registers + tid, threads};
  for (uint32_t j = tid; j < points; j += threads) quotient::evaluate_point(task, j, r, out);
}

}  // extern "C"

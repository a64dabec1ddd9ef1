// Host-side tests of the kernel logic: the headers the kernels are built from, compiled for the
// CPU and run on fixed and random vectors. Two kinds of check:
//   - self-contained ones against naive references (field arithmetic, a quadratic DFT);
//   - bit-for-bit equality with the Java CPU backend, through the vector files that
//     KernelVectorFilesTest writes under target/kernel-vectors (`make test-kernels`).
// The NTT runs the kernel's block function (ntt::run_pass_block) group by group, with several
// pass plans, so the index arithmetic the GPU uses is what is tested here.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "../babybear.cuh"
#include "../fri.cuh"
#include "../ntt.cuh"
#include "../poseidon2.cuh"
#include "../quotient.cuh"
#include "vectors.h"

using Words = std::vector<uint32_t>;

static int failures = 0;
static int checks = 0;

static void expect(bool ok, const std::string& what) {
  checks++;
  if (!ok) {
    failures++;
    if (failures <= 20) std::fprintf(stderr, "FAIL: %s\n", what.c_str());
  }
}

static void expect_equal(const Words& got, const Words& want, const std::string& what) {
  if (got.size() != want.size()) {
    expect(false, what + ": length " + std::to_string(got.size()) + " != " + std::to_string(want.size()));
    return;
  }
  for (size_t i = 0; i < got.size(); i++) {
    if (got[i] != want[i]) {
      expect(false, what + ": first difference at word " + std::to_string(i) + ": " + std::to_string(got[i]) +
                        " != " + std::to_string(want[i]));
      return;
    }
  }
  expect(true, what);
}

// ---- the NTT driver: the pass plan of CudaBackend (NttPlan.java), on the host ----

struct Plan {
  uint32_t max_k;     // stages per pass at most
  uint32_t log_tile;  // columns per block = 2^log_tile
};

static std::vector<uint32_t> pass_sizes(uint32_t log_n, uint32_t max_k) {
  uint32_t passes = (log_n + max_k - 1) / max_k;
  std::vector<uint32_t> sizes;
  uint32_t left = log_n;
  for (uint32_t i = 0; i < passes; i++) {
    uint32_t k = (left + (passes - i) - 1) / (passes - i);  // balanced
    sizes.push_back(k);
    left -= k;
  }
  return sizes;
}

static void run_pass(const ntt::PassParams& p, const uint32_t* src, uint32_t* dst, const Words& tw,
                     const uint32_t* factor) {
  uint32_t groups = (1u << p.log_n) >> p.k;
  uint32_t col_tiles = (p.width + (1u << p.log_tile) - 1) >> p.log_tile;
  Words tile(((size_t)(1u << p.k) << p.log_tile) + (1u << p.k));
  for (uint32_t g = 0; g < groups; g++) {
    for (uint32_t ct = 0; ct < col_tiles; ct++) {
      ntt::run_pass_block(p, src, dst, tw.data(), factor, tile.data(), g, ct, 0, 1, [] {});
    }
  }
}

// DIT: rows of src read bit-reversed, natural order out in dst (scaled by factor when given).
static void dit(const uint32_t* src, uint32_t* dst, uint32_t log_n, uint32_t width, const Words& tw,
                const Plan& plan) {
  uint32_t s0 = 0;
  bool first = true;
  for (uint32_t k : pass_sizes(log_n, plan.max_k)) {
    ntt::PassParams p{log_n, width, s0, k, plan.log_tile, first ? ntt::BITREV_SRC : 0u, 1u << log_n};
    run_pass(p, first ? src : dst, dst, tw, nullptr);
    s0 += k;
    first = false;
  }
}

// DIF in place: natural order in, bit-reversed out; the first pass reads only src_rows rows,
// scaled by factor when given (zero padding and coset shift of a low-degree extension).
static void dif(uint32_t* data, uint32_t log_n, uint32_t width, const Words& tw, const Plan& plan,
                uint32_t src_rows, const uint32_t* factor) {
  uint32_t top = log_n;
  bool first = true;
  for (uint32_t k : pass_sizes(log_n, plan.max_k)) {
    uint32_t flags = ntt::DIF | (first && factor ? ntt::SCALE : 0u);
    ntt::PassParams p{log_n, width, top - k, k, plan.log_tile, flags, first ? src_rows : 1u << log_n};
    run_pass(p, data, data, tw, first ? factor : nullptr);
    top -= k;
    first = false;
  }
}

static Words twiddles(uint32_t log_max, bool inverse) {
  uint32_t root = bb::two_adic_generator(log_max);
  if (inverse) root = bb::inv(root);
  Words tw((size_t)1 << log_max, 0);
  for (uint32_t i = 1; i < tw.size(); i++) tw[i] = bb::to_mont(ntt::twiddle_value(i, root, log_max));
  return tw;
}

static void bit_reverse_rows(Words& m, uint32_t log_n, uint32_t width) {
  Words out(m.size());
  for (uint32_t r = 0; r < (1u << log_n); r++) {
    uint32_t rr = log_n == 0 ? r : bb::reverse_bits(r, log_n);
    for (uint32_t c = 0; c < width; c++) out[(size_t)rr * width + c] = m[(size_t)r * width + c];
  }
  m.swap(out);
}

// natural -> natural evaluations
static Words forward(const Words& coeffs, uint32_t log_n, uint32_t width, const Plan& plan) {
  Words out = coeffs;
  if (log_n == 0) return out;
  dif(out.data(), log_n, width, twiddles(log_n, false), plan, 1u << log_n, nullptr);
  bit_reverse_rows(out, log_n, width);
  return out;
}

static Words powers_mont(uint32_t n, uint32_t base, uint32_t scale) {
  Words f(n);
  for (uint32_t i = 0; i < n; i++) f[i] = bb::to_mont(bb::mul(scale, bb::pow(base, i)));
  return f;
}

// natural evaluations -> natural coefficients
static Words inverse(const Words& evals, uint32_t log_n, uint32_t width, const Plan& plan) {
  Words out(evals.size());
  if (log_n == 0) return evals;
  dit(evals.data(), out.data(), log_n, width, twiddles(log_n, true), plan);
  Words f = powers_mont(1u << log_n, 1, bb::inv(1u << log_n));
  for (size_t i = 0; i < out.size(); i++) out[i] = bb::mont_mul(out[i], f[i / width]);
  return out;
}

// natural evaluations on H -> evaluations on shift * H', rows bit-reversed (Ntt.cosetLde)
static Words coset_lde(const Words& evals, uint32_t log_n, uint32_t width, uint32_t log_blowup,
                       uint32_t shift, const Plan& plan) {
  uint32_t log_big = log_n + log_blowup;
  Words out((size_t)width << log_big, 0xdeadbeefu);  // poisoned: every word must be written
  if (log_n > 0) {
    dit(evals.data(), out.data(), log_n, width, twiddles(log_n, true), plan);
  } else {
    for (uint32_t c = 0; c < width; c++) out[c] = evals[c];
  }
  Words f = powers_mont(1u << log_n, shift, bb::inv(1u << log_n));
  if (log_big == 0) {
    for (uint32_t c = 0; c < width; c++) out[c] = bb::mont_mul(out[c], f[0]);
    return out;
  }
  dif(out.data(), log_big, width, twiddles(log_big, false), plan, 1u << log_n, f.data());
  return out;
}

static const Plan PLANS[] = {{1, 0}, {3, 1}, {4, 3}, {10, 3}, {13, 0}, {8, 5}, {7, 6}, {8, 6}, {9, 2}, {11, 4}, {12, 3}};

// ---- self-contained checks ----

static void check_field(std::mt19937_64& rng) {
  expect(bb::to_mont(1) == bb::R_MOD_P, "R mod p");
  expect(bb::mont_mul(bb::R_MOD_P, bb::R2_MOD_P) == bb::R2_MOD_P, "R^2 mod p");
  expect(bb::pow(bb::two_adic_generator(27), 1u << 26) == bb::P - 1, "2^27-th root is primitive");
  for (int i = 0; i < 20000; i++) {
    uint32_t a = (uint32_t)(rng() % bb::P), b = (uint32_t)(rng() % bb::P);
    if (i < 4) a = i == 0 ? 0 : bb::P - i;  // edges
    expect(bb::mul(a, b) == (uint32_t)((uint64_t)a * b % bb::P), "mul");
    expect(bb::add(a, b) == (uint32_t)(((uint64_t)a + b) % bb::P), "add");
    expect(bb::sub(a, b) == (uint32_t)(((uint64_t)a + bb::P - b) % bb::P), "sub");
    expect(bb::from_mont(bb::to_mont(a)) == a, "Montgomery round trip");
    if (a != 0) expect(bb::mul(a, bb::inv(a)) == 1, "inverse");
    bb::Ext4 x{{a, b, (uint32_t)(rng() % bb::P), (uint32_t)(rng() % bb::P)}};
    bb::Ext4 y{{(uint32_t)(rng() % bb::P), (uint32_t)(rng() % bb::P), b, a}};
    unsigned __int128 acc[4] = {0, 0, 0, 0};
    for (int u = 0; u < 4; u++)
      for (int v = 0; v < 4; v++) {
        unsigned __int128 t = (unsigned __int128)x.c[u] * y.c[v];
        if (u + v >= 4) acc[u + v - 4] += t * bb::EXT_W; else acc[u + v] += t;
      }
    bb::Ext4 z = bb::ext_mul(x, y);
    for (int u = 0; u < 4; u++) expect(z.c[u] == (uint32_t)(acc[u] % bb::P), "ext mul");
  }
  for (uint32_t v = 0; v < 1024; v++) {
    uint32_t naive = 0;
    for (uint32_t bit = 0; bit < 10; bit++) naive |= ((v >> bit) & 1u) << (9 - bit);
    expect(bb::reverse_bits(v, 10) == naive, "reverse_bits");
  }
}

static Words naive_dft(const Words& coeffs, uint32_t log_n, uint32_t width, uint32_t shift) {
  uint32_t n = 1u << log_n;
  uint32_t w = bb::two_adic_generator(log_n);
  Words out((size_t)n * width);
  for (uint32_t i = 0; i < n; i++) {
    uint32_t x = bb::mul(shift, bb::pow(w, i));
    for (uint32_t c = 0; c < width; c++) {
      uint32_t acc = 0;
      for (uint32_t j = n; j-- > 0;) acc = bb::add(bb::mul(acc, x), coeffs[(size_t)j * width + c]);
      out[(size_t)i * width + c] = acc;
    }
  }
  return out;
}

static void check_ntt_self(std::mt19937_64& rng) {
  for (uint32_t log_n = 0; log_n <= 7; log_n++) {
    for (uint32_t width : {1u, 3u, 8u, 11u, 40u, 64u}) {
      Words coeffs((size_t)width << log_n);
      for (auto& v : coeffs) v = (uint32_t)(rng() % bb::P);
      Words want = naive_dft(coeffs, log_n, width, 1);
      std::string shape = " 2^" + std::to_string(log_n) + "x" + std::to_string(width);
      for (const Plan& plan : PLANS) {
        std::string tag = shape + " plan k" + std::to_string(plan.max_k) + "/t" + std::to_string(plan.log_tile);
        expect_equal(forward(coeffs, log_n, width, plan), want, "forward vs naive DFT" + tag);
        expect_equal(inverse(want, log_n, width, plan), coeffs, "inverse vs naive DFT" + tag);
        // LDE: evaluations on H -> the same polynomial on shift * H', bit-reversed rows
        uint32_t log_blowup = 2, shift = 31;  // BabyBear's multiplicative generator
        Words padded((size_t)width << (log_n + log_blowup), 0);
        std::copy(coeffs.begin(), coeffs.end(), padded.begin());
        Words lde_want = naive_dft(padded, log_n + log_blowup, width, shift);
        bit_reverse_rows(lde_want, log_n + log_blowup, width);
        expect_equal(coset_lde(want, log_n, width, log_blowup, shift, plan), lde_want, "coset LDE vs naive" + tag);
      }
    }
  }
}

// ---- bit-for-bit equality with the Java CPU backend ----

static void check_field_vectors(const std::string& dir) {
  VectorFile f(dir + "/field.vec");
  Words a = f.next("a"), b = f.next("b");
  Words mul = f.next("mul"), inv = f.next("inv_a");
  Words ea = f.next("ext_a"), eb = f.next("ext_b"), emul = f.next("ext_mul");
  Words got_mul(a.size()), got_inv(a.size()), got_emul(ea.size());
  for (size_t i = 0; i < a.size(); i++) {
    got_mul[i] = bb::mul(a[i], b[i]);
    got_inv[i] = a[i] == 0 ? 0 : bb::inv(a[i]);
  }
  for (size_t i = 0; i < ea.size(); i += 4) {
    bb::Ext4 z = bb::ext_mul(bb::Ext4{{ea[i], ea[i + 1], ea[i + 2], ea[i + 3]}},
                             bb::Ext4{{eb[i], eb[i + 1], eb[i + 2], eb[i + 3]}});
    for (int u = 0; u < 4; u++) got_emul[i + u] = z.c[u];
  }
  expect_equal(got_mul, mul, "BabyBear.mul");
  expect_equal(got_inv, inv, "BabyBear.inv");
  expect_equal(got_emul, emul, "Ext4.mul");
}

static void check_ntt_vectors(const std::string& dir) {
  VectorFile f(dir + "/ntt.vec");
  int cases = 0;
  while (!f.at_end()) {
    uint32_t log_n = f.scalar("log_n"), width = f.scalar("width");
    uint32_t log_blowup = f.scalar("log_blowup"), shift = f.scalar("shift");
    Words input = f.next("input"), fwd = f.next("forward"), inv = f.next("inverse"), lde = f.next("lde");
    std::string shape = " 2^" + std::to_string(log_n) + "x" + std::to_string(width);
    for (const Plan& plan : PLANS) {
      std::string tag = shape + " plan k" + std::to_string(plan.max_k);
      expect_equal(forward(input, log_n, width, plan), fwd, "Ntt.forward" + tag);
      expect_equal(inverse(input, log_n, width, plan), inv, "Ntt.inverse" + tag);
      expect_equal(coset_lde(input, log_n, width, log_blowup, shift, plan), lde, "Ntt.cosetLde" + tag);
    }
    cases++;
  }
  expect(cases > 0, "ntt.vec holds cases");
}

static Words mont_constants(const Words& canonical) {
  Words k(canonical.size());
  for (size_t i = 0; i < k.size(); i++) k[i] = bb::to_mont(canonical[i]);
  return k;
}

static void check_poseidon2_vectors(const std::string& dir) {
  VectorFile f(dir + "/poseidon2.vec");
  Words consts = f.next("constants");
  expect(consts.size() == p2::CONSTANTS, "constant count");
  Words k = mont_constants(consts);
  Words states = f.next("states"), permuted = f.next("permuted");
  Words got = states;
  for (size_t i = 0; i < got.size(); i += p2::WIDTH) p2::permute(&got[i], k.data());
  expect_equal(got, permuted, "Poseidon2.permute");
  while (f.peek_name() == "hash_width") {
    uint32_t width = f.scalar("hash_width");
    Words rows = f.next("hash_input"), digests = f.next("hash_digests");
    uint32_t n = (uint32_t)(digests.size() / p2::DIGEST);
    Words out((size_t)n * p2::DIGEST);
    for (uint32_t r = 0; r < n; r++) p2::hash_elements(&rows[(size_t)r * width], width, &out[(size_t)r * p2::DIGEST], k.data());
    expect_equal(out, digests, "Poseidon2Hash.hash width " + std::to_string(width));
  }
  // leaves spanning several matrices: the sponge carried from one matrix to the next
  std::vector<Words> matrices;
  std::vector<uint32_t> widths;
  while (f.peek_name() == "leaves_matrix") {
    widths.push_back(f.scalar("leaves_matrix"));
    matrices.push_back(f.next("leaves_input"));
  }
  Words leaves = f.next("leaves_digests");
  uint32_t rows = (uint32_t)(leaves.size() / p2::DIGEST);
  Words leaf_out(leaves.size());
  for (uint32_t r = 0; r < rows; r++) {
    uint32_t s[p2::WIDTH] = {0};
    uint32_t pos = 0;
    for (size_t m = 0; m < matrices.size(); m++) {
      pos = p2::absorb(s, &matrices[m][(size_t)r * widths[m]], widths[m], pos, k.data());
    }
    p2::squeeze(s, pos, &leaf_out[(size_t)r * p2::DIGEST], k.data());
  }
  expect_equal(leaf_out, leaves, "CpuBackend.hashLeaves over several matrices");
  // Merkle layers: compress pairs layer by layer up to the root
  Words layer = f.next("children"), parents = f.next("parents"), root = f.next("root");
  bool first = true;
  while (layer.size() > p2::DIGEST) {
    Words up(layer.size() / 2);
    for (size_t i = 0; i < up.size(); i += p2::DIGEST) {
      p2::compress(&layer[2 * i], &layer[2 * i + p2::DIGEST], &up[i], k.data());
    }
    if (first) expect_equal(up, parents, "Poseidon2Hash.compress (first Merkle layer)");
    first = false;
    layer.swap(up);
  }
  expect_equal(layer, root, "CpuBackend.merkleLayers root");
}

static void check_fri_vectors(const std::string& dir) {
  VectorFile f(dir + "/fri.vec");
  int cases = 0;
  while (!f.at_end()) {
    uint32_t log_n = f.scalar("fri_log_n"), shift = f.scalar("fri_shift");
    Words beta = f.next("fri_beta");
    fri::FoldParams p = fri::make_params(log_n, shift, beta.data());
    Words input = f.next("fri_input"), folded = f.next("fri_folded");
    Words out(folded.size());
    for (uint32_t i = 0; i < out.size() / 4; i++) fri::fold_one(p, input.data(), out.data(), i);
    expect_equal(out, folded, "FRI fold 2^" + std::to_string(p.log_n));
    cases++;
  }
  expect(cases > 0, "fri.vec holds cases");
}

static void check_quotient_vectors(const std::string& dir) {
  VectorFile f(dir + "/quotient.vec");
  int cases = 0;
  while (!f.at_end()) {
    Words code = f.next("q_code");
    uint32_t registers = f.scalar("q_registers");
    Words outputs = f.next("q_outputs"), when = f.next("q_when");
    uint32_t log_rows = f.scalar("q_log_rows"), log_blowup = f.scalar("q_log_blowup");
    uint32_t log_size = f.scalar("q_log_size");
    uint32_t pre_width = f.scalar("q_pre_width");
    Words pre = f.next("q_pre");
    uint32_t main_width = f.scalar("q_main_width");
    Words main_lde = f.next("q_main");
    uint32_t aux_width = f.scalar("q_aux_width");
    Words aux = f.next("q_aux"), publics = f.next("q_publics"), challenges = f.next("q_challenges");
    Words aux_publics = f.next("q_aux_publics"), alpha = f.next("q_alpha");
    Words first = f.next("q_first"), last = f.next("q_last"), transition = f.next("q_transition");
    Words inv_z = f.next("q_inv_z"), want = f.next("q_out");
    quotient::Task t{code.data(), (uint32_t)(code.size() / 4), outputs.data(), when.data(), (uint32_t)outputs.size(),
                     log_rows + log_blowup, log_blowup, pre.data(), pre_width, main_lde.data(), main_width,
                     aux.data(), aux_width, publics.data(), challenges.data(), aux_publics.data(), alpha.data(),
                     first.data(), last.data(), transition.data(), inv_z.data()};
    // Two interleaved register files, as two device threads would share them.
    Words regs((size_t)registers * 4 * 2, 0xdeadbeefu);
    Words out((size_t)4 << log_size, 0xdeadbeefu);
    for (uint32_t j = 0; j < (1u << log_size); j++) {
      quotient::evaluate_point(t, j, quotient::Registers{regs.data() + (j & 1u), 2}, out.data());
    }
    expect_equal(out, want, "CpuQuotientKernel.evaluate, case " + std::to_string(cases));
    cases++;
  }
  expect(cases > 0, "quotient.vec holds cases");
}

int main(int argc, char** argv) {
  std::mt19937_64 rng(0x6c32);
  check_field(rng);
  check_ntt_self(rng);
  if (argc > 1) {
    std::string dir = argv[1];
    try {
      check_field_vectors(dir);
      check_ntt_vectors(dir);
      check_poseidon2_vectors(dir);
      check_fri_vectors(dir);
      check_quotient_vectors(dir);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "FAIL: %s\n", e.what());
      failures++;
    }
  }
  std::printf("kernel host tests: %d checks, %d failures%s\n", checks, failures,
              argc > 1 ? "" : " (self-contained only: no vector directory given)");
  return failures == 0 ? 0 : 1;
}

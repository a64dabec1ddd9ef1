// The quotient evaluation of ComputeBackend.evaluateQuotient: an interpreter of a compiled
// constraint program (io.l2prover.zkvm.stark.air.ConstraintProgram), one quotient-domain point at
// a time, with exactly the semantics of the Java CpuQuotientKernel: registers hold extension
// values, base-field registers use their first coordinate and keep the others zero.
#pragma once
#include "babybear.cuh"

namespace quotient {

// Opcodes of ConstraintProgram (4 words per instruction: opcode, destination, a, b).
enum Op : uint32_t {
  CONST = 0, PRE = 1, MAIN = 2, AUX = 3, PUB = 4, CHAL = 5, AUX_PUB = 6, ADD_B = 7, ADD_E = 8,
  SUB_B = 9, SUB_E = 10, MUL_BB = 11, MUL_EB = 12, MUL_EE = 13, NEG_B = 14, NEG_E = 15
};

// When ordinals of a constraint: which selector weights it.
constexpr uint32_t EVERY_ROW = 0, TRANSITION = 1, FIRST_ROW = 2, LAST_ROW = 3;

/** The task's arrays (QuotientTask), all canonical words. */
struct Task {
  const uint32_t* code;
  uint32_t instructions;
  const uint32_t* outputs;
  const uint32_t* when;
  uint32_t constraints;
  uint32_t log_lde;     // logRows + logBlowup
  uint32_t log_blowup;
  const uint32_t* pre;
  uint32_t pre_width;
  const uint32_t* main;
  uint32_t main_width;
  const uint32_t* aux;
  uint32_t aux_width;   // base columns (4 per extension column)
  const uint32_t* publics;
  const uint32_t* challenges;
  const uint32_t* aux_publics;
  const uint32_t* alpha_powers;
  const uint32_t* first_row;
  const uint32_t* last_row;
  const uint32_t* transition;
  const uint32_t* inverse_vanishing;
};

// Register file of one point: coordinate k of register i is regs[(4 i + k) * stride] (on the
// device, threads interleave so that their accesses coalesce).
struct Registers {
  uint32_t* base;
  size_t stride;
  L2_HD uint32_t& at(uint32_t reg, uint32_t k) const { return base[((size_t)reg * 4u + k) * stride]; }
  L2_HD bb::Ext4 ext(uint32_t reg) const { return bb::Ext4{{at(reg, 0), at(reg, 1), at(reg, 2), at(reg, 3)}}; }
  L2_HD void set(uint32_t reg, const bb::Ext4& v) const {
    for (uint32_t k = 0; k < 4; k++) at(reg, k) = v.c[k];
  }
  L2_HD void set_base(uint32_t reg, uint32_t v) const {
    at(reg, 0) = v;
    at(reg, 1) = 0;
    at(reg, 2) = 0;
    at(reg, 3) = 0;
  }
};

L2_HD bb::Ext4 load_ext(const uint32_t* p) { return bb::Ext4{{p[0], p[1], p[2], p[3]}}; }

// Writes the 4 words of quotient point j to out[4j ..].
L2_HD void evaluate_point(const Task& t, uint32_t j, const Registers& r, uint32_t* out) {
  const uint32_t lde_mask = (1u << t.log_lde) - 1u;
  const uint32_t next = bb::reverse_bits((bb::reverse_bits(j, t.log_lde) + (1u << t.log_blowup)) & lde_mask, t.log_lde);
  for (uint32_t pc = 0; pc < t.instructions; pc++) {
    const uint32_t* ins = t.code + 4u * pc;
    const uint32_t dst = ins[1], a = ins[2], b = ins[3];
    const uint32_t row = b == 0 ? j : next;
    switch (ins[0]) {
      case CONST: r.set_base(dst, a); break;
      case PRE: r.set_base(dst, t.pre[(size_t)row * t.pre_width + a]); break;
      case MAIN: r.set_base(dst, t.main[(size_t)row * t.main_width + a]); break;
      case AUX: r.set(dst, load_ext(t.aux + (size_t)row * t.aux_width + 4u * a)); break;
      case PUB: r.set_base(dst, t.publics[a]); break;
      case CHAL: r.set(dst, load_ext(t.challenges + 4u * a)); break;
      case AUX_PUB: r.set(dst, load_ext(t.aux_publics + 4u * a)); break;
      case ADD_B: r.set_base(dst, bb::add(r.at(a, 0), r.at(b, 0))); break;
      case ADD_E: r.set(dst, bb::ext_add(r.ext(a), r.ext(b))); break;
      case SUB_B: r.set_base(dst, bb::sub(r.at(a, 0), r.at(b, 0))); break;
      case SUB_E: r.set(dst, bb::ext_sub(r.ext(a), r.ext(b))); break;
      case MUL_BB: r.set_base(dst, bb::mul(r.at(a, 0), r.at(b, 0))); break;
      case MUL_EB: r.set(dst, bb::ext_mul_base(r.ext(a), r.at(b, 0))); break;
      case MUL_EE: r.set(dst, bb::ext_mul(r.ext(a), r.ext(b))); break;
      case NEG_B: r.set_base(dst, bb::neg(r.at(a, 0))); break;
      default: r.set(dst, bb::ext_sub(bb::Ext4{{0, 0, 0, 0}}, r.ext(a))); break;  // NEG_E (checked on the host)
    }
  }
  bb::Ext4 acc[4] = {{{0, 0, 0, 0}}, {{0, 0, 0, 0}}, {{0, 0, 0, 0}}, {{0, 0, 0, 0}}};
  for (uint32_t i = 0; i < t.constraints; i++) {
    bb::Ext4 term = bb::ext_mul(load_ext(t.alpha_powers + 4u * i), r.ext(t.outputs[i]));
    switch (t.when[i]) {
      case EVERY_ROW: acc[0] = bb::ext_add(acc[0], term); break;
      case TRANSITION: acc[1] = bb::ext_add(acc[1], term); break;
      case FIRST_ROW: acc[2] = bb::ext_add(acc[2], term); break;
      default: acc[3] = bb::ext_add(acc[3], term); break;
    }
  }
  bb::Ext4 v = bb::ext_add(bb::ext_add(acc[0], bb::ext_mul_base(acc[1], t.transition[j])),
                           bb::ext_add(bb::ext_mul_base(acc[2], t.first_row[j]), bb::ext_mul_base(acc[3], t.last_row[j])));
  bb::Ext4 q = bb::ext_mul_base(v, t.inverse_vanishing[j]);
  for (uint32_t k = 0; k < 4; k++) out[4u * j + k] = q.c[k];
}

}  // namespace quotient

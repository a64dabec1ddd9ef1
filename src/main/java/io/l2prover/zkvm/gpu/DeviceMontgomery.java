package io.l2prover.zkvm.gpu;

import io.l2prover.zkvm.field.BabyBear;

/** BabyBear values in the kernels' Montgomery form: x * 2^32 mod p (native/cuda/babybear.cuh). */
final class DeviceMontgomery {

  /** 2^32 mod p. */
  static final int R_MOD_P = 0x0ffffffe;

  private DeviceMontgomery() {}

  static int toMont(int canonical) {
    return BabyBear.mul(canonical, R_MOD_P);
  }
}

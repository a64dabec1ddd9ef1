package io.l2prover.chain.gen;

import io.l2prover.util.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A tiny EVM assembler for the generator's contracts: opcodes by byte, pushes of the smallest
 * width, and one-byte jump labels resolved at {@link #code()} (the contracts are under 256 bytes).
 */
final class EvmAsm {

  static final int STOP = 0x00, ADD = 0x01, SUB = 0x03, LT = 0x10, EQ = 0x14, ISZERO = 0x15, SHR = 0x1c;
  static final int SHA3 = 0x20, CALLER = 0x33, CALLDATALOAD = 0x35, CODECOPY = 0x39;
  static final int MSTORE = 0x52, SLOAD = 0x54, SSTORE = 0x55, JUMP = 0x56, JUMPI = 0x57, JUMPDEST = 0x5b;
  static final int DUP1 = 0x80, DUP2 = 0x81, DUP3 = 0x82, SWAP1 = 0x90, LOG3 = 0xa3, RETURN = 0xf3, REVERT = 0xfd;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> labels = new HashMap<>();
  private final Map<Integer, String> fixups = new HashMap<>();

  EvmAsm op(int... opcodes) {
    for (int opcode : opcodes) {
      out.write(opcode);
    }
    return this;
  }

  /** PUSHn of {@code value} (big-endian, without leading zeros; PUSH1 0 for zero). */
  EvmAsm push(byte[] value) {
    int start = 0;
    while (start < value.length - 1 && value[start] == 0) {
      start++;
    }
    int n = Math.max(1, value.length - start);
    out.write(0x5f + n);
    out.write(value, value.length - n, n);
    return this;
  }

  EvmAsm push(long value) {
    return push(BigInteger.valueOf(value).toByteArray());
  }

  /** PUSH1 of a label's offset. */
  EvmAsm pushLabel(String label) {
    out.write(0x60);
    fixups.put(out.size(), label);
    out.write(0);
    return this;
  }

  /** A JUMPDEST named {@code label}. */
  EvmAsm label(String label) {
    labels.put(label, out.size());
    return op(JUMPDEST);
  }

  Bytes code() {
    byte[] code = out.toByteArray();
    fixups.forEach((at, label) -> {
      int target = labels.get(label);
      if (target > 0xff) {
        throw new IllegalStateException("label " + label + " at " + target + " needs more than one byte");
      }
      code[at] = (byte) target;
    });
    return Bytes.of(code);
  }

  /** Creation code that returns {@code runtime} after running {@code constructor} (which must leave the stack empty). */
  static Bytes initCode(EvmAsm constructor, Bytes runtime) {
    byte[] ctor = constructor.code().toArray();
    // ctor, then PUSH2 len DUP1 PUSH2 offset PUSH1 0 CODECOPY PUSH1 0 RETURN (13 bytes), then the runtime
    int offset = ctor.length + 13;
    ByteArrayOutputStream init = new ByteArrayOutputStream();
    init.writeBytes(ctor);
    int len = runtime.length();
    init.writeBytes(new byte[] {0x61, (byte) (len >> 8), (byte) len, (byte) DUP1, 0x61, (byte) (offset >> 8), (byte) offset,
        0x60, 0, (byte) CODECOPY, 0x60, 0, (byte) RETURN});
    if (init.size() != offset) {
      throw new IllegalStateException("init code layout");
    }
    init.writeBytes(runtime.toArray());
    return Bytes.of(init.toByteArray());
  }
}

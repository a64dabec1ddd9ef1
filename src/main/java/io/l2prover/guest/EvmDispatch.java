package io.l2prover.guest;

import io.l2prover.zkvm.exec.ElfSection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A point of the block guest's EVM interpreter where the opcode about to run is in a register:
 * the mark {@code EVM_PROFILE_DISPATCH} of {@code evm/profile.h} leaves one record per point in
 * the ELF's non-loaded section {@value #SECTION} (the address, then the register's name), so the
 * mark adds no instruction to the guest.
 *
 * @param pc the address of the instruction the mark precedes
 * @param register the register (1..31) that holds the opcode, zero-extended, before that instruction runs
 */
public record EvmDispatch(int pc, int register) {

  /** The section the guest's dispatch marks are recorded in. */
  public static final String SECTION = ".l2vm.evm_dispatch";

  private static final List<String> ABI_NAMES = List.of("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
      "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
      "t3", "t4", "t5", "t6");

  /**
   * The dispatch points the guest ELF records.
   *
   * @throws IllegalArgumentException when it records none (a guest built without the mark) or a malformed one
   */
  public static List<EvmDispatch> of(byte[] elf) {
    byte[] section = ElfSection.read(elf, SECTION).orElseThrow(() -> new IllegalArgumentException(
        "the guest ELF has no " + SECTION + " section: it was built without the EVM's dispatch mark (evm/profile.h)"));
    ByteBuffer b = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
    List<EvmDispatch> points = new ArrayList<>();
    while (b.remaining() >= 4) {
      int pc = b.getInt();
      StringBuilder name = new StringBuilder();
      byte c;
      while (b.hasRemaining() && (c = b.get()) != 0) {
        name.append((char) c);
      }
      b.position(Math.min(b.limit(), (b.position() + 3) & ~3));
      points.add(new EvmDispatch(pc, register(name.toString())));
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("the guest ELF's " + SECTION + " section records no dispatch point");
    }
    return List.copyOf(points);
  }

  private static int register(String name) {
    int index = name.equals("fp") ? 8 : ABI_NAMES.indexOf(name);
    if (index < 1) {
      throw new IllegalArgumentException("the guest ELF's " + SECTION + " section names no register it can use: '"
          + name + "'");
    }
    return index;
  }
}

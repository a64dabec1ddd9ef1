package io.l2prover.zkvm.rv32im;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of an RV32IM proof for one guest, in the order proofs list them. A segment proof
 * holds the {@link #segmentChips()}; the execution's memory proof holds the
 * {@link #memoryChips()}. Chips are immutable descriptions: all but the program and image tables
 * are the same for every guest ({@link SharedChips}).
 */
public final class Rv32imCircuit {

  private final GuestProgram program;
  private final ProgramTable programTable;
  private final ImageTable imageTable;
  private final CpuChip cpu = SharedChips.CPU;
  private final LoadStoreChip loadStore = SharedChips.LOAD_STORE;
  private final EcallChip ecall = SharedChips.ECALL;
  private final IoChip io = SharedChips.IO;
  private final MemoryBoundaryChip boundary = SharedChips.BOUNDARY;
  private final KeccakChip keccak = SharedChips.KECCAK;
  private final List<RowPrecompileChip> rowPrecompiles = SharedChips.ROW_PRECOMPILES;
  private final List<AluChip> aluChips = SharedChips.ALU;
  private final ByteTable bytes = SharedChips.BYTES;
  private final MemoryInitChip memoryInit = SharedChips.MEMORY_INIT;

  public Rv32imCircuit(GuestProgram program) {
    this.program = program;
    this.programTable = program.programTable();
    this.imageTable = program.imageTable();
  }

  private Rv32imCircuit(int programLogRows, int imageLogRows) {
    this.program = null;
    this.programTable = ProgramTable.ofHeight(programLogRows);
    this.imageTable = ImageTable.ofHeight(imageLogRows);
  }

  /** The circuit as a verifier knows it: table heights, no program contents (the image ID binds them). */
  public static Rv32imCircuit ofHeights(int programLogRows, int imageLogRows) {
    return new Rv32imCircuit(programLogRows, imageLogRows);
  }

  /** The guest, or null in a verifier's circuit. */
  public GuestProgram program() {
    return program;
  }

  ProgramTable programTable() {
    return programTable;
  }

  ImageTable imageTable() {
    return imageTable;
  }

  CpuChip cpu() {
    return cpu;
  }

  LoadStoreChip loadStore() {
    return loadStore;
  }

  EcallChip ecall() {
    return ecall;
  }

  IoChip io() {
    return io;
  }

  MemoryBoundaryChip boundary() {
    return boundary;
  }

  KeccakChip keccak() {
    return keccak;
  }

  /** The one-row precompile chips, in proof order. */
  List<RowPrecompileChip> rowPrecompiles() {
    return rowPrecompiles;
  }

  /** The chip that proves precompile call {@code number}. */
  RowPrecompileChip rowPrecompile(int number) {
    for (RowPrecompileChip chip : rowPrecompiles) {
      if (chip.calls().contains(number)) {
        return chip;
      }
    }
    throw new IllegalArgumentException("no chip proves call 0x" + Integer.toHexString(number));
  }

  List<AluChip> aluChips() {
    return aluChips;
  }

  ByteTable bytes() {
    return bytes;
  }

  MemoryInitChip memoryInit() {
    return memoryInit;
  }

  /** The tables of every segment proof, in proof order. */
  public List<Chip> segmentChips() {
    List<Chip> out = new ArrayList<>(List.of(cpu, loadStore, ecall, io, boundary, keccak));
    out.addAll(rowPrecompiles);
    for (AluChip a : aluChips) {
      out.add((Chip) a);
    }
    out.add(programTable);
    out.add(bytes);
    return List.copyOf(out);
  }

  /** The tables of the execution's memory proof, in proof order. */
  public List<Chip> memoryChips() {
    return List.of(memoryInit, imageTable, bytes);
  }
}

package io.l2prover.zkvm.rv32im;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of an RV32IM proof for one guest, in the order proofs list them. A segment proof
 * holds the {@link #segmentChips()}; the execution's memory proof holds the
 * {@link #memoryChips()}. Chips are immutable descriptions, built once per guest.
 */
public final class Rv32imCircuit {

  private final GuestProgram program;
  private final ProgramTable programTable;
  private final ImageTable imageTable;
  private final CpuChip cpu = new CpuChip();
  private final LoadStoreChip loadStore = new LoadStoreChip();
  private final EcallChip ecall = new EcallChip();
  private final IoChip io = new IoChip();
  private final MemoryBoundaryChip boundary = new MemoryBoundaryChip();
  private final KeccakChip keccak = new KeccakChip();
  /** In build order: chips that ask other ALU chips for operations come first. */
  private final List<AluChip> aluChips = List.of(new ShiftChip(), new DivRemChip(), new MulChip(), new AddSubChip(),
      new LtChip(), new BitwiseChip());
  private final ByteTable bytes = new ByteTable();
  private final MemoryInitChip memoryInit = new MemoryInitChip();

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

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.DebugChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a set of chip traces the way the proof will: every constraint, then every bus balance. */
final class ChipCheck {

  private ChipCheck() {}

  /** The first failure, or empty when the traces would prove. */
  static Optional<String> check(List<ChipTrace> tables, List<BusBalance.PublicTerm> publicTerms) {
    return check(tables, publicTerms, java.util.EnumSet.allOf(Bus.class));
  }

  /** As above, balancing only {@code buses}. */
  static Optional<String> check(List<ChipTrace> tables, List<BusBalance.PublicTerm> publicTerms, java.util.Set<Bus> buses) {
    for (ChipTrace t : tables) {
      if (!t.present()) {
        continue;
      }
      var failure = DebugChecker.checkMain(t.chip(), t.preprocessed(), t.main(), t.publicValues());
      if (failure.isPresent()) {
        return Optional.of(t.chip().name() + ": " + failure.get());
      }
    }
    return BusBalance.check(tables, publicTerms, buses);
  }

  /** The ALU requests as terms the test itself puts on the ALU bus, in place of a CPU. */
  static List<BusBalance.PublicTerm> aluRequests(List<AluEvent> events) {
    List<BusBalance.PublicTerm> out = new ArrayList<>();
    for (AluEvent e : events) {
      int[] v = new int[13];
      v[0] = e.op().id();
      for (int i = 0; i < 4; i++) {
        v[1 + i] = (e.a() >>> (8 * i)) & 0xff;
        v[5 + i] = (e.b() >>> (8 * i)) & 0xff;
        v[9 + i] = (e.result() >>> (8 * i)) & 0xff;
      }
      out.add(new BusBalance.PublicTerm(Bus.ALU, 1, v));
    }
    return out;
  }

  /** Traces for ALU {@code chips} proving {@code events}, with the chips they call in turn and the byte table. */
  static List<ChipTrace> aluTraces(List<AluChip> chips, List<AluEvent> events) {
    AluEvents pending = new AluEvents();
    for (AluEvent e : events) {
      pending.add(e.op(), e.a(), e.b());
    }
    List<ChipTrace> out = new ArrayList<>();
    for (AluChip chip : chips) {
      out.add(chip.trace(pending.of(chip.ops()), pending));
    }
    out.add(new ByteTable().trace(out));
    return out;
  }
}

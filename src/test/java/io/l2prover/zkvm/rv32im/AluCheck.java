package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.DebugChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Helpers for checking ALU chips against a cheating prover: one who writes any trace it likes and
 * then rebuilds the byte table's multiplicities to match, so a changed byte that is still a byte
 * passes the byte bus and must be caught by a constraint or by another bus.
 */
final class AluCheck {

  private AluCheck() {}

  /** {@code tables} (without a byte table) followed by a byte table counting their lookups. */
  static List<ChipTrace> withByteTable(List<ChipTrace> tables) {
    List<ChipTrace> out = new ArrayList<>();
    for (ChipTrace t : tables) {
      if (!(t.chip() instanceof ByteTable)) {
        out.add(t);
      }
    }
    out.add(new ByteTable().trace(out));
    return out;
  }

  /** The CPU's request (op, a, b, claimed) as a term the test puts on the ALU bus. */
  static BusBalance.PublicTerm request(AluOp op, int a, int b, int claimed) {
    int[] v = new int[13];
    v[0] = op.id();
    for (int i = 0; i < 4; i++) {
      v[1 + i] = (a >>> (8 * i)) & 0xff;
      v[5 + i] = (b >>> (8 * i)) & 0xff;
      v[9 + i] = (claimed >>> (8 * i)) & 0xff;
    }
    return new BusBalance.PublicTerm(Bus.ALU, 1, v);
  }

  /** Checks {@code tables} (byte table rebuilt) against the CPU claiming op(a, b) = {@code claimed}. */
  static Optional<String> checkClaim(List<ChipTrace> tables, AluOp op, int a, int b, int claimed) {
    return ChipCheck.check(withByteTable(tables), List.of(request(op, a, b, claimed)));
  }

  /** Honest traces of {@code chips} for {@code events}, byte table last, the CPU claiming the true results. */
  static Optional<String> checkHonest(List<AluChip> chips, List<AluEvent> events) {
    return ChipCheck.check(ChipCheck.aluTraces(chips, events), ChipCheck.aluRequests(events));
  }

  /**
   * Like {@link ChipCheck#check} after a change to {@code changed} alone: its constraints (the
   * others' are as built), then every bus with the byte table rebuilt, as a cheating prover would.
   */
  static Optional<String> checkChanged(List<ChipTrace> tables, ChipTrace changed, List<BusBalance.PublicTerm> publicTerms) {
    var failure = DebugChecker.checkMain(changed.chip(), changed.preprocessed(), changed.main(), changed.publicValues());
    if (failure.isPresent()) {
      return Optional.of(changed.chip().name() + ": " + failure.get());
    }
    return BusBalance.check(withByteTable(tables), publicTerms);
  }
}

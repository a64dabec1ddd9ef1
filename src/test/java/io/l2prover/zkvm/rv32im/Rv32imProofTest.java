package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Rv32imProofTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;
  static Rv32imCircuit circuit;
  static ExecutionTraces.Tables tables;
  static ExecutionProof proof;
  static Rv32imKeys keys;

  @BeforeAll
  static void proveHello() {
    Program program = Program.fromElf(Guests.bundled("hello"));
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = Executor.run(program, new byte[0],
        SmallSegments.options(10).withTrace(trace));
    circuit = new Rv32imCircuit(GuestProgram.of(program));
    tables = ExecutionTraces.build(circuit, result, trace);
    Rv32imProver prover = Rv32imProver.checked(new CpuBackend(), PARAMS);
    keys = prover.keys(circuit);
    proof = prover.prove(circuit, tables, (what, logRows, ms) -> {});
  }

  @Test
  void anHonestProofVerifies() throws InvalidProofException {
    assertThat(proof.segments()).hasSize(tables.segments().size()).hasSizeGreaterThan(1);
    new Rv32imVerifier(PARAMS).verify(keys, proof, tables.exitCode(), tables.journal());
  }

  @Test
  void anotherJournalOrExitCodeIsRejected() {
    byte[] journal = tables.journal().clone();
    if (journal.length > 0) {
      journal[0] ^= 1;
      assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, proof, tables.exitCode(), journal))
          .isInstanceOf(InvalidProofException.class);
    }
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, proof, tables.exitCode() + 1, tables.journal()))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void segmentsReorderedDroppedOrDuplicatedAreRejected() {
    var s = proof.segments();
    List<List<io.l2prover.zkvm.stark.proof.MultiTableProof>> forged = List.of(
        List.of(s.get(1), s.get(0)).stream().toList(),
        s.subList(1, s.size()),
        s.subList(0, s.size() - 1),
        java.util.stream.Stream.concat(s.stream(), java.util.stream.Stream.of(s.get(s.size() - 1))).toList());
    for (var f : forged) {
      assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, new ExecutionProof(f, proof.memory()),
          tables.exitCode(), tables.journal())).isInstanceOf(InvalidProofException.class);
    }
  }

  @Test
  void aProofThatLeavesOutATableIsRejected() {
    for (int k = 0; k <= proof.segments().size(); k++) {
      boolean memory = k == proof.segments().size();
      io.l2prover.zkvm.stark.proof.MultiTableProof p = memory ? proof.memory() : proof.segments().get(k);
      List<io.l2prover.zkvm.stark.proof.TableProof> parts = new java.util.ArrayList<>(p.tables());
      io.l2prover.zkvm.stark.proof.TableProof first = parts.get(0);
      parts.set(0, io.l2prover.zkvm.stark.proof.TableProof.absent(first.name(), first.publicValues()));
      var forged = p.withTables(parts);
      List<io.l2prover.zkvm.stark.proof.MultiTableProof> segments = new java.util.ArrayList<>(proof.segments());
      if (!memory) {
        segments.set(k, forged);
      }
      ExecutionProof forgedProof = new ExecutionProof(segments, memory ? forged : proof.memory());
      assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, forgedProof, tables.exitCode(), tables.journal()))
          .isInstanceOf(InvalidProofException.class).hasMessageContaining("leaves out table " + first.name());
    }
  }
}

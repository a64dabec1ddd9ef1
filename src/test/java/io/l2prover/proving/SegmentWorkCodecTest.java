package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.rv32im.ExecutionTraces;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.rv32im.SegmentWork;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Segment jobs and checkpoints survive their encodings, and damaged bytes are refused with a reason. */
class SegmentWorkCodecTest {

  private static List<SegmentWork> helloWork() {
    HelloGuest guest = HelloGuest.INSTANCE;
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult run = Executor.run(guest.program(), new byte[0],
        guest.options().withTrace(trace).withCapturePages(true).withPrecompiles(false));
    return ExecutionTraces.plan(new Rv32imCircuit(GuestProgram.of(guest.program())), run, trace).work();
  }

  @Test
  void aSegmentJobRoundTripsAndDamagedBytesAreRefused() {
    List<SegmentWork> work = helloWork();
    assertThat(work).hasSize(3);
    assertThat(work.get(0).previous()).isEmpty();
    assertThat(work.get(2).previous()).isNotEmpty();
    for (SegmentWork w : work) {
      byte[] bytes = SegmentWorkCodec.encode(w);
      SegmentWork back = SegmentWorkCodec.decode(bytes);
      assertThat(SegmentWorkCodec.encode(back)).isEqualTo(bytes);
      assertThat(back.previous()).isEqualTo(w.previous());
      assertThat(back.segment().start()).isEqualTo(w.segment().start());
      assertThatThrownBy(() -> SegmentWorkCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> SegmentWorkCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
          .hasMessageContaining("trailing");
    }
  }

  @Test
  void aCheckpointRoundTripsAndAFlippedByteIsDetected() {
    LookupChallenges challenges = SegmentMessages.challenges(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    byte[] file = SegmentCheckpoints.encode(new SegmentCheckpoints.Checkpoint(2, challenges, new byte[] {7, 7, 7}));
    SegmentCheckpoints.Checkpoint back = SegmentCheckpoints.decode(file);
    assertThat(back.index()).isEqualTo(2);
    assertThat(back.challenges()).isEqualTo(challenges);
    assertThat(back.proof()).containsExactly(7, 7, 7);
    file[10] ^= 1;
    assertThatThrownBy(() -> SegmentCheckpoints.decode(file)).hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> SegmentCheckpoints.decode(new byte[5])).isInstanceOf(IllegalArgumentException.class);
  }
}

package io.l2prover.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.SegmentMemoryPlan;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code bench gpu --plan} prints the block guest's segment memory plan, no GPU needed. */
class GpuPlanTest {

  @Test
  void printsOneJsonLinePerPo2() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = new GpuBenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(new String[] {"--plan"});
    assertThat(exit).isZero();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(SegmentMemoryPlan.MAX_PO2 - SegmentMemoryPlan.MIN_PO2 + 1);
    Rv32imCircuit block = new Rv32imCircuit(GuestProgram.of(Program.fromElf(Guests.bundled("block"))));
    for (int i = 0; i < lines.length; i++) {
      JsonNode line = new ObjectMapper().readTree(lines[i]);
      SegmentMemoryPlan plan = SegmentMemoryPlan.of(block, FriParameters.DEFAULT, SegmentMemoryPlan.MIN_PO2 + i);
      assertThat(line.get("po2").asInt()).isEqualTo(plan.po2());
      assertThat(line.get("total_bytes").asLong()).isEqualTo(plan.totalBytes());
      assertThat(line.get("trace_bytes").asLong()).isEqualTo(plan.traceBytes());
    }
  }
}

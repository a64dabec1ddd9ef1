package io.l2prover.chain.bench;

import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.state.BlockExecutor;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.witness.GuestInput;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.chain.witness.ProvableChain;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Java chain layer's costs on a generated block of 1000 transfers (`make bench-chain`):
 * sender recovery, full validation of the block, and building its guest input (witness).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChainBenchmark {

  private ProvableChain chain;
  private Transaction transaction;

  @Setup
  public void setUp() {
    GeneratedChain generated = ChainGenerator.generate(GeneratorSpec.of(1000, 2, 1000));
    chain = ProvableChain.of(generated.genesis(), generated.blocks());
    transaction = chain.block(2).transactions().get(0);
  }

  @Benchmark
  public Address recoverSender() {
    return Senders.recover(transaction);
  }

  /** Validates block 2 (1000 transfers) on its parent state: recovery, transfers, all roots. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BlockExecutor.Result validateBlock() {
    return chain.execute(2).result();
  }

  /** Builds and encodes block 2's guest input, witness included. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public byte[] guestInput() {
    GuestInput input = chain.input(2);
    return GuestInputEncoder.encode(input);
  }
}

package io.l2prover.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.gen.ContractChainGenerator;
import io.l2prover.chain.gen.DeterministicKeys;
import io.l2prover.chain.gen.EvmBlockSealer;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisAccount;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.FeeRules;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TxType;
import io.l2prover.chain.types.U256;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.chain.witness.StateStore;
import io.l2prover.chain.witness.WitnessRecorder;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The opcode profile of the committed block guest: its totals are the run's cycles exactly, the
 * profiled run is the plain run, and the opcodes counted are those of known bytecode.
 */
class EvmOpcodeProfilerTest {

  private static final long CHAIN_ID = 1337;
  private static byte[] elf;
  private static Program guest;

  @BeforeAll
  static void setUp() {
    elf = Guests.bundled("block");
    guest = Program.fromElf(elf);
  }

  /** The profiled run of {@code sealed}'s recorded input; it must be the plain run, cycle for cycle. */
  private static EvmProfile profile(EvmBlockSealer.Sealed sealed) {
    byte[] input = GuestInputEncoder.encode(sealed.recording().input());
    ExecutionResult plain = Executor.run(guest, input, ExecutorOptions.defaults());
    EvmOpcodeProfiler profiler = new EvmOpcodeProfiler(EvmDispatch.of(elf));
    ExecutionResult profiled = Executor.run(guest, input, ExecutorOptions.defaults().withStepObserver(profiler));
    profiler.endRun(profiled.cycles());
    assertThat(plain.exitCode()).isZero();
    assertThat(profiled.cycles()).isEqualTo(plain.cycles());
    assertThat(profiled.journal()).isEqualTo(plain.journal());
    EvmProfile profile = profiler.profile();
    assertThat(profile.cycles()).isEqualTo(plain.cycles());
    assertThat(profile.interpreterCycles() + profile.outsideCycles()).isEqualTo(plain.cycles());
    assertThat(profile.runs()).isEqualTo(1);
    return profile;
  }

  private static Map<String, Long> counts(EvmProfile profile) {
    return profile.opcodes().stream().collect(Collectors.toMap(EvmProfile.OpcodeCycles::name,
        EvmProfile.OpcodeCycles::count));
  }

  private static Map<String, EvmProfile.OpcodeCycles> byName(EvmProfile profile) {
    return profile.opcodes().stream().collect(Collectors.toMap(EvmProfile.OpcodeCycles::name, Function.identity()));
  }

  @Test
  void theCommittedGuestRecordsItsDispatchPoint() {
    List<EvmDispatch> points = EvmDispatch.of(elf);
    assertThat(points).isNotEmpty();
    for (EvmDispatch point : points) {
      assertThat(guest.segments()).as("code at 0x%08x", point.pc()).anyMatch(s -> s.executable()
          && Integer.toUnsignedLong(point.pc()) >= Integer.toUnsignedLong(s.address()) && point.pc() < s.end());
      assertThat(point.register()).isBetween(1, 31);
    }
  }

  @Test
  void aGuestWithoutTheMarkCannotBeProfiled() {
    assertThatThrownBy(() -> EvmDispatch.of(Guests.bundled("hello")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built without the EVM's dispatch mark");
  }

  @Test
  void aCreationThatCreatesCountsTheOpcodesOfBothInitCodes() {
    // PUSH5 <child: PUSH1 0 PUSH1 0 RETURN> PUSH1 0 MSTORE; PUSH1 5 PUSH1 27 PUSH1 0 CREATE; STOP
    Bytes initCode = Bytes.fromHex("0x6460006000f3600052600560" + "1b" + "6000f000", "initcode");
    EvmProfile profile = profile(sealOneTransaction(Optional.empty(), initCode));

    assertThat(counts(profile)).containsExactlyInAnyOrderEntriesOf(Map.of("PUSH5", 1L, "PUSH1", 6L, "MSTORE", 1L,
        "CREATE", 1L, "RETURN", 1L, "STOP", 1L));
    Map<String, EvmProfile.OpcodeCycles> ops = byName(profile);
    // Once a frame has returned, its last opcode stops counting: CREATE's work after the child
    // returned (the code deposit) is CREATE's, and what follows the top frame's STOP (the end of
    // the transaction, receipts, roots) lies outside the interpreter. Both halts cost a few hundred
    // cycles (about 50 000 for CREATE, 78 000 for the STOP if the frames were not followed).
    assertThat(ops.get("RETURN").cycles()).isLessThan(1_000);
    assertThat(ops.get("STOP").cycles()).isLessThan(1_000);
    assertThat(ops.get("CREATE").cycles()).isGreaterThan(10_000);
    assertThat(profile.outsideCycles()).isGreaterThan(profile.interpreterCycles());
  }

  @Test
  void generatedContractBlocksCountWhatTheirContractsDo() {
    GeneratorSpec spec = GeneratorSpec.of(3, 3, 2);
    ContractChainGenerator.Result chain = ContractChainGenerator.generate(spec,
        new ExecutorGuestRunner(guest, ExecutorOptions.defaults()));
    profile(chain.sealed().get(0)); // the deployments
    Map<String, Long> transfers = counts(profile(chain.sealed().get(1)));
    assertThat(transfers).containsEntry("LOG3", 2L).containsEntry("SSTORE", 4L); // 2 transfers, 2 balances each
    Map<String, Long> fills = counts(profile(chain.sealed().get(2)));
    assertThat(fills.get("SSTORE")).isGreaterThanOrEqualTo(2L * ContractChainGenerator.SLOTS_PER_CALL);
  }

  /** Block 1 on a genesis of one funded account, holding one transaction of it to {@code to}. */
  private static EvmBlockSealer.Sealed sealOneTransaction(Optional<Address> to, Bytes data) {
    BigInteger key = DeterministicKeys.privateKey(0);
    Address sender = Secp256k1.addressOf(key);
    Genesis genesis = new Genesis(ChainConfig.cancunFromGenesis(CHAIN_ID),
        Map.of(sender, GenesisAccount.withBalance(U256.of(BigInteger.TEN.pow(21)))), Address.ZERO, U256.ZERO,
        Bytes.EMPTY, 30_000_000L, Bytes.of(new byte[8]), Hash32.ZERO, 1_700_000_000L, Optional.empty());
    MapNodeStore nodes = new MapNodeStore();
    WorldState state = genesis.state(nodes);
    StateStore store = StateStore.over(nodes, state.codes());
    BlockHeader parent = genesis.header(state.root());
    store.addNode(parent.encode());
    U256 tip = U256.of(1_000_000_000L);
    Transaction tx = Senders.sign(new Transaction(TxType.DYNAMIC_FEE, OptionalLong.of(CHAIN_ID), 0, tip,
        FeeRules.baseFee(parent).multiply(2).add(tip), 300_000, to, U256.ZERO, data, List.of(), 0, U256.ONE, U256.ONE),
        key);
    EvmBlockSealer sealer = new EvmBlockSealer(new WitnessRecorder(new ExecutorGuestRunner(guest,
        ExecutorOptions.defaults())), CHAIN_ID);
    return sealer.seal(parent, List.of(tx), Address.ZERO, store);
  }
}

package io.l2prover.chain.gen;

import io.l2prover.guest.ExecutorGuestRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.witness.StateStore;
import io.l2prover.chain.rlp.RlpReader;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.U256;
import io.l2prover.chain.witness.BlockJournal;
import io.l2prover.chain.witness.GuestInputEncoder;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract chains sealed by the block guest: the token and the storage contract are deployed and
 * do what their source says (balances and slots read back from the final state with the Java
 * trie), every block's recorded witness proves it alone, and the same spec gives the same chain.
 */
class ContractChainGeneratorTest {

  private static Program guest;
  private static ContractChainGenerator.Result result;
  private static final GeneratorSpec SPEC = GeneratorSpec.of(4, 3, 3);

  @BeforeAll
  static void setUp() {
    guest = Program.fromElf(Guests.bundled("block"));
    result = ContractChainGenerator.generate(SPEC, new ExecutorGuestRunner(guest, ExecutorOptions.defaults()));
  }

  @Test
  void everyBlockIsProvenFromItsRecordedWitnessAlone() {
    for (EvmBlockSealer.Sealed sealed : result.sealed()) {
      ExecutionResult run = Executor.run(guest, GuestInputEncoder.encode(sealed.recording().input()),
          ExecutorOptions.defaults());
      assertThat(run.exitCode()).isZero();
      BlockJournal journal = BlockJournal.decode(run.journal());
      assertThat(journal.blockHash()).isEqualTo(sealed.block().hash());
      assertThat(journal.newStateRoot()).isEqualTo(sealed.block().header().stateRoot());
    }
  }

  @Test
  void theContractsDoWhatTheirSourceSays() {
    Genesis genesis = result.chain().genesis();
    MapNodeStore nodes = new MapNodeStore();
    WorldState initial = genesis.state(nodes);
    StateStore store = StateStore.over(nodes, initial.codes());
    for (EvmBlockSealer.Sealed sealed : result.sealed()) {
      sealed.recording().commitTo(store);
    }
    Block last = result.chain().blocks().get(result.chain().blocks().size() - 1);
    WorldState state = WorldState.at(last.header().stateRoot(), store, Map.of());
    Address deployer = Senders.recover(result.chain().blocks().get(0).transactions().get(0));
    Address token = ContractChainGenerator.createdAddress(deployer, 0);
    Address fill = ContractChainGenerator.createdAddress(deployer, 1);

    // Block 2 moved tokens from the deployer to others: its balance is the supply less what moved.
    U256 deployerTokens = slot(store, state, token, mappingSlot(deployer));
    assertThat(deployerTokens.toBigInteger()).isLessThan(BigInteger.TEN.pow(24)).isGreaterThan(BigInteger.ZERO);
    // Block 3 made 3 calls of 10 slots: next = 30, and slot 30 holds 30.
    assertThat(slot(store, state, fill, new byte[32])).isEqualTo(U256.of(30));
    byte[] thirty = U256.of(30).toBytes32();
    assertThat(slot(store, state, fill, thirty)).isEqualTo(U256.of(30));
    assertThat(result.chain().blocks().get(1).header().logsBloom().toArray()).isNotEqualTo(new byte[256]);
  }

  @Test
  void theSameSpecGivesTheSameChain() {
    assertThat(ContractChainGenerator.generate(SPEC, new ExecutorGuestRunner(guest, ExecutorOptions.defaults())).chain().blocks().get(2).hash())
        .isEqualTo(result.chain().blocks().get(2).hash());
  }

  private static byte[] mappingSlot(Address holder) {
    byte[] preimage = new byte[64];
    System.arraycopy(holder.toArray(), 0, preimage, 12, 20);
    return Keccak.digest(preimage);
  }

  private static U256 slot(StateStore store, WorldState state, Address contract, byte[] key) {
    Account account = state.account(contract).orElseThrow();
    Optional<byte[]> value = MerklePatriciaTrie.at(account.storageRoot(), store).get(Keccak.digest(key));
    return value.map(v -> U256.of(new BigInteger(1, RlpReader.of(v).readBytes()))).orElse(U256.ZERO);
  }
}

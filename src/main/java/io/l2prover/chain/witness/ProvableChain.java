package io.l2prover.chain.witness;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.state.InvalidBlockException;
import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisJson;
import io.l2prover.chain.state.Account;
import io.l2prover.chain.state.BlockExecutor;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.util.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chain validated from genesis, block by block, whose blocks can each be turned into a guest
 * input. It keeps every state's trie nodes (addressed by hash, so states share them) and so can
 * build the witness of any block. Immutable after construction; safe to read from many threads.
 */
public final class ProvableChain {

  private final ChainConfig config;
  private final List<BlockHeader> headers;
  private final List<Block> blocks;
  private final MapNodeStore nodes;
  private final Map<Hash32, Bytes> codes;
  /** The inputs of the blocks that needed the EVM, with the execution witness their recording run collected. */
  private final Map<Long, GuestInput> evmInputs;
  /** The block guest, for blocks that need the EVM; absent, such blocks are refused as unsupported. */
  private final Optional<GuestRunner> evm;

  private ProvableChain(ChainConfig config, List<BlockHeader> headers, List<Block> blocks,
      MapNodeStore nodes, Map<Hash32, Bytes> codes, Map<Long, GuestInput> evmInputs, Optional<GuestRunner> evm) {
    this.evm = evm;
    this.config = config;
    this.headers = headers;
    this.blocks = blocks;
    this.nodes = nodes;
    this.codes = codes;
    this.evmInputs = evmInputs;
  }

  /** Reads a genesis file and a chain file and validates every block, those that need the EVM with {@code evm}. */
  public static ProvableChain load(Path genesisFile, Path chainFile, GuestRunner evm) {
    return of(GenesisJson.read(genesisFile), ChainFile.read(chainFile), Optional.of(evm));
  }

  /** Reads a genesis file and a chain file of value-transfer blocks (one that needs the EVM is refused as unsupported). */
  public static ProvableChain load(Path genesisFile, Path chainFile) {
    return of(GenesisJson.read(genesisFile), ChainFile.read(chainFile), Optional.empty());
  }

  /** {@link #of(Genesis, List, Optional)} with the block guest {@code evm} for blocks that need the EVM. */
  public static ProvableChain of(Genesis genesis, List<Block> blocks, GuestRunner evm) {
    return of(genesis, blocks, Optional.of(evm));
  }

  /** {@link #of(Genesis, List, Optional)} for value-transfer chains: a block that needs the EVM is refused as unsupported. */
  public static ProvableChain of(Genesis genesis, List<Block> blocks) {
    return of(genesis, blocks, Optional.empty());
  }

  /**
   * Validates {@code blocks} (block 1 onwards, in order) on top of {@code genesis}. A block of
   * value transfers is validated in Java; one that needs the EVM (a contract creation or call,
   * which Java refuses as unsupported) by the block guest in the executor, by the witness-oracle
   * route ({@link WitnessRecorder}): the guest's verdict is the chain's, the witness it recorded
   * becomes the block's input, and the state it produced is kept for the blocks after it.
   *
   * @param evm the block guest; without it a block that needs the EVM is unsupported
   * @throws ChainException naming the first invalid or unsupported block
   */
  public static ProvableChain of(Genesis genesis, List<Block> blocks, Optional<GuestRunner> evm) {
    MapNodeStore nodes = new MapNodeStore();
    WorldState genesisState = genesis.state(nodes);
    Map<Hash32, Bytes> codes = new HashMap<>(genesisState.codes());
    List<BlockHeader> headers = new ArrayList<>(blocks.size() + 1);
    headers.add(genesis.header(genesisState.root()));
    // Headers are stored by their hash beside the trie nodes: the block guest reads the ones
    // BLOCKHASH reaches past the parent from its witness.
    nodes.put(headers.get(0).encode());
    BlockExecutor executor = new BlockExecutor(genesis.config());
    Map<Long, GuestInput> evmInputs = new HashMap<>();
    WitnessRecorder recorder = null; // made at the first block that needs it: a transfer chain never does
    for (Block block : blocks) {
      BlockHeader parent = headers.get(headers.size() - 1);
      if (block.number() != parent.number() + 1) {
        throw new ChainException("block " + block.number() + " does not follow block " + parent.number());
      }
      WorldState state = WorldState.at(parent.stateRoot(), nodes, codes);
      try {
        executor.execute(parent, block, state);
        state.commitTo(nodes);
      } catch (UnsupportedException needsEvm) {
        if (evm.isEmpty()) {
          throw needsEvm;
        }
        if (recorder == null) {
          recorder = new WitnessRecorder(evm.get());
        }
        evmInputs.put(block.number(), recordEvmBlock(recorder, genesis.config().chainId(), parent, block, nodes, codes));
      }
      headers.add(block.header());
      nodes.put(block.header().encode());
    }
    return new ProvableChain(genesis.config(), List.copyOf(headers), List.copyOf(blocks), nodes,
        Map.copyOf(codes), Map.copyOf(evmInputs), evm);
  }

  /** Runs {@code block} through the block guest against the state so far; keeps its new state. */
  private static GuestInput recordEvmBlock(WitnessRecorder recorder, long chainId, BlockHeader parent, Block block,
      MapNodeStore nodes, Map<Hash32, Bytes> codes) {
    Recording recording = recorder.record(chainId, Bytes.of(parent.encode()), Bytes.of(block.encode()),
        StateStore.over(nodes, codes));
    Optional<ChainException> rejection = verdict(block, recording);
    if (rejection.isPresent()) {
      throw rejection.get();
    }
    recording.nodesMade().forEach(nodes::put);
    recording.codesMade().forEach(code -> codes.put(Keccak.hash(code.toArray()), code));
    return recording.input();
  }

  /** The block guest's verdict on {@code block} as the chain layer's exceptions: none when it took the block. */
  private static Optional<ChainException> verdict(Block block, Recording recording) {
    return switch (recording.run().exitCode()) {
      case 0 -> Optional.empty();
      case 2 -> Optional.of(new UnsupportedException("block " + block.number() + ": " + recording.reason()));
      default -> Optional.of(new InvalidBlockException(block.number(), "the block guest rejects it: "
          + recording.reason()));
    };
  }

  public ChainConfig config() {
    return config;
  }

  /** The number of the last block (0 when the chain has only its genesis). */
  public long headNumber() {
    return headers.size() - 1;
  }

  /** The header of block {@code number}; 0 is the genesis header. */
  public BlockHeader header(long number) {
    checkNumber(number, 0);
    return headers.get((int) number);
  }

  /** Block {@code number} (1 to {@link #headNumber()}). */
  public Block block(long number) {
    checkNumber(number, 1);
    return blocks.get((int) number - 1);
  }

  /** The account at {@code address} after block {@code number} (0: in the genesis state). */
  public Optional<Account> account(long number, Address address) {
    return WorldState.at(header(number).stateRoot(), nodes, codes).account(address);
  }

  /** Re-executes block {@code number} on its parent state, recording its witness. */
  public WitnessBuilder.Execution execute(long number) {
    Block block = block(number);
    return WitnessBuilder.execute(config, header(number - 1), block, nodes, codes);
  }

  /** The guest input for block {@code number}: version 2 with its execution witness for a block that needs the EVM. */
  public GuestInput input(long number) {
    GuestInput evm = evmInputs.get(number);
    if (evm != null) {
      return evm;
    }
    Witness witness = execute(number).witness();
    return GuestInput.of(config.chainId(), header(number - 1), block(number), witness);
  }

  /**
   * The guest input for {@code next}, a block proposed on top of the head that this chain has
   * not validated, with the Java verdict on it (empty when valid); for a block that needs the
   * EVM, the version 2 input and the verdict of the block guest's recording run.
   */
  public CandidateInput candidate(Block next) {
    BlockHeader parent = header(headNumber());
    WitnessBuilder.Candidate candidate = WitnessBuilder.candidate(config, parent, next, nodes, codes);
    BlockJournal expected = BlockJournal.expected(parent, next.header(), next.transactions().size());
    if (evm.isPresent() && candidate.rejection().filter(UnsupportedException.class::isInstance).isPresent()) {
      // Java has no EVM: the block guest records the witness, and its verdict is the only one.
      Recording recording = new WitnessRecorder(evm.get()).record(config.chainId(), Bytes.of(parent.encode()), Bytes.of(next.encode()),
          StateStore.over(nodes, codes));
      return new CandidateInput(recording.input(), expected, verdict(next, recording));
    }
    return new CandidateInput(GuestInput.of(config.chainId(), parent, next, candidate.witness()), expected,
        candidate.rejection());
  }

  /** A proposed block's guest input, the journal a guest must commit if it accepts, and the Java verdict. */
  public record CandidateInput(GuestInput input, BlockJournal expectedJournal, Optional<ChainException> rejection) {}

  /** The journal a correct guest commits for block {@code number}. */
  public BlockJournal expectedJournal(long number) {
    Block block = block(number);
    return BlockJournal.expected(header(number - 1), block.header(), block.transactions().size());
  }

  private void checkNumber(long number, long first) {
    if (number < first || number > headNumber()) {
      throw new ChainException("block " + number + " is not in this chain (blocks " + first
          + " to " + headNumber() + ")");
    }
  }
}

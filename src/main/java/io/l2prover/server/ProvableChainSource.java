package io.l2prover.server;

import io.l2prover.guest.ExecutorGuestRunner;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.types.HeaderJson;
import io.l2prover.chain.witness.GuestInput;
import io.l2prover.chain.witness.ProvableChain;
import io.l2prover.protocol.ExecutionWitness;
import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A chain validated from its genesis by the chain layer: every input carries the block's full
 * witness (the parent-state trie nodes and codes it touches), recorded by re-executing the block.
 * The last few inputs are cached: a Request and the Submit that follows ask for the same block.
 */
public final class ProvableChainSource implements ChainSource {

  private static final int CACHED_INPUTS = 4;

  private final ProvableChain chain;
  private final JsonObject chainConfig;
  private final Map<Long, ProverInput> recent = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, ProverInput> eldest) {
      return size() > CACHED_INPUTS;
    }
  };

  /** Validates {@code generated} from its genesis; for the demo and tests. */
  public static ProvableChainSource of(io.l2prover.chain.gen.GeneratedChain generated) {
    return new ProvableChainSource(ProvableChain.of(generated.genesis(), generated.blocks(), ExecutorGuestRunner.blockGuest()));
  }

  public ProvableChainSource(ProvableChain chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.chainConfig = configJson(chain.config());
  }

  /** The chain config in the genesis file's field names. */
  static JsonObject configJson(ChainConfig config) {
    JsonObject json = new JsonObject().put("chainId", config.chainId());
    putTime(json, "shanghaiTime", config.shanghaiTime());
    putTime(json, "cancunTime", config.cancunTime());
    putTime(json, "pragueTime", config.pragueTime());
    return json;
  }

  private static void putTime(JsonObject json, String key, OptionalLong time) {
    time.ifPresent(t -> json.put(key, t));
  }

  /** {@code <chainId>:<genesis hash>}. */
  @Override
  public String chainId() {
    return chain.config().chainId() + ":" + chain.header(0).hash().toHex();
  }

  @Override
  public long headBlockNumber() {
    return chain.headNumber();
  }

  @Override
  public JsonObject header(long number) {
    return new JsonObject(new LinkedHashMap<String, Object>(HeaderJson.toJson(chain.header(number))));
  }

  @Override
  public ProverInput input(long number) {
    synchronized (recent) {
      ProverInput cached = recent.get(number);
      if (cached != null) {
        return cached;
      }
    }
    GuestInput guest = chain.input(number);
    ProverInput input = new ProverInput(guest.parentHeader(), guest.block(),
        new ExecutionWitness(guest.nodes(), guest.codes(), chainConfig));
    synchronized (recent) {
      recent.put(number, input);
    }
    return input;
  }

  @Override
  public Bytes expectedJournal(long number) {
    return Bytes.of(chain.expectedJournal(number).encode());
  }
}

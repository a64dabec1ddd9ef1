package io.l2prover.server;

import io.l2prover.bus.Addresses;
import io.l2prover.guest.BlockGuest;
import io.l2prover.protocol.ConnectionStats;
import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProtocolServer;
import io.l2prover.protocol.ProverInput;
import io.l2prover.util.StateFileException;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptRejectedException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference prover server: hands out the input of the lowest block that still lacks a proof
 * and is not leased to another prover (so that many provers prove different blocks at once),
 * checks every submitted receipt against the block it belongs to, stores accepted proofs durably
 * before acknowledging them, and resumes from its store after a restart. A bad message costs its
 * sender the connection, nothing more.
 */
public final class ProverServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ProverServerVerticle.class);

  private final ChainSource chain;
  private final ProofStore store;
  private final ServerSettings settings;
  private final SubmissionChecker checker;
  private final ConnectionStats connections;
  /** Accepted proofs by block number; touched on the event loop only. */
  private final Map<Long, StoredProof> proven = new TreeMap<>();
  /** Blocks whose Submit is being checked and stored, with the outcome; touched on the event loop only. */
  private final Map<Long, Future<ProofData>> inFlight = new HashMap<>();
  /** Blocks handed out and not yet proven; touched on the event loop only. */
  private final Leases leases;
  private ProtocolServer server;

  public ProverServerVerticle(ChainSource chain, ProofStore store, ServerSettings settings) {
    this(chain, store, settings, new ConnectionStats());
  }

  /** @param connections where the protocol server counts its connections, for /metrics */
  public ProverServerVerticle(ChainSource chain, ProofStore store, ServerSettings settings,
      ConnectionStats connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.chain = Objects.requireNonNull(chain, "chain");
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.checker = new SubmissionChecker(settings.devMode(), BlockGuest.bundled().imageId());
    this.leases = new Leases(settings.leaseTime(), System::nanoTime);
  }

  @Override
  public Future<?> start() {
    if (settings.devMode()) {
      LOG.info("dev mode: fake receipts, which prove nothing, are accepted (PROVER_DEV_MODE=true)");
    } else {
      LOG.info("real mode: a Submit is accepted only with a composite receipt of the block guest ({}) that "
          + "verifies and carries the block's journal", checker.blockGuest());
    }
    server = new ProtocolServer(vertx, settings.limits(), settings.tls(), connections, this::handle);
    return vertx.executeBlocking(() -> checked(store.open(chain.chainId())))
        .compose(stored -> {
          proven.putAll(stored);
          return server.listen(settings.listenIp(), settings.listenPort())
              .recover(e -> Future.failedFuture("PROVER_SERVER_LISTEN_IP:PROVER_SERVER_LISTEN_PORT: cannot listen on "
                  + settings.listenIp() + ":" + settings.listenPort() + " (" + e.getMessage() + ")"));
        })
        .onSuccess(v -> LOG.info(
            "prover server on {}:{}{} serving blocks 1..{} of chain {}; {} already proven; state in {}",
            settings.listenIp(), server.actualPort(), transport(), chain.headBlockNumber(), chain.chainId(),
            proven.size(), store.directory()));
  }

  private String transport() {
    if (!settings.tls().enabled()) {
      return "";
    }
    return settings.tls().trustedCa().map(ca -> " (TLS; only provers with a certificate signed by " + ca + ")")
        .orElse(" (TLS)");
  }

  /**
   * The stored proofs that still prove their block of the chain served (in range, same block
   * hash, receipt accepted as a Submit would be); the others are dismissed and proven again.
   * Blocking.
   */
  private Map<Long, StoredProof> checked(Map<Long, StoredProof> stored) {
    if (!stored.isEmpty()) {
      LOG.info("checking the {} stored proofs against the chain ...", stored.size());
    }
    Map<Long, StoredProof> good = new TreeMap<>();
    for (StoredProof proof : stored.values()) {
      long block = proof.blockNumber();
      if (!chain.contains(block)) {
        store.dismiss(block, "block " + block + " is not in the chain (1.." + chain.headBlockNumber() + ")");
        continue;
      }
      String hash = chain.header(block).getString("hash", "");
      if (!proof.blockHash().equals(hash)) {
        store.dismiss(block, "it is for block hash " + proof.blockHash() + ", the chain's block " + block + " is "
            + hash);
        continue;
      }
      try {
        checker.check(block, proof.receipt(), chain);
        good.put(block, proof);
      } catch (ReceiptRejectedException e) {
        store.dismiss(block, e.getMessage());
      }
    }
    return good;
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The port the server listens on (the chosen one when configured with 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** How many blocks have an accepted proof. */
  public int provenCount() {
    return proven.size();
  }

  private Future<ProofData> handle(ProofData message) {
    if (message instanceof ProofData.Request request) {
      return onRequest(request.blockNumber(), request.prover());
    }
    if (message instanceof ProofData.Submit submit) {
      return onSubmit(submit);
    }
    return Future.failedFuture("a client sent " + message.variant() + ", which only a server sends");
  }

  /**
   * The block {@code prover} holds a live lease on, else the lowest block with neither a proof
   * nor another prover's live lease, leased to {@code prover} from now. {@code asked} is only
   * logged: the lowest free block may be below it (an expired lease, a stored proof dismissed at
   * start), and that block is the one the chain needs first. A Request without a prover ID (an
   * older client, ethrex's) gets the lowest free block and leases nothing: the server could not
   * tell that prover's next Request from another's, so a lease would only keep the block from
   * everyone, that prover included, each time it asks again after a failure.
   */
  private Future<ProofData> onRequest(long asked, Optional<String> prover) {
    leases.live();
    Optional<Long> held = prover.flatMap(leases::heldBy).filter(block -> !proven.containsKey(block));
    long next = held.orElseGet(() -> firstFree(prover.orElse(null)));
    String who = prover.orElse("a prover without ID");
    if (!chain.contains(next)) {
      LOG.debug("Request({}) from {}: nothing to prove", asked, who);
      return Future.succeededFuture(ProofData.Response.empty());
    }
    long block = next;
    prover.ifPresent(id -> leases.grant(block, id));
    long start = System.nanoTime();
    return vertx.<ProverInput>executeBlocking(() -> chain.input(block), false)
        .map(input -> {
          LOG.info("block {}: input served to {} for Request({}) in {} ms ({} bytes){}", block, who, asked,
              (System.nanoTime() - start) / 1_000_000, input.approximateSize(), prover.isEmpty() ? ""
                  : (held.isPresent() ? "; lease renewed for " : "; leased for ") + settings.leaseTime().toMillis()
                      + " ms");
          return (ProofData) new ProofData.Response(block, input);
        })
        .onFailure(e -> prover.ifPresent(id -> leases.release(block)));
  }

  /**
   * The lowest block with no proof and no live lease of a prover other than {@code prover}
   * ({@code null}: of any prover).
   */
  private long firstFree(String prover) {
    long next = 1;
    while (next <= chain.headBlockNumber() && (proven.containsKey(next) || leases.leasedToAnother(next, prover))) {
      next++;
    }
    return next;
  }

  private Future<ProofData> onSubmit(ProofData.Submit submit) {
    long block = submit.blockNumber();
    if (!chain.contains(block)) {
      return rejected(block, SubmitRejection.UNKNOWN_BLOCK, "block " + block + " is not in the chain (1.."
          + chain.headBlockNumber() + ")");
    }
    Future<ProofData> checking = inFlight.get(block);
    if (checking != null) {
      // Another receipt for this block is being checked: answer this one once that is settled.
      return checking.transform(ar -> onSubmit(submit));
    }
    StoredProof existing = proven.get(block);
    if (existing != null) {
      return onSubmitAgain(block, existing, submit.receipt());
    }
    Future<ProofData> outcome = checkAndStore(block, submit.receipt());
    inFlight.put(block, outcome);
    return outcome.onComplete(ar -> inFlight.remove(block));
  }

  /**
   * A Submit for a block that already has a proof: the stored receipt again (a client whose ack
   * was lost) gets the same ack; another receipt is acknowledged only if it proves the block too
   * (it is not stored), so a forged receipt never gets an ack.
   */
  private Future<ProofData> onSubmitAgain(long block, StoredProof existing, Receipt receipt) {
    ProofData.SubmitAck ack = new ProofData.SubmitAck(chain.header(block));
    if (existing.receipt().equals(receipt)) {
      LOG.info("block {}: proof submitted again; acknowledging it again", block);
      return Future.succeededFuture(ack);
    }
    return vertx.executeBlocking(() -> {
      checker.check(block, receipt, chain);
      return (ProofData) ack;
    }, false).onSuccess(a -> LOG.info("block {}: another valid receipt for a proven block; acknowledged, the stored "
        + "one kept", block))
        .recover(e -> rejected(block, e));
  }

  private Future<ProofData> checkAndStore(long block, Receipt receipt) {
    long start = System.nanoTime();
    StoredProof proof = new StoredProof(block, chain.header(block).getString("hash", ""), receipt);
    return vertx.executeBlocking(() -> {
      checker.check(block, receipt, chain);
      store.save(proof);
      return proof;
    }, false).<ProofData>map(stored -> {
      proven.put(block, stored);
      // A proof is a proof: it counts whoever holds the lease (the Submit does not say who sent
      // it), and the lease ends here.
      leases.release(block);
      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info("block {}: {} receipt accepted (checked against the block) and stored in {} ms; {} of {} blocks done",
          block, stored.receipt().kind().wireName(), millis, proven.size(), chain.headBlockNumber());
      vertx.eventBus().publish(Addresses.SERVER_SUBMITS,
          SubmitOutcome.accepted(block, millis, stored.receipt().kind().wireName()), Addresses.localOnly());
      return new ProofData.SubmitAck(chain.header(block));
    }).recover(e -> rejected(block, e));
  }

  /** A Submit whose check (or storing) failed with {@code failure}, rejected for the reason it names. */
  private Future<ProofData> rejected(long block, Throwable failure) {
    if (failure instanceof ReceiptRejectedException r) {
      return rejected(block, SubmitRejection.of(r.reason()), r.getMessage());
    }
    if (failure instanceof StateFileException) {
      return rejected(block, SubmitRejection.STORE_FAILED, "cannot store the proof: " + failure.getMessage());
    }
    LOG.debug("block {}: checking a Submit failed", block, failure);
    return rejected(block, SubmitRejection.SERVER_ERROR, String.valueOf(failure.getMessage()));
  }

  /** Counted by reason; the protocol server logs the failure (and closes the connection, no SubmitAck). */
  private Future<ProofData> rejected(long block, SubmitRejection reason, String detail) {
    vertx.eventBus().publish(Addresses.SERVER_SUBMITS, SubmitOutcome.rejected(block, reason, detail),
        Addresses.localOnly());
    return Future.failedFuture("Submit for block " + block + " rejected (" + reason.label() + "): " + detail);
  }
}

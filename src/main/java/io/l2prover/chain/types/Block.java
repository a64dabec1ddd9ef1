package io.l2prover.chain.types;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.rlp.RlpException;
import io.l2prover.chain.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A full block: header, transactions, ommers (empty after the merge), withdrawals (Shanghai). */
public record Block(
    BlockHeader header,
    List<Transaction> transactions,
    List<BlockHeader> ommers,
    Optional<List<Withdrawal>> withdrawals) {

  public Block {
    transactions = List.copyOf(transactions);
    ommers = List.copyOf(ommers);
    withdrawals = withdrawals.map(List::copyOf);
  }

  public Hash32 hash() {
    return header.hash();
  }

  public long number() {
    return header.number();
  }

  /** Decodes one block; trailing bytes are an error. */
  public static Block decode(byte[] rlp) {
    RlpReader reader = RlpReader.of(rlp);
    Block block = read(reader);
    reader.requireEnd("block");
    return block;
  }

  /** Reads one block (an RLP list) from {@code reader}. */
  public static Block read(RlpReader reader) {
    RlpReader r = reader.enterList();
    BlockHeader header = BlockHeader.read(r);
    RlpReader txs = r.enterList();
    List<Transaction> transactions = new ArrayList<>();
    while (txs.hasNext()) {
      int index = transactions.size();
      try {
        transactions.add(TransactionDecoder.readFromBlock(txs));
      } catch (RlpException e) {
        throw new RlpException(
            "block " + header.number() + " transaction " + index + ": " + e.getMessage());
      }
    }
    RlpReader ommerList = r.enterList();
    List<BlockHeader> ommers = new ArrayList<>();
    while (ommerList.hasNext()) {
      ommers.add(BlockHeader.read(ommerList));
    }
    Optional<List<Withdrawal>> withdrawals = Optional.empty();
    if (r.hasNext()) {
      RlpReader list = r.enterList();
      List<Withdrawal> items = new ArrayList<>();
      while (list.hasNext()) {
        items.add(Withdrawal.read(list));
      }
      withdrawals = Optional.of(items);
    }
    r.requireEnd("block " + header.number());
    return new Block(header, transactions, ommers, withdrawals);
  }

  /** The RLP of the block: [header, transactions, ommers(, withdrawals)]. */
  public byte[] encode() {
    List<byte[]> txs = new ArrayList<>(transactions.size());
    transactions.forEach(tx -> txs.add(tx.encodeForBlock()));
    List<byte[]> ommerItems = new ArrayList<>(ommers.size());
    ommers.forEach(o -> ommerItems.add(o.encode()));
    List<byte[]> items = new ArrayList<>(4);
    items.add(header.encode());
    items.add(Rlp.list(txs));
    items.add(Rlp.list(ommerItems));
    withdrawals.ifPresent(ws -> {
      List<byte[]> encoded = new ArrayList<>(ws.size());
      ws.forEach(w -> encoded.add(w.encode()));
      items.add(Rlp.list(encoded));
    });
    return Rlp.list(items);
  }
}

package io.l2prover.chain.types;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.rlp.RlpReader;

/** A consensus-layer withdrawal (EIP-4895); the amount is in gwei. */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {

  public byte[] encode() {
    return Rlp.list(Rlp.u64(index), Rlp.u64(validatorIndex), Rlp.bytes(address.toArray()),
        Rlp.u64(amountGwei));
  }

  public static Withdrawal read(RlpReader reader) {
    RlpReader r = reader.enterList();
    var w = new Withdrawal(r.readU64("withdrawal index"), r.readU64("validator index"),
        Address.of(r.readFixed(20, "withdrawal address")), r.readU64("withdrawal amount"));
    r.requireEnd("withdrawal");
    return w;
  }
}

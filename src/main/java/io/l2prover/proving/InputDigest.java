package io.l2prover.proving;

import io.l2prover.protocol.ExecutionWitness;
import io.l2prover.protocol.ProverInput;
import io.l2prover.util.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * SHA-256 of a proving input in a fixed binary layout, so that client and server compute the same
 * digest however the JSON was formatted: for each of parent header, block, then every witness
 * node, every code, the chain config's compact JSON: a 4-byte big-endian length and the bytes;
 * node and code lists are preceded by their 4-byte count.
 */
public final class InputDigest {

  private InputDigest() {}

  public static Bytes of(ProverInput input) {
    MessageDigest sha = sha256();
    field(sha, input.parentHeader().toArray());
    field(sha, input.block().toArray());
    ExecutionWitness witness = input.witness();
    list(sha, witness.nodes());
    list(sha, witness.codes());
    field(sha, witness.chainConfig().encode().getBytes(StandardCharsets.UTF_8));
    return Bytes.of(sha.digest());
  }

  private static void list(MessageDigest sha, List<Bytes> items) {
    sha.update(ByteBuffer.allocate(4).putInt(items.size()).array());
    items.forEach(item -> field(sha, item.toArray()));
  }

  private static void field(MessageDigest sha, byte[] bytes) {
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

package io.l2prover.proving;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON of {@code prover.segment} requests and replies. A request: {@code op} ("commit" for
 * phase 1, "finish" for phase 2), {@code job} (run key and segment index), {@code image_id},
 * {@code input} and {@code work} (base64); a finish adds {@code challenges} and the phase-1
 * {@code digest}. A reply names the {@code worker} and its {@code address} (where phase 2 finds
 * its state) and carries the {@code digest} (commit) or the {@code proof} bytes (finish).
 */
final class SegmentMessages {

  static final String COMMIT = "commit";
  static final String FINISH = "finish";

  private SegmentMessages() {}

  static JsonArray digest(Digest d) {
    JsonArray a = new JsonArray();
    for (int i = 0; i < Digest.ELEMENTS; i++) {
      a.add(d.get(i));
    }
    return a;
  }

  static Digest digest(JsonArray a) {
    if (a == null || a.size() != Digest.ELEMENTS) {
      throw new IllegalArgumentException("a digest has " + Digest.ELEMENTS + " elements");
    }
    int[] e = new int[Digest.ELEMENTS];
    for (int i = 0; i < e.length; i++) {
      e[i] = a.getInteger(i);
    }
    return Digest.of(e);
  }

  static JsonArray challenges(LookupChallenges c) {
    JsonArray a = new JsonArray();
    for (int v : values(c)) {
      a.add(v);
    }
    return a;
  }

  static LookupChallenges challenges(JsonArray a) {
    if (a == null || a.size() != 9) {
      throw new IllegalArgumentException("challenges are 9 numbers (z, beta, witness)");
    }
    int[] v = new int[9];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.getInteger(i);
    }
    return challenges(v);
  }

  /** z, beta and the witness as 9 numbers. */
  static int[] values(LookupChallenges c) {
    int[] v = new int[9];
    System.arraycopy(c.z().toArray(), 0, v, 0, 4);
    System.arraycopy(c.beta().toArray(), 0, v, 4, 4);
    v[8] = c.powWitness();
    return v;
  }

  static LookupChallenges challenges(int[] v) {
    return new LookupChallenges(new Ext4(v[0], v[1], v[2], v[3]), new Ext4(v[4], v[5], v[6], v[7]), v[8]);
  }

  static JsonObject commitReply(String worker, String address, Digest digest) {
    return new JsonObject().put("worker", worker).put("address", address).put("digest", digest(digest));
  }

  static JsonObject finishReply(String worker, String address, byte[] proof) {
    return new JsonObject().put("worker", worker).put("address", address).put("proof", proof);
  }
}

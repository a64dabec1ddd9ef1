package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.List;

/**
 * The transcript that ties the segments of one execution together: it observes the statement
 * (image ID, exit code, journal) and every segment's and the memory proof's main commitment,
 * then gives the LogUp challenges all of them finish with. Prover and verifier both come here,
 * so the order cannot drift.
 */
final class ExecutionTranscript {

  private ExecutionTranscript() {}

  private static Transcript start(Digest imageId, int exitCode, byte[] journal, List<Digest> segments, Digest memory) {
    Transcript t = new Transcript("l2prover-rv32im-execution");
    t.observe(Rv32imKeys.CIRCUIT_VERSION);
    t.observe(imageId);
    t.observe(exitCode & 0xffff);
    t.observe(exitCode >>> 16);
    int[] bytes = new int[journal.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = journal[i] & 0xff;
    }
    t.observeSized(bytes);
    t.observe(segments.size());
    for (Digest d : segments) {
      t.observe(d);
    }
    t.observe(memory);
    return t;
  }

  static LookupChallenges draw(FriParameters params, Digest imageId, int exitCode, byte[] journal, List<Digest> segments,
      Digest memory) {
    return LookupChallenges.draw(start(imageId, exitCode, journal, segments, memory), params);
  }

  static LookupChallenges replay(FriParameters params, Digest imageId, int exitCode, byte[] journal,
      List<Digest> segments, Digest memory, int witness) throws InvalidProofException {
    return LookupChallenges.replay(start(imageId, exitCode, journal, segments, memory), params, witness);
  }
}

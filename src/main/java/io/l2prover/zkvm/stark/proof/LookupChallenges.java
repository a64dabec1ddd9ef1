package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.transcript.Transcript;

/**
 * The LogUp challenges shared by every table of a proof (or of every segment of a receipt): the
 * lookup point z and the tuple combiner β, drawn after a proof-of-work of
 * {@link FriParameters#challengeGrindingBits()} bits whose witness travels with them.
 */
public record LookupChallenges(Ext4 z, Ext4 beta, int powWitness) {

  /** Prover side: grinds on {@code transcript}, then draws z and β from it. */
  public static LookupChallenges draw(Transcript transcript, FriParameters params) {
    int witness = transcript.grind(params.challengeGrindingBits());
    return new LookupChallenges(transcript.sampleExt(), transcript.sampleExt(), witness);
  }

  /** Verifier side: checks {@code witness} on {@code transcript} and redraws z and β. */
  public static LookupChallenges replay(Transcript transcript, FriParameters params, int witness)
      throws InvalidProofException {
    if (!transcript.checkWitness(params.challengeGrindingBits(), witness)) {
      throw new InvalidProofException("LogUp challenge proof-of-work witness does not give "
          + params.challengeGrindingBits() + " zero bits");
    }
    return new LookupChallenges(transcript.sampleExt(), transcript.sampleExt(), witness);
  }

  /** The challenges in the order {@code io.l2prover.zkvm.stark.air.LogUp} reads them (Z, BETA). */
  public Ext4[] asArray() {
    return new Ext4[] {z, beta};
  }

  /** Binds the challenges into a proof's own transcript (both modes, prover and verifier alike). */
  public void observeInto(Transcript transcript) {
    transcript.observe(z);
    transcript.observe(beta);
    transcript.observe(powWitness);
  }
}

package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.proof.PublicInteraction;
import java.util.ArrayList;
import java.util.List;

/**
 * The public journal as the verifier puts it into a segment's balance: each byte the segment
 * wrote, at its position, taken off the journal bus once. The IO chip must put exactly these on.
 */
final class JournalTerms {

  private JournalTerms() {}

  static List<PublicInteraction> of(long start, byte[] journal, long from, long to) {
    List<PublicInteraction> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(new PublicInteraction(Bus.JOURNAL.id(), Bus.JOURNAL.scope(), -1,
          new int[] {(int) (start + (i - from)), journal[(int) i] & 0xff}));
    }
    return out;
  }
}

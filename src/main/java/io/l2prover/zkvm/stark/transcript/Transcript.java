package io.l2prover.zkvm.stark.transcript;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The Fiat–Shamir transcript: a duplex sponge over Poseidon2 (width 16, rate 8), shaped like
 * Plonky3's {@code DuplexChallenger}. Prover and verifier make the same calls in the same order
 * and so draw the same challenges.
 *
 * <p>Observed elements queue in an input buffer; when 8 are queued, or when a sample is asked
 * for with input pending, the sponge absorbs them: they overwrite the first state elements, the
 * rest of the rate is zeroed and their count is added to state[8] (so a short final block cannot
 * collide with a longer one), then the state is permuted and the 8 rate elements become the
 * output buffer. Samples are taken from the end of the output buffer; when it is empty the sponge
 * is permuted again. Observing anything discards unread output.
 *
 * <p>Not thread-safe: one transcript per proof.
 */
public final class Transcript {

  static final int WIDTH = Poseidon2.WIDTH;
  static final int RATE = 8;
  /** The largest bit count {@link #sampleBits} serves (indices into domains up to 2^30). */
  public static final int MAX_SAMPLE_BITS = 30;
  /** Proof-of-work candidates permuted side by side (see {@link Poseidon2#permuteAll}). */
  private static final int GRIND_BATCH = 256;

  private final Poseidon2 permutation;
  private final int[] state;
  private final int[] input;
  private int inputLen;
  private final int[] output;
  private int outputLen;

  public Transcript() {
    this(Poseidon2.babyBear());
  }

  /** A transcript that first observes a domain-separation label (protocol name and version). */
  public Transcript(String domainLabel) {
    this();
    observeLabel(domainLabel);
  }

  public Transcript(Poseidon2 permutation) {
    this.permutation = permutation;
    this.state = new int[WIDTH];
    this.input = new int[RATE];
    this.output = new int[RATE];
  }

  private Transcript(Transcript o) {
    this.permutation = o.permutation;
    this.state = o.state.clone();
    this.input = o.input.clone();
    this.inputLen = o.inputLen;
    this.output = o.output.clone();
    this.outputLen = o.outputLen;
  }

  /** An independent copy in the same state (for trial runs such as grinding). */
  public Transcript copy() {
    return new Transcript(this);
  }

  /** Observes one canonical field element. */
  public void observe(int value) {
    if (value < 0 || value >= BabyBear.P) {
      throw new IllegalArgumentException("transcript observes canonical BabyBear values only, got "
          + Integer.toUnsignedString(value));
    }
    outputLen = 0;
    input[inputLen++] = value;
    if (inputLen == RATE) {
      duplex();
    }
  }

  /** Observes each element in order (no length: use where the length is fixed by context). */
  public void observe(int[] values) {
    for (int v : values) {
      observe(v);
    }
  }

  /** Observes the length, then the elements: for variable-length data such as public values. */
  public void observeSized(int[] values) {
    observe(values.length);
    observe(values);
  }

  public void observe(Digest digest) {
    for (int i = 0; i < Digest.ELEMENTS; i++) {
      observe(digest.get(i));
    }
  }

  public void observe(Ext4 value) {
    observe(value.a0());
    observe(value.a1());
    observe(value.a2());
    observe(value.a3());
  }

  /** Observes a UTF-8 label as its byte count then one element per byte. */
  public void observeLabel(String label) {
    byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
    observe(bytes.length);
    for (byte b : bytes) {
      observe(b & 0xff);
    }
  }

  /** A uniformly distributed base-field challenge. */
  public int sample() {
    if (inputLen != 0 || outputLen == 0) {
      duplex();
    }
    return output[--outputLen];
  }

  /** An extension-field challenge from four samples (coefficient of X^0 first). */
  public Ext4 sampleExt() {
    int a0 = sample();
    int a1 = sample();
    int a2 = sample();
    int a3 = sample();
    return new Ext4(a0, a1, a2, a3);
  }

  /**
   * A uniform integer of {@code bits} bits (0..30), e.g. a query index: samples whose value is
   * at least the largest multiple of 2^bits not above p are rejected and redrawn, so no index
   * is favoured.
   */
  public int sampleBits(int bits) {
    if (bits < 0 || bits > MAX_SAMPLE_BITS) {
      throw new IllegalArgumentException("can sample 0.." + MAX_SAMPLE_BITS + " bits, asked for " + bits);
    }
    long limit = (BabyBear.P >>> bits) << bits;
    while (true) {
      int v = sample();
      if (v < limit) {
        return v & ((1 << bits) - 1);
      }
    }
  }

  /**
   * Proof of work (prover side): finds the smallest witness w such that observing w and then
   * sampling {@code bits} bits gives zero, leaves this transcript in that state (as
   * {@link #checkWitness} leaves the verifier's) and returns w. Expected work: 2^bits
   * permutations, batched and spread over the common fork-join pool.
   */
  public int grind(int bits) {
    if (bits < 0 || bits > MAX_SAMPLE_BITS) {
      throw new IllegalArgumentException("grinding supports 0.." + MAX_SAMPLE_BITS + " bits, asked for " + bits);
    }
    int chunk = 1 << 12;
    int chunks = (BabyBear.P + chunk - 1) / chunk;
    AtomicInteger best = new AtomicInteger(Integer.MAX_VALUE);
    // Chunks are tried in parallel; among witnesses found, the smallest wins, so the result does
    // not depend on thread timing.
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * chunk;
      if (from >= best.get()) {
        return; // most chunks, once a witness is known: no work, no buffer
      }
      int to = (int) Math.min(BabyBear.P, (long) from + chunk);
      int[] states = new int[WIDTH * GRIND_BATCH];
      for (int first = from; first < to && first < best.get(); first += GRIND_BATCH) {
        int found = firstWitness(bits, first, Math.min(GRIND_BATCH, to - first), states);
        if (found >= 0) {
          best.accumulateAndGet(found, Math::min);
          return;
        }
      }
    });
    int witness = best.get();
    if (witness == Integer.MAX_VALUE || !checkWitness(bits, witness)) {
      throw new IllegalStateException("no proof-of-work witness of " + bits + " bits in the whole field");
    }
    return witness;
  }

  /**
   * The smallest witness in {@code first .. first + count - 1}, or -1: the candidates' sponge
   * states go through one batched permutation; those whose first sample could give zero bits
   * (its low bits zero, or a sample that {@link #sampleBits} would reject and redraw) are
   * confirmed by {@link #checkWitness} on a copy, so the answer is the one-at-a-time search's.
   * Observing w and sampling permutes once: the pending input and w are absorbed (count
   * added to state[8]) and the sample is the last rate element.
   */
  private int firstWitness(int bits, int first, int count, int[] states) {
    int absorbed = inputLen + 1;
    for (int j = 0; j < count; j++) {
      int at = WIDTH * j;
      System.arraycopy(state, 0, states, at, WIDTH);
      System.arraycopy(input, 0, states, at, inputLen);
      states[at + inputLen] = first + j;
      Arrays.fill(states, at + absorbed, at + RATE, 0);
      states[at + RATE] = BabyBear.add(state[RATE], absorbed);
    }
    permutation.permuteAll(states, 0, count);
    long limit = (BabyBear.P >>> bits) << bits;
    int mask = (1 << bits) - 1;
    for (int j = 0; j < count; j++) {
      int sample = states[WIDTH * j + RATE - 1];
      if ((sample >= limit || (sample & mask) == 0) && copy().checkWitness(bits, first + j)) {
        return first + j;
      }
    }
    return -1;
  }

  /** Proof of work (verifier side): observes {@code witness} and checks the next {@code bits} bits are zero. */
  public boolean checkWitness(int bits, int witness) {
    if (witness < 0 || witness >= BabyBear.P) {
      return false;
    }
    observe(witness);
    return sampleBits(bits) == 0;
  }

  private void duplex() {
    if (inputLen > 0) {
      System.arraycopy(input, 0, state, 0, inputLen);
      Arrays.fill(state, inputLen, RATE, 0);
      state[RATE] = BabyBear.add(state[RATE], inputLen);
      inputLen = 0;
    }
    permutation.permute(state);
    System.arraycopy(state, 0, output, 0, RATE);
    outputLen = RATE;
  }
}

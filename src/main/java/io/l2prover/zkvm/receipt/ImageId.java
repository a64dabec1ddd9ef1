package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** The 32-byte identity of a guest program: a receipt verifies only against the one expected. */
public record ImageId(Bytes value) {

  /** Bytes in an image ID. */
  public static final int LENGTH = 32;

  /**
   * The image ID of the dev-mode "program" whose journal is the SHA-256 digest of its input: no
   * guest runs yet, so the ID names that rule instead of an ELF.
   */
  public static final ImageId DEV_INPUT_DIGEST = ofLabel("l2-prover/dev/input-sha256/v1");

  public ImageId {
    Objects.requireNonNull(value, "value");
    if (value.length() != LENGTH) {
      throw new IllegalArgumentException("an image id has 32 bytes, got " + value.length());
    }
  }

  /** The image ID of a proof system digest: its eight field elements, big-endian. */
  public static ImageId of(Digest digest) {
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    for (int i = 0; i < Digest.ELEMENTS; i++) {
      b.putInt(digest.get(i));
    }
    return new ImageId(Bytes.of(b.array()));
  }

  /** Parses 0x-hex of 32 bytes. */
  public static ImageId fromHex(String text) {
    return new ImageId(Bytes.fromHex(text, "image_id"));
  }

  private static ImageId ofLabel(String label) {
    return new ImageId(Bytes.of(sha256(label.getBytes(StandardCharsets.UTF_8))));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value.toHex();
  }
}

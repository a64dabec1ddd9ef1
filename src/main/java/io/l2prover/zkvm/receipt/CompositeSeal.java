package io.l2prover.zkvm.receipt;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.rv32im.ExecutionProof;
import io.l2prover.zkvm.rv32im.ImageCommitment;
import io.l2prover.zkvm.rv32im.Rv32imVerifier;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.ProofFormatException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The seal of a {@code composite} receipt: the program's commitment, the exit code and the proofs
 * of every segment and of the memory. Binary, version {@value #VERSION}: magic "L2RC", u16
 * version, u32 entry, u8 program log rows, 8 u32 program root, u8 image log rows, 8 u32 image root,
 * u32 exit code, u32 segment count, then each segment proof and the memory proof as a u32 length
 * and its STARK proof encoding; big-endian. Decoding checks every length and refuses trailing
 * bytes, so a damaged seal gets a reason, never a runtime exception.
 */
public record CompositeSeal(ImageCommitment commitment, int exitCode, ExecutionProof proof) {

  public static final int VERSION = 2;
  private static final byte[] MAGIC = {'L', '2', 'R', 'C'};

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeShort(VERSION);
      out.writeInt(commitment.entry());
      out.writeByte(commitment.programLogRows());
      writeDigest(out, commitment.programRoot());
      out.writeByte(commitment.imageLogRows());
      writeDigest(out, commitment.imageRoot());
      out.writeInt(exitCode);
      out.writeInt(proof.segments().size());
      for (MultiTableProof p : proof.segments()) {
        writeProof(out, p);
      }
      writeProof(out, proof.memory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeDigest(DataOutputStream out, Digest d) throws IOException {
    for (int i = 0; i < Digest.ELEMENTS; i++) {
      out.writeInt(d.get(i));
    }
  }

  private static void writeProof(DataOutputStream out, MultiTableProof p) throws IOException {
    byte[] encoded = ProofCodec.encode(p);
    out.writeInt(encoded.length);
    out.write(encoded);
  }

  /** Decodes a seal; the exception says what is wrong and where. */
  public static CompositeSeal decode(byte[] seal) throws ReceiptRejectedException {
    ByteBuffer in = ByteBuffer.wrap(seal);
    try {
      for (byte m : MAGIC) {
        if (in.get() != m) {
          throw malformed(in, "it does not start with \"L2RC\"");
        }
      }
      int version = Short.toUnsignedInt(in.getShort());
      if (version != VERSION) {
        throw malformed(in, "version " + version + " (this build reads " + VERSION + ")");
      }
      int entry = in.getInt();
      int programLogRows = Byte.toUnsignedInt(in.get());
      Digest programRoot = readDigest(in);
      int imageLogRows = Byte.toUnsignedInt(in.get());
      Digest imageRoot = readDigest(in);
      int exitCode = in.getInt();
      int count = in.getInt();
      if (count < 1 || count > Rv32imVerifier.MAX_SEGMENTS) {
        throw malformed(in, count + " segments (1.." + Rv32imVerifier.MAX_SEGMENTS + " allowed)");
      }
      List<MultiTableProof> segments = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        segments.add(readProof(in, "segment " + (k + 1)));
      }
      MultiTableProof memory = readProof(in, "the memory proof");
      if (in.hasRemaining()) {
        throw malformed(in, in.remaining() + " trailing bytes");
      }
      return new CompositeSeal(new ImageCommitment(entry, programLogRows, programRoot, imageLogRows, imageRoot),
          exitCode, new ExecutionProof(segments, memory));
    } catch (BufferUnderflowException e) {
      throw new ReceiptRejectedException(ReceiptRejectedException.Reason.BAD_ENCODING,
          "malformed composite seal: it ends early (" + seal.length + " bytes)");
    }
  }

  private static Digest readDigest(ByteBuffer in) throws ReceiptRejectedException {
    int[] elements = new int[Digest.ELEMENTS];
    for (int i = 0; i < elements.length; i++) {
      elements[i] = in.getInt();
      if (Integer.compareUnsigned(elements[i], BabyBear.P) >= 0) {
        throw malformed(in, "a digest element is not a field element");
      }
    }
    return Digest.of(elements);
  }

  private static MultiTableProof readProof(ByteBuffer in, String what) throws ReceiptRejectedException {
    byte[] encoded = LengthPrefixed.read(in, what, why -> malformed(in, why));
    try {
      return ProofCodec.decodeMulti(encoded);
    } catch (ProofFormatException e) {
      throw malformed(in, what + ": " + e.getMessage());
    }
  }

  private static ReceiptRejectedException malformed(ByteBuffer in, String why) {
    return new ReceiptRejectedException(ReceiptRejectedException.Reason.BAD_ENCODING,
        "malformed composite seal at byte " + in.position() + ": " + why);
  }
}

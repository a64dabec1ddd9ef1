package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A receipt as a file (what {@code prove --out} writes and {@code verify --receipt} reads), version
 * {@value #VERSION}: magic "L2RT", u16 version, u8 kind (0 fake, 1 composite, 2 groth16), the 32
 * image ID bytes, u32 journal length and the journal, u32 seal length and the seal, u16 note
 * length and the note in UTF-8; big-endian. Reading checks every length and refuses trailing bytes.
 */
public final class ReceiptFile {

  public static final int VERSION = 1;
  private static final byte[] MAGIC = {'L', '2', 'R', 'T'};
  private static final int MAX_NOTE = 4096;

  private ReceiptFile() {}

  public static byte[] encode(Receipt receipt) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeShort(VERSION);
      out.writeByte(receipt.kind().ordinal());
      out.write(receipt.imageId().value().toArray());
      writeBlock(out, receipt.journal().toArray());
      writeBlock(out, receipt.seal().toArray());
      byte[] note = receipt.note().getBytes(StandardCharsets.UTF_8);
      out.writeShort(Math.min(note.length, MAX_NOTE));
      out.write(note, 0, Math.min(note.length, MAX_NOTE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
    out.writeInt(block.length);
    out.write(block);
  }

  /** Reads a receipt; the exception says what is wrong and where. */
  public static Receipt decode(byte[] file) throws ReceiptFormatException {
    ByteBuffer in = ByteBuffer.wrap(file);
    try {
      for (byte m : MAGIC) {
        if (in.get() != m) {
          throw new ReceiptFormatException("not a receipt file: it does not start with \"L2RT\"");
        }
      }
      int version = Short.toUnsignedInt(in.getShort());
      if (version != VERSION) {
        throw new ReceiptFormatException("receipt file version " + version + " is not supported (this build reads "
            + VERSION + ")");
      }
      int kind = Byte.toUnsignedInt(in.get());
      if (kind >= ReceiptKind.values().length) {
        throw new ReceiptFormatException("unknown receipt kind " + kind + " at byte " + (in.position() - 1));
      }
      byte[] imageId = new byte[ImageId.LENGTH];
      in.get(imageId);
      byte[] journal = LengthPrefixed.read(in, "the journal", ReceiptFormatException::new);
      byte[] seal = LengthPrefixed.read(in, "the seal", ReceiptFormatException::new);
      int noteLength = Short.toUnsignedInt(in.getShort());
      if (noteLength > MAX_NOTE || noteLength > in.remaining()) {
        throw new ReceiptFormatException("the note claims " + noteLength + " bytes, " + in.remaining() + " left");
      }
      byte[] note = new byte[noteLength];
      in.get(note);
      if (in.hasRemaining()) {
        throw new ReceiptFormatException(in.remaining() + " trailing bytes after the receipt");
      }
      return new Receipt(ReceiptKind.values()[kind], new ImageId(Bytes.of(imageId)), Bytes.of(journal),
          Bytes.of(seal), StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(note)).toString());
    } catch (BufferUnderflowException e) {
      throw new ReceiptFormatException("the receipt file ends early (" + file.length + " bytes)");
    } catch (CharacterCodingException e) {
      throw new ReceiptFormatException("the receipt's note is not UTF-8");
    }
  }
}

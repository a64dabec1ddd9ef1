package io.l2prover.chain.types;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.rlp.RlpReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A chain export: blocks as RLP lists written one after the other (what {@code geth export} writes). */
public final class ChainFile {

  private ChainFile() {}

  /** Reads every block of the file at {@code path}. */
  public static List<Block> read(Path path) {
    byte[] data;
    try {
      data = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ChainException("chain file " + path + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read chain file " + path, e);
    }
    try {
      return decode(data);
    } catch (ChainException e) {
      throw new ChainException("chain file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Decodes concatenated block RLP. */
  public static List<Block> decode(byte[] data) {
    RlpReader reader = RlpReader.of(data);
    List<Block> blocks = new ArrayList<>();
    while (reader.hasNext()) {
      blocks.add(Block.read(reader));
    }
    return blocks;
  }

  /** Concatenates the RLP of {@code blocks}. */
  public static byte[] encode(List<Block> blocks) {
    var out = new java.io.ByteArrayOutputStream();
    blocks.forEach(b -> out.writeBytes(b.encode()));
    return out.toByteArray();
  }

  /** Writes {@code blocks} to {@code path}. */
  public static void write(Path path, List<Block> blocks) throws IOException {
    Files.write(path, encode(blocks));
  }
}

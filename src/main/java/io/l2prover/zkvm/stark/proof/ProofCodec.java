package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriProof;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary encoding of a {@link MultiTableProof} (a {@link StarkProof} is one of a single table),
 * version {@value Protocol#VERSION}: magic "L2PS", a u16 version, then the fields in record order; integers big-endian, every field element a
 * u32 that must be canonical, every list prefixed by its length. Decoding checks every length
 * against the bytes left and rejects trailing bytes, so truncated or garbage input gives a
 * {@link ProofFormatException} naming the offset, never a runtime exception. The layout is
 * written out in docs/stark-protocol.md.
 */
public final class ProofCodec {

  static final byte[] MAGIC = {'L', '2', 'P', 'S'};
  private static final int MAX_NAME = 64;

  private ProofCodec() {}

  /** A single-table proof: the multi-table encoding of its one table. */
  public static byte[] encode(StarkProof p) {
    return encode(p.proof());
  }

  /** Decodes a proof that must hold exactly one present table. */
  public static StarkProof decode(byte[] bytes) throws ProofFormatException {
    MultiTableProof proof = decodeMulti(bytes);
    if (proof.tables().size() != 1 || !proof.tables().get(0).present()) {
      throw new ProofFormatException("expected a single-table proof, got " + proof.tables().size() + " tables");
    }
    return new StarkProof(proof);
  }

  public static byte[] encode(MultiTableProof p) {
    Writer w = new Writer();
    w.bytes(MAGIC);
    w.u16(Protocol.VERSION);
    FriParameters f = p.params();
    w.u8(f.logBlowup());
    w.u16(f.queries());
    w.u8(f.grindingBits());
    w.u8(f.logFinalDegree());
    w.u8(f.logArity());
    w.u8(f.challengeGrindingBits());
    w.u8(p.tables().size());
    for (TableProof t : p.tables()) {
      byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
      w.u16(name.length);
      w.bytes(name);
      w.u8(t.logRows());
      w.fields(t.publicValues());
      if (!t.present()) {
        continue;
      }
      w.u8(t.claimedSums().length);
      for (Ext4 e : t.claimedSums()) {
        w.ext(e);
      }
      w.exts(t.valuesAtZeta());
      w.exts(t.valuesAtZetaNext());
      w.u8(t.preprocessed() == null ? 0 : 1);
      if (t.preprocessed() != null) {
        w.opening(t.preprocessed());
      }
      w.u8(t.rows().size());
      for (int[][] rows : t.rows()) {
        w.u16(rows.length == 0 ? 0 : rows[0].length);
        w.u32(rows.length);
        for (int[] row : rows) {
          for (int v : row) {
            w.u32(v);
          }
        }
      }
    }
    w.tree(p.main());
    w.u8(p.aux() == null ? 0 : 1);
    if (p.aux() != null) {
      w.tree(p.aux());
    }
    w.tree(p.quotient());
    w.u32(p.lookupWitness());
    w.u32(p.oodWitness());
    w.u32(p.deepWitness());
    FriProof fri = p.fri();
    w.u8(fri.layerRoots().size());
    fri.layerRoots().forEach(w::digest);
    w.u8(fri.layerOpenings().size());
    fri.layerOpenings().forEach(w::opening);
    w.exts(fri.finalPolynomial());
    w.u8(fri.roundWitnesses().length);
    for (int v : fri.roundWitnesses()) {
      w.u32(v);
    }
    w.u32(fri.powWitness());
    return w.out.toByteArray();
  }

  public static MultiTableProof decodeMulti(byte[] bytes) throws ProofFormatException {
    Reader r = new Reader(bytes);
    for (byte m : MAGIC) {
      if (r.u8() != (m & 0xff)) {
        throw new ProofFormatException("not a STARK proof: the file does not start with \"L2PS\"");
      }
    }
    int version = r.u16();
    if (version != Protocol.VERSION) {
      throw new ProofFormatException("proof encoding version " + version + " is not supported (this build reads "
          + Protocol.VERSION + ")");
    }
    FriParameters params;
    try {
      params = new FriParameters(r.u8(), r.u16(), r.u8(), r.u8(), r.u8(), r.u8());
    } catch (IllegalArgumentException e) {
      throw r.error("bad FRI parameters: " + e.getMessage());
    }
    int count = r.u8();
    if (count == 0) {
      throw r.error("a proof of no table");
    }
    List<TableProof> tables = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tables.add(table(r));
    }
    TreeOpening main = r.tree();
    TreeOpening aux = r.flag("aux tree flag") ? r.tree() : null;
    TreeOpening quotient = r.tree();
    int lookupWitness = r.field();
    int oodWitness = r.field();
    int deepWitness = r.field();
    int roots = r.u8();
    List<Digest> layerRoots = new ArrayList<>();
    for (int i = 0; i < roots; i++) {
      layerRoots.add(r.digest());
    }
    List<MerkleBatchOpening> layerOpenings = r.openings();
    Ext4[] finalPolynomial = r.exts();
    int[] roundWitnesses = new int[r.u8()];
    for (int i = 0; i < roundWitnesses.length; i++) {
      roundWitnesses[i] = r.field();
    }
    int pow = r.field();
    if (r.remaining() != 0) {
      throw r.error(r.remaining() + " unexpected bytes after the end of the proof");
    }
    return new MultiTableProof(params, tables, lookupWitness, oodWitness, deepWitness,
        new FriProof(layerRoots, layerOpenings, finalPolynomial, roundWitnesses, pow), main, aux, quotient);
  }

  private static TableProof table(Reader r) throws ProofFormatException {
    int nameLength = r.u16();
    if (nameLength == 0 || nameLength > MAX_NAME) {
      throw r.error("AIR name length " + nameLength + " outside 1.." + MAX_NAME);
    }
    String name = new String(r.bytes(nameLength), StandardCharsets.UTF_8);
    int logRows = r.u8();
    if (logRows > 24) {
      throw r.error("trace height 2^" + logRows + " above 2^24");
    }
    int[] publicValues = r.fields();
    if (logRows == 0) {
      return TableProof.absent(name, publicValues);
    }
    int sums = r.u8();
    if (sums > 2) {
      throw r.error(sums + " claimed sums, at most one per scope");
    }
    Ext4[] claimedSums = new Ext4[sums];
    for (int i = 0; i < sums; i++) {
      claimedSums[i] = r.ext();
    }
    Ext4[] atZeta = r.exts();
    Ext4[] atZetaNext = r.exts();
    MerkleBatchOpening preprocessed = r.flag("preprocessed flag") ? r.opening() : null;
    int matrices = r.u8();
    if (matrices < 2 || matrices > 3) {
      throw r.error(matrices + " committed matrices, a table has main, quotient and at most one aux");
    }
    List<int[][]> rows = new ArrayList<>(matrices);
    for (int m = 0; m < matrices; m++) {
      int width = r.u16();
      int count = r.count(4 * width, "opened rows");
      int[][] matrix = new int[count][width];
      for (int[] row : matrix) {
        for (int c = 0; c < width; c++) {
          row[c] = r.field();
        }
      }
      rows.add(matrix);
    }
    return new TableProof(name, logRows, publicValues, claimedSums, atZeta, atZetaNext, preprocessed, rows);
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void u8(int v) {
      out.write(v);
    }

    void u16(int v) {
      out.write(v >>> 8);
      out.write(v);
    }

    void u32(int v) {
      u16(v >>> 16);
      u16(v & 0xffff);
    }

    void bytes(byte[] b) {
      out.writeBytes(b);
    }

    void fields(int[] values) {
      u32(values.length);
      for (int v : values) {
        u32(v);
      }
    }

    void ext(Ext4 e) {
      u32(e.a0());
      u32(e.a1());
      u32(e.a2());
      u32(e.a3());
    }

    void exts(Ext4[] values) {
      u32(values.length);
      for (Ext4 e : values) {
        ext(e);
      }
    }

    void digest(Digest d) {
      for (int i = 0; i < Digest.ELEMENTS; i++) {
        u32(d.get(i));
      }
    }

    void tree(TreeOpening t) {
      digest(t.root());
      siblings(t.siblings());
    }

    void siblings(List<Digest> siblings) {
      u32(siblings.size());
      siblings.forEach(this::digest);
    }

    void opening(MerkleBatchOpening o) {
      int[] indices = o.indices();
      u32(indices.length);
      for (int i : indices) {
        u32(i);
      }
      List<int[]> first = o.rows().get(0);
      u8(first.size());
      for (int[] row : first) {
        u16(row.length);
      }
      for (List<int[]> rows : o.rows()) {
        for (int[] row : rows) {
          for (int v : row) {
            u32(v);
          }
        }
      }
      siblings(o.siblings());
    }
  }

  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    int remaining() {
      return b.length - pos;
    }

    ProofFormatException error(String what) {
      return new ProofFormatException("malformed proof at byte " + pos + ": " + what);
    }

    private void need(long n, String what) throws ProofFormatException {
      if (n > remaining()) {
        throw new ProofFormatException("proof truncated at byte " + pos + ": " + what + " needs " + n
            + " bytes, " + remaining() + " left");
      }
    }

    int u8() throws ProofFormatException {
      need(1, "a byte");
      return b[pos++] & 0xff;
    }

    int u16() throws ProofFormatException {
      need(2, "a u16");
      int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
      pos += 2;
      return v;
    }

    int u32() throws ProofFormatException {
      need(4, "a u32");
      int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    byte[] bytes(int n) throws ProofFormatException {
      need(n, "a string");
      byte[] out = Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    int field() throws ProofFormatException {
      int v = u32();
      if (v < 0 || v >= BabyBear.P) {
        pos -= 4;
        throw error("field element " + Integer.toUnsignedString(v) + " is not below p");
      }
      return v;
    }

    /** A u32 count of items of {@code itemBytes} bytes each that must fit in what is left. */
    int count(int itemBytes, String what) throws ProofFormatException {
      int n = u32();
      if (n < 0) {
        throw error(what + " count " + Integer.toUnsignedString(n) + " too large");
      }
      need((long) n * itemBytes, n + " " + what);
      return n;
    }

    int[] fields() throws ProofFormatException {
      int[] out = new int[count(4, "field elements")];
      for (int i = 0; i < out.length; i++) {
        out[i] = field();
      }
      return out;
    }

    Ext4 ext() throws ProofFormatException {
      return new Ext4(field(), field(), field(), field());
    }

    Ext4[] exts() throws ProofFormatException {
      Ext4[] out = new Ext4[count(16, "extension elements")];
      for (int i = 0; i < out.length; i++) {
        out[i] = ext();
      }
      return out;
    }

    Digest digest() throws ProofFormatException {
      int[] e = new int[Digest.ELEMENTS];
      for (int i = 0; i < e.length; i++) {
        e[i] = field();
      }
      return Digest.of(e);
    }

    boolean flag(String what) throws ProofFormatException {
      int v = u8();
      if (v > 1) {
        throw error(what + " " + v + " is not 0 or 1");
      }
      return v == 1;
    }

    TreeOpening tree() throws ProofFormatException {
      return new TreeOpening(digest(), siblings());
    }

    List<Digest> siblings() throws ProofFormatException {
      int n = count(4 * Digest.ELEMENTS, "sibling digests");
      List<Digest> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(digest());
      }
      return out;
    }

    MerkleBatchOpening opening() throws ProofFormatException {
      int n = count(4, "opened indices");
      if (n == 0) {
        throw error("a Merkle opening opens no leaf");
      }
      int[] indices = new int[n];
      for (int i = 0; i < n; i++) {
        indices[i] = u32();
      }
      int matrices = u8();
      if (matrices == 0) {
        throw error("a Merkle opening of no matrix");
      }
      int[] widths = new int[matrices];
      long rowBytes = 0;
      for (int k = 0; k < matrices; k++) {
        widths[k] = u16();
        rowBytes += 4L * widths[k];
      }
      need(rowBytes * n, "opened rows");
      List<List<int[]>> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<int[]> leaf = new ArrayList<>(matrices);
        for (int k = 0; k < matrices; k++) {
          int[] row = new int[widths[k]];
          for (int c = 0; c < row.length; c++) {
            row[c] = field();
          }
          leaf.add(row);
        }
        rows.add(leaf);
      }
      return new MerkleBatchOpening(indices, rows, siblings());
    }

    List<MerkleBatchOpening> openings() throws ProofFormatException {
      int n = u8();
      List<MerkleBatchOpening> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(opening());
      }
      return out;
    }
  }
}

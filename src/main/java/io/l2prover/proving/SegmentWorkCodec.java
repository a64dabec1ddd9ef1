package io.l2prover.proving;

import io.l2prover.zkvm.exec.BoundaryState;
import io.l2prover.zkvm.exec.PageImage;
import io.l2prover.zkvm.exec.Segment;
import io.l2prover.zkvm.rv32im.SegmentWork;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a {@link SegmentWork} on the event bus: the segment's index, cycles, boundary
 * states, touched pages and their images, its place in the run and its hand-over links.
 * Big-endian; decoding checks every count against what remains, so a damaged job is refused with a
 * reason. The worker's replay checks the rest (it must end in the end state the job names).
 */
final class SegmentWorkCodec {

  private static final int VERSION = 1;
  private static final int PAGE_WORDS = 1024;

  private SegmentWorkCodec() {}

  static byte[] encode(SegmentWork work) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      Segment s = work.segment();
      out.writeByte(VERSION);
      out.writeInt(s.index());
      out.writeLong(s.startCycle());
      out.writeLong(s.cycles());
      writeState(out, s.start());
      writeState(out, s.end());
      out.writeInt(s.touchedPages().length);
      for (int page : s.touchedPages()) {
        out.writeInt(page);
      }
      out.writeInt(s.startPages().size());
      for (PageImage page : s.startPages()) {
        out.writeInt(page.pageNumber());
        for (int word : page.words()) {
          out.writeInt(word);
        }
      }
      out.writeBoolean(work.last());
      out.writeInt(work.exitCode());
      out.writeLong(work.journalStart());
      out.writeInt(work.previous().size());
      for (Map.Entry<Integer, Integer> e : work.previousByAddress().entrySet()) {
        out.writeInt(e.getKey());
        out.writeInt(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static SegmentWork decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      if (in.get() != VERSION) {
        throw new IllegalArgumentException("segment job of another version");
      }
      int index = in.getInt();
      long startCycle = in.getLong();
      long cycles = in.getLong();
      BoundaryState start = readState(in);
      BoundaryState end = readState(in);
      int[] touched = new int[count(in, 4)];
      for (int i = 0; i < touched.length; i++) {
        touched[i] = in.getInt();
      }
      int pageCount = count(in, 4 + 4 * PAGE_WORDS);
      List<PageImage> pages = new ArrayList<>();
      for (int i = 0; i < pageCount; i++) {
        int number = in.getInt();
        int[] words = new int[PAGE_WORDS];
        in.asIntBuffer().get(words);
        in.position(in.position() + 4 * PAGE_WORDS);
        pages.add(new PageImage(number, words));
      }
      boolean last = in.get() != 0;
      int exitCode = in.getInt();
      long journalStart = in.getLong();
      int links = count(in, 8);
      Map<Integer, Integer> previous = new HashMap<>();
      for (int i = 0; i < links; i++) {
        previous.put(in.getInt(), in.getInt());
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("segment job with " + in.remaining() + " trailing bytes");
      }
      return new SegmentWork(new Segment(index, startCycle, cycles, start, end, touched, pages), last, exitCode,
          journalStart, previous);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("segment job ends early (" + bytes.length + " bytes)");
    }
  }

  private static int count(ByteBuffer in, int bytesEach) {
    int n = in.getInt();
    if (n < 0 || (long) n * bytesEach > in.remaining()) {
      throw new IllegalArgumentException("segment job claims " + n + " entries in " + in.remaining() + " bytes");
    }
    return n;
  }

  private static void writeState(DataOutputStream out, BoundaryState s) throws IOException {
    out.writeInt(s.pc());
    for (int r : s.registers()) {
      out.writeInt(r);
    }
    out.writeInt(s.inputPosition());
    out.writeBoolean(s.inputEndReported());
    out.writeInt(s.journalLength());
    out.writeBoolean(s.halted());
  }

  private static BoundaryState readState(ByteBuffer in) {
    int pc = in.getInt();
    int[] registers = new int[32];
    for (int i = 0; i < 32; i++) {
      registers[i] = in.getInt();
    }
    return new BoundaryState(pc, registers, in.getInt(), in.get() != 0, in.getInt(), in.get() != 0);
  }
}

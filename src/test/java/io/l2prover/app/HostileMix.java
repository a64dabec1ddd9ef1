package io.l2prover.app;

import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProofDataCodec;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile peers against a prover server on loopback, each kind on its own threads until
 * {@link #stop()}: idle connections, connections trickling a byte every half second, oversized
 * streams (one endless JSON string), garbage streams, and Submits of forged receipts. Counts what
 * it threw, and how many forged receipts got a reply (an ack would be a hole: it must stay 0).
 */
final class HostileMix {

  private static final byte[] OVERSIZED_HEAD =
      "{\"Submit\":{\"block_number\":1,\"receipt\":{\"kind\":\"fake\",\"seal\":\"0x".getBytes(StandardCharsets.US_ASCII);

  private final int port;
  private final long headBlock;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  HostileMix(int port, long headBlock) {
    this.port = port;
    this.headBlock = headBlock;
  }

  /** Starts the given number of threads of each kind. */
  HostileMix start(int idle, int trickling, int oversized, int garbage, int forgers) {
    spawn("idle", idle, this::idle);
    spawn("trickling", trickling, this::trickle);
    spawn("oversized", oversized, this::oversized);
    spawn("garbage", garbage, this::garbage);
    spawn("forged", forgers, this::forge);
    return this;
  }

  /** Stops every thread and closes every socket; the counts so far, by name. */
  Map<String, Long> stop() throws InterruptedException {
    running = false;
    open.forEach(HostileMix::closeQuietly);
    for (Thread thread : threads) {
      thread.join(5_000);
    }
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((name, count) -> result.put(name, count.get()));
    return result;
  }

  private interface Attack {
    void once(Socket socket, Random random) throws IOException, InterruptedException;
  }

  private void spawn(String kind, int threadsOfKind, Attack attack) {
    for (int i = 0; i < threadsOfKind; i++) {
      Random random = new Random(kind.hashCode() * 31L + i);
      Thread thread = new Thread(() -> loop(kind, attack, random), "hostile-" + kind + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void loop(String kind, Attack attack, Random random) {
    while (running) {
      try (Socket socket = new Socket()) {
        open.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        count(kind + "_connections", 1);
        attack.once(socket, random);
      } catch (IOException e) {
        // The server closed it (deadline, eviction, budget, limit, garbage): what is expected.
      } catch (InterruptedException e) {
        return;
      } finally {
        open.removeIf(Socket::isClosed);
      }
    }
  }

  /** Connects and sends nothing until the server closes the connection. */
  private void idle(Socket socket, Random random) throws IOException {
    while (running && socket.getInputStream().read() >= 0) {
      // nothing is expected from the server
    }
  }

  /** One byte every half second: a message that would never end. */
  private void trickle(Socket socket, Random random) throws IOException, InterruptedException {
    OutputStream out = socket.getOutputStream();
    out.write('{');
    while (running) {
      Thread.sleep(500);
      out.write(' ');
      out.flush();
    }
  }

  /** A Submit whose seal never ends, a MiB at a time, until the server cuts it off. */
  private void oversized(Socket socket, Random random) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(OVERSIZED_HEAD);
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'a');
    while (running) {
      out.write(chunk);
      count("oversized_bytes", chunk.length);
    }
  }

  /** Random bytes, 64 KiB at a time (drawn once per connection: the attacker's CPU is not the server's). */
  private void garbage(Socket socket, Random random) throws IOException {
    OutputStream out = socket.getOutputStream();
    byte[] chunk = new byte[1 << 16];
    random.nextBytes(chunk);
    while (running) {
      out.write(chunk);
      count("garbage_bytes", chunk.length);
    }
  }

  /** A Submit of a fake receipt with the dev image ID and a random journal, for a random block. */
  private void forge(Socket socket, Random random) throws IOException, InterruptedException {
    byte[] journal = new byte[32];
    random.nextBytes(journal);
    long block = 1 + (long) random.nextInt((int) Math.min(headBlock, Integer.MAX_VALUE));
    Receipt forged = new Receipt(ReceiptKind.FAKE, ImageId.DEV_INPUT_DIGEST, Bytes.of(journal), Bytes.EMPTY, "forged");
    OutputStream out = socket.getOutputStream();
    out.write(ProofDataCodec.encode(new ProofData.Submit(block, forged)).getBytes());
    socket.shutdownOutput();
    count("forged_receipts", 1);
    InputStream in = socket.getInputStream();
    if (in.read() >= 0) {
      count("forged_receipts_answered", 1);
    }
    Thread.sleep(100);
  }

  private void count(String name, long n) {
    counts.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that is wanted
    }
  }
}

package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.List;

/**
 * Phase 1 of a multi-table proof: every table's main trace extended and committed, kept for
 * phase 2. {@link #transcript()} is the proof's transcript after the statement and the main
 * root (one tree over every table's main trace); {@link #digest()} condenses it, for a caller that draws the LogUp challenges of several
 * segments from all their commitments at once. It is finished into exactly one proof.
 */
public final class MainCommitment {

  private final FriParameters params;
  private final List<Protocol.TableStatement> statement;
  private final List<TableState> tables;
  private final JointTree mainTree;
  private boolean finished;

  MainCommitment(FriParameters params, List<Protocol.TableStatement> statement, List<TableState> tables,
      JointTree mainTree) {
    this.params = params;
    this.statement = List.copyOf(statement);
    this.tables = List.copyOf(tables);
    this.mainTree = mainTree;
  }

  /** The root of the one tree over every present table's main trace. */
  public Digest mainRoot() {
    return mainTree.root();
  }

  /** A fresh transcript that has observed the statement and the main root. */
  public Transcript transcript() {
    return Protocol.afterMain(params, statement, mainRoot());
  }

  /** A digest of the statement and the main roots (what a receipt hashes before drawing the LogUp challenges). */
  public Digest digest() {
    return Protocol.digest(transcript());
  }

  /**
   * What one table cost: its height, its committed columns (preprocessed, main, 4 per extension
   * aux column, 4 per quotient chunk) and the time of its own steps (extending its main, aux and
   * quotient traces, evaluating its constraints; the shared Merkle trees, openings and FRI are not
   * in it). Tables run side by side, so the times of one proof overlap. Complete once the
   * commitment is finished.
   */
  public record TableTime(String name, int logRows, int columns, long millis) {}

  /** Each present table's {@link TableTime}, in table order. */
  public List<TableTime> tableTimes() {
    return tables.stream().filter(TableState::present).map(t -> {
      Air air = t.key().air();
      int columns = air.preprocessedWidth() + air.mainWidth() + 4 * air.auxWidth() + 4 * air.quotientChunks();
      return new TableTime(air.name(), t.logRows(), columns, t.nanos / 1_000_000);
    }).toList();
  }

  /** Marks this commitment used: its kept traces are filled in by one {@code finish} only. */
  void claimForFinish() {
    if (finished) {
      throw new IllegalStateException("this main commitment was already finished into a proof; commit again");
    }
    finished = true;
  }

  FriParameters params() {
    return params;
  }

  List<Protocol.TableStatement> statement() {
    return statement;
  }

  List<TableState> tables() {
    return tables;
  }

  JointTree mainTree() {
    return mainTree;
  }
}

package io.l2prover.guest;

import io.l2prover.zkvm.exec.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the block guest's phase markers (native/guest/programs/block/sys.h, BG_PHASE_*) and
 * splits a run's cycles by them: decode, sender recovery, state update and roots, with the rest
 * (start-up before the first marker, the journal and exit after the last) as {@code other}.
 */
public final class BlockGuestPhases {

  /** Keys of {@link #cyclesByPhase}, in the order the guest runs them; their values sum to the run's cycles. */
  public static final String DECODE = "decode";
  public static final String SENDER_RECOVERY = "sender_recovery";
  public static final String STATE_UPDATE = "state_update";
  public static final String ROOTS = "roots";
  public static final String OTHER = "other";

  /** Indexed by the guest's phase id (BG_PHASE_*); 0 is BG_PHASE_NONE. */
  private static final String[] BY_ID = {OTHER, DECODE, SENDER_RECOVERY, STATE_UPDATE, ROOTS};

  private BlockGuestPhases() {}

  /** Cycles of each named phase (zero where the guest never entered it) and {@code other}. */
  public static Map<String, Long> cyclesByPhase(ExecutionResult result) {
    Map<String, Long> split = new LinkedHashMap<>();
    for (int id = 1; id < BY_ID.length; id++) {
      split.put(BY_ID[id], 0L);
    }
    split.put(OTHER, 0L);
    result.cyclesByPhase().forEach((id, cycles) -> split.merge(nameOf(id), cycles, Long::sum));
    return split;
  }

  /** The phase's name; ids the block guest does not use count as {@code other}. */
  private static String nameOf(long id) {
    return id > 0 && id < BY_ID.length ? BY_ID[(int) id] : OTHER;
  }
}

/* The block guest: reads one block with its parent header and witness from fd 0, validates it
 * statelessly, and commits the 148-byte journal to fd 3 (see docs/block-guest.md). A rejected
 * block ends the run with a non-zero exit code and the reason on fd 2. */
#include "block.h"
#include "input.h"
#include "sys.h"
#include "util.h"

int main(void) {
    bg_sys_phase(BG_PHASE_DECODE);
    bg_block_input in;
    bg_input_read(0, &in);
    bg_block_result result;
    bg_block_validate(&in, &result);
    bg_sys_phase(BG_PHASE_NONE);
    uint8_t journal[BG_JOURNAL_LEN];
    bg_journal_encode(&result, journal);
    size_t done = 0;
    while (done < BG_JOURNAL_LEN) {
        long n = bg_sys_write(3, journal + done, BG_JOURNAL_LEN - done);
        if (n <= 0) bg_fail("journal: write to fd 3 failed");
        done += (size_t)n;
    }
    return 0;
}

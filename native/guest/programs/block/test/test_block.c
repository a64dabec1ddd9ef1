/* 256-bit integer arithmetic and the EIP-1559 / EIP-4844 rules derived from a parent header. */
#include <string.h>

#include "../header.h"
#include "../u256.h"
#include "check.h"

static bool eq64(const u256 *a, uint64_t v) {
    u256 b = u256_of(v);
    return u256_compare(a, &b) == 0;
}

static void test_u256(void) {
    u256 max, one = u256_of(1), two = u256_of(2), r;
    memset(&max, 0xff, sizeof max);
    CHECK(u256_add(&r, &max, &one) && u256_is_zero(&r), "2^256 - 1 + 1 wraps with a carry");
    CHECK(!u256_add(&r, &one, &one) && eq64(&r, 2), "1 + 1");
    CHECK(u256_sub(&r, &one, &two) && u256_compare(&r, &max) == 0, "1 - 2 borrows to 2^256 - 1");
    CHECK(u256_mul(&r, &max, &two), "(2^256 - 1) * 2 overflows");
    u256 big = u256_of(UINT64_MAX);
    CHECK(!u256_mul(&r, &big, &big), "(2^64 - 1)^2 fits");
    u256 q = u256_div(&r, &big);
    CHECK(u256_compare(&q, &big) == 0, "(2^64 - 1)^2 / (2^64 - 1)");
    u256 seven = u256_of(7);
    q = u256_div(&max, &seven);
    u256 back, rem;
    u256_mul(&back, &q, &seven);
    u256_sub(&rem, &max, &back);
    CHECK(eq64(&rem, 1), "(2^256 - 1) mod 7 = 1"); /* 2^256 = (2^3)^85 * 2 = 2 mod 7 */
    u256 half;
    memset(&half, 0, sizeof half);
    half.w[7] = 0x80000000u;
    q = u256_div(&max, &half);
    CHECK(eq64(&q, 1), "a divisor above 2^255");
    bool fits;
    CHECK(u256_low64(&big, &fits) == UINT64_MAX && fits, "low 64 bits");
    u256_low64(&max, &fits);
    CHECK(!fits, "2^256 - 1 does not fit 64 bits");
}

static bg_header parent_with(uint64_t limit, uint64_t used, uint64_t fee) {
    bg_header p;
    memset(&p, 0, sizeof p);
    p.gas_limit = limit;
    p.gas_used = used;
    p.base_fee = u256_of(fee);
    return p;
}

static void test_fee_rules(void) {
    static const struct {
        uint64_t limit, used, fee, expected;
        const char *what;
    } cases[] = {
        {30000000, 15000000, 1000000000, 1000000000, "at target: unchanged"},
        {30000000, 30000000, 1000000000, 1125000000, "full block: +12.5%"},
        {30000000, 0, 1000000000, 875000000, "empty block: -12.5%"},
        {30000000, 15000001, 7, 8, "above target the increase is at least 1"},
        {30000000, 14999999, 7, 7, "below target the decrease may round to 0"},
        /* l2-loadtest: genesis (limit 25 000 000, nothing used, 1 gwei) gives block 1's fee. */
        {25000000, 0, 1000000000, 875000000, "block 1 of l2-loadtest"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bg_header parent = parent_with(cases[i].limit, cases[i].used, cases[i].fee);
        u256 fee = bg_base_fee_after(&parent);
        CHECK(eq64(&fee, cases[i].expected), "%s", cases[i].what);
    }

    bg_header p = parent_with(30000000, 0, 1);
    p.excess_blob_gas = 393216 + 5;
    CHECK(bg_excess_blob_gas_after(&p) == 5, "excess above target");
    p.excess_blob_gas = 131072;
    p.blob_gas_used = 131072;
    CHECK(bg_excess_blob_gas_after(&p) == 0, "excess below target");
}

void test_block(void) {
    test_u256();
    test_fee_rules();
}

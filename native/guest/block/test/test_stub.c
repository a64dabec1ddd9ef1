#include "check.h"
void test_mpt(void) {}
void test_block(void) {}

#include "check.h"

void test_block(void) {}

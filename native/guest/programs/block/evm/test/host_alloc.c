/* evm_alloc for the host builds of the EVM: calloc, ending the run when memory runs out. */
#include <stdio.h>
#include <stdlib.h>

#include "../evm.h"

void *evm_alloc(size_t size) {
    void *p = calloc(1, size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "evm: out of memory allocating %zu bytes\n", size);
        exit(3);
    }
    return p;
}

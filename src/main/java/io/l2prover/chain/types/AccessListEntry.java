package io.l2prover.chain.types;

import java.util.List;

/** One address of an EIP-2930 access list and the storage keys it warms. */
public record AccessListEntry(Address address, List<Hash32> storageKeys) {

  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}

package io.l2prover.zkvm.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The guest ELF files bundled in the jar ({@code src/main/resources/guests/<name>.elf}, built from native/guest). */
public final class Guests {

  private Guests() {}

  /** The bytes of bundled guest {@code name}; an {@link IllegalArgumentException} names the problem if absent. */
  public static byte[] bundled(String name) {
    String resource = "/guests/" + name + ".elf";
    try (InputStream in = Guests.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled guest '" + name + "' (" + resource
            + "); build it with `make guests`");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}

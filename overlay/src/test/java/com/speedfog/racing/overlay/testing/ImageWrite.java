package com.speedfog.racing.overlay.testing;

/** A change to the fake game image: bytes to put at an offset from the image base. */
public record ImageWrite(long rva, byte[] bytes) {
}

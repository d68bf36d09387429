package com.speedfog.racing.overlay.game;

/**
 * A pattern that matches an instruction referring to a global RIP-relatively: the global's address
 * is the address after the instruction plus the signed 32-bit displacement inside it.
 */
public record Signature(AobPattern pattern, int displacementOffset, int instructionLength) {

    public static Signature of(String pattern, int displacementOffset, int instructionLength) {
        return new Signature(AobPattern.parse(pattern), displacementOffset, instructionLength);
    }

    /** Address of the global, from where the pattern matched and the displacement read there. */
    public long target(long matchAddress, int displacement) {
        return matchAddress + instructionLength + displacement;
    }
}

package com.speedfog.racing.overlay.game;

/** Decoding little-endian values out of byte arrays read from the game. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u16(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    static int i32(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
                | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
    }

    static long u32(byte[] data, int offset) {
        return i32(data, offset) & 0xFFFFFFFFL;
    }

    static long u64(byte[] data, int offset) {
        return u32(data, offset) | u32(data, offset + 4) << 32;
    }

    static float f32(byte[] data, int offset) {
        return Float.intBitsToFloat(i32(data, offset));
    }
}

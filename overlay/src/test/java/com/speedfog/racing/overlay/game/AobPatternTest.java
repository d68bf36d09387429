package com.speedfog.racing.overlay.game;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AobPatternTest {

    @Test
    void wildcardsMatchAnyByteAndFixedBytesMustBeEqual() {
        AobPattern pattern = AobPattern.parse("AA ?? cc ? EE");

        assertThat(pattern.length()).isEqualTo(5);
        assertThat(pattern.matchesAt(bytes(0xAA, 0x00, 0xCC, 0x00, 0xEE), 0)).isTrue();
        assertThat(pattern.matchesAt(bytes(0xAA, 0xFF, 0xCC, 0x7F, 0xEE), 0)).isTrue();
        assertThat(pattern.matchesAt(bytes(0xAA, 0xFF, 0xCD, 0x7F, 0xEE), 0)).isFalse();
        assertThat(pattern.matchesAt(bytes(0x00, 0xAA, 0x01, 0xCC, 0x02, 0xEE), 1)).isTrue();
        assertThat(pattern.isWildcard(1)).isTrue();
        assertThat(pattern.isWildcard(2)).isFalse();
    }

    @Test
    void lowerAndUpperCaseHexAreTheSamePattern() {
        assertThat(AobPattern.parse("48 8b 05 ? ? ? ?")).isEqualTo(AobPattern.parse("48 8B 05 ?? ?? ?? ??"));
    }

    @Test
    void rejectsMalformedPatterns() {
        assertThatThrownBy(() -> AobPattern.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AobPattern.parse("48 GG")).hasMessageContaining("GG");
        assertThatThrownBy(() -> AobPattern.parse("48 8B0")).hasMessageContaining("8B0");
        assertThatThrownBy(() -> AobPattern.parse("?? 48")).hasMessageContaining("fixed byte");
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}

package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.testing.FakeEldenRing;
import com.speedfog.racing.overlay.testing.FakeMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AobScannerTest {

    private static final long BASE = 0x7000_0000L;
    private static final AobPattern PATTERN = AobPattern.parse("48 ?? 05 ?? C3");

    @ParameterizedTest
    @ValueSource(ints = {5, 8, 16, 64})
    void findsAMatchAtEveryOffsetExactlyOnceWhateverTheChunkBoundaries(int chunkSize) {
        int size = 200;
        for (int at = 0; at + PATTERN.length() <= size; at++) {
            byte[] data = new byte[size];
            place(data, at, 0x48, 0x11, 0x05, 0x22, 0xC3);

            List<Long> found = new AobScanner(chunkSize).scan(new FakeMemory(BASE, data), BASE, size, List.of(PATTERN)).get(PATTERN);

            assertThat(found).as("pattern at %d, chunks of %d", at, chunkSize).containsExactly(BASE + at);
        }
    }

    @Test
    void reportsEveryMatchSoDuplicatesCanBeRejected() {
        byte[] data = new byte[300];
        place(data, 10, 0x48, 0x00, 0x05, 0x00, 0xC3);
        place(data, 250, 0x48, 0xFF, 0x05, 0xFF, 0xC3);

        Map<AobPattern, List<Long>> matches = new AobScanner(64).scan(new FakeMemory(BASE, data), BASE, data.length, List.of(PATTERN));

        assertThat(matches.get(PATTERN)).containsExactly(BASE + 10, BASE + 250);
    }

    @Test
    void overlappingMatchesAcrossABoundaryAreEachCountedOnce() {
        AobPattern twoAs = AobPattern.parse("AA AA");
        byte[] data = new byte[32];
        place(data, 14, 0xAA, 0xAA, 0xAA); // matches at 14 and 15; the chunk boundary is at 16

        List<Long> found = new AobScanner(16).scan(new FakeMemory(BASE, data), BASE, data.length, List.of(twoAs)).get(twoAs);

        assertThat(found).containsExactly(BASE + 14, BASE + 15);
    }

    @Test
    void aMatchMustLieWholeInsideTheScannedRange() {
        byte[] data = new byte[64];
        place(data, 40, 0x48, 0x00, 0x05, 0x00, 0xC3);
        FakeMemory memory = new FakeMemory(BASE, data);

        assertThat(new AobScanner(16).scan(memory, BASE, 44, List.of(PATTERN)).get(PATTERN)).isEmpty();
        assertThat(new AobScanner(16).scan(memory, BASE, 45, List.of(PATTERN)).get(PATTERN)).containsExactly(BASE + 40);
        assertThat(new AobScanner(16).scan(memory, BASE + 41, 23, List.of(PATTERN)).get(PATTERN)).isEmpty();
    }

    @Test
    void scansSeveralPatternsInOnePassAndWithoutMatchesReportsEmptyLists() {
        AobPattern other = AobPattern.parse("48 8B 0D ?? ?? ?? ??");
        AobPattern absent = AobPattern.parse("E9 13 00 00 00");
        byte[] data = new byte[100];
        place(data, 3, 0x48, 0x8B, 0x0D, 1, 2, 3, 4);
        place(data, 50, 0x48, 0x01, 0x05, 0x02, 0xC3);

        Map<AobPattern, List<Long>> matches = new AobScanner(32).scan(new FakeMemory(BASE, data), BASE, data.length,
                List.of(PATTERN, other, absent));

        assertThat(matches.get(PATTERN)).containsExactly(BASE + 50);
        assertThat(matches.get(other)).containsExactly(BASE + 3);
        assertThat(matches.get(absent)).isEmpty();
    }

    @Test
    void unreadablePagesAreSkippedWithoutLosingTheRestOfTheChunk() {
        byte[] data = new byte[0x4000];
        place(data, 0x0800, 0x48, 0x01, 0x05, 0x01, 0xC3);
        place(data, 0x1FFE, 0x48, 0x02, 0x05, 0x02, 0xC3); // runs into the hole at 0x2000
        place(data, 0x3100, 0x48, 0x03, 0x05, 0x03, 0xC3);
        FakeMemory memory = new FakeMemory(BASE, data).withHole(BASE + 0x2000, BASE + 0x3000);

        List<Long> found = new AobScanner().scan(memory, BASE, data.length, List.of(PATTERN)).get(PATTERN);

        assertThat(found).containsExactly(BASE + 0x0800, BASE + 0x3100);
    }

    @Test
    void readsTheModuleInOneMebibyteChunks() {
        FakeMemory memory = FakeEldenRing.current().memory();

        new AobScanner().scan(memory, FakeEldenRing.BASE, FakeEldenRing.IMAGE_SIZE, List.of(PATTERN));

        int chunks = (FakeEldenRing.IMAGE_SIZE + AobScanner.DEFAULT_CHUNK_SIZE - 1) / AobScanner.DEFAULT_CHUNK_SIZE;
        assertThat(memory.reads()).isEqualTo(chunks);
    }

    private static void place(byte[] data, int at, int... values) {
        for (int i = 0; i < values.length; i++) {
            data[at + i] = (byte) values[i];
        }
    }
}

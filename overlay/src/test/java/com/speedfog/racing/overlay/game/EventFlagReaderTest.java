package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.testing.FakeEldenRing;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class EventFlagReaderTest {

    private static final OptionalLong SLOT = OptionalLong.of(FakeEldenRing.slotAddress(GameGlobal.EVENT_FLAGS));

    private final FakeEldenRing game = FakeEldenRing.current();
    private final EventFlagReader flags = new EventFlagReader(new SafeReader(game.memory()));

    @Test
    void readsSetFlagsInHolderAndDirectGroupsMostSignificantBitFirst() {
        Map<Long, Boolean> states = flags.read(SLOT, List.of(100L, 101L, 19000800L, 19000801L, 1040292800L, 1040292805L,
                1040292806L, 1040295001L, 1040295000L, 62010000L));

        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
                100L, true, 101L, false,
                19000800L, true, 19000801L, false,
                1040292800L, true, 1040292805L, true, 1040292806L, false,
                1040295001L, true, 1040295000L, false,
                62010000L, false));
    }

    @Test
    void bitOrderIsMostSignificantFirst() {
        // Flag 100 is bit 100 of group 0: byte 12, bit 4 counted from the top (mask 0x08).
        byte[] block = game.memory().read(holderBlockOfGroupZero(), 13);
        assertThat(block[12] & 0xFF).isEqualTo(0x08);
    }

    @Test
    void aFlagWhoseGroupIsNotInTheTreeIsClear() {
        // Groups 1040293 (between two real ones), 3, 4000000 and 6 are not in the tree.
        Map<Long, Boolean> states = flags.read(SLOT, List.of(1040293000L, 3000L, 4_000_000_000L, 6_000L));

        assertThat(states).containsOnlyKeys(1040293000L, 3000L, 4_000_000_000L, 6_000L).doesNotContainValue(true);
    }

    @Test
    void aGroupStoredInAnUnknownModeReadsClearEvenIfItsBitsAreSet() {
        // Group 5 has mode 3: the fake sets flag 5007's bit in memory anyway.
        assertThat(flags.read(SLOT, List.of(5007L))).containsEntry(5007L, false);
    }

    @Test
    void noticesAFlagBeingSetAndCleared() {
        game.flag(1040292801L, true);
        game.flag(100L, false);

        assertThat(flags.read(SLOT, List.of(1040292801L, 100L))).containsEntry(1040292801L, true).containsEntry(100L, false);
    }

    @Test
    void nothingIsReadableWhileTheFlagManagerIsNullOrNotInitialised() {
        game.clearGlobal(GameGlobal.EVENT_FLAGS);
        assertThat(flags.read(SLOT, List.of(100L))).isEmpty();

        game.restoreGlobal(GameGlobal.EVENT_FLAGS);
        long manager = pointerAt(FakeEldenRing.slotAddress(GameGlobal.EVENT_FLAGS));
        writeU32(manager + 0x1C, 0); // divisor 0: not ready
        assertThat(flags.read(SLOT, List.of(100L))).isEmpty();

        assertThat(flags.read(OptionalLong.empty(), List.of(100L))).isEmpty();
    }

    @Test
    void aBrokenTreeLeavesTheFlagUnreadInsteadOfGuessing() {
        long manager = pointerAt(FakeEldenRing.slotAddress(GameGlobal.EVENT_FLAGS));
        long head = pointerAt(manager + 0x38);
        long root = pointerAt(head + 0x08);
        writeU64(root + 0x10, 0x7FFF_0000_0000L); // right child: unmapped

        Map<Long, Boolean> states = flags.read(SLOT, List.of(100L, 1040292800L));

        assertThat(states).containsEntry(100L, true).doesNotContainKey(1040292800L);
    }

    @Test
    void aCycleInTheTreeEndsTheWalk() {
        long manager = pointerAt(FakeEldenRing.slotAddress(GameGlobal.EVENT_FLAGS));
        long head = pointerAt(manager + 0x38);
        long root = pointerAt(head + 0x08);
        writeU64(root + 0x10, root); // right child is the root itself

        assertThat(flags.read(SLOT, List.of(1040292800L))).isEmpty();
    }

    private long holderBlockOfGroupZero() {
        long manager = pointerAt(FakeEldenRing.slotAddress(GameGlobal.EVENT_FLAGS));
        return pointerAt(manager + 0x28);
    }

    private long pointerAt(long address) {
        return ByteBuffer.wrap(game.memory().read(address, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void writeU32(long address, int value) {
        ByteBuffer.wrap(game.image(), (int) (address - FakeEldenRing.BASE), 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
    }

    private void writeU64(long address, long value) {
        ByteBuffer.wrap(game.image(), (int) (address - FakeEldenRing.BASE), 8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    }

}

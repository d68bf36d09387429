package com.speedfog.racing.overlay.game;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads event flags from CSFD4VirtualMemoryFlag (reference §4). Flags are grouped by
 * {@code id / divisor}; groups sit in a red-black tree (MSVC std::map layout: a head node whose
 * parent field is the root, nil leaves marked by a byte) whose nodes say where the group's bits are.
 */
final class EventFlagReader {

    private static final int DIVISOR = 0x1C;
    private static final int HOLDER_ENTRY_SIZE = 0x20;
    private static final int HOLDER_BASE = 0x28;
    private static final int TREE_HEAD = 0x38;

    private static final int NODE_LEFT = 0x00;
    private static final int NODE_PARENT = 0x08;
    private static final int NODE_RIGHT = 0x10;
    private static final int NODE_IS_NIL = 0x19;
    private static final int NODE_GROUP = 0x20;
    private static final int NODE_MODE = 0x28;
    private static final int NODE_LOCATION = 0x30;

    private static final int MODE_HOLDER_INDEX = 1;
    private static final int MODE_DIRECT_POINTER = 2;

    /** Results of the walk that are not node addresses (real addresses are far above both). */
    private static final long NONE = 0;
    private static final long UNREADABLE = -1;

    /** A balanced tree of a few thousand groups is ~25 deep; more steps means we are walking garbage. */
    private static final int MAX_WALK_STEPS = 128;

    private final SafeReader reader;

    EventFlagReader(SafeReader reader) {
        this.reader = reader;
    }

    /**
     * The state of each flag we could read. A flag whose group is not in the tree is clear (the game
     * has no storage for it); flags are left out when the flag manager or the tree cannot be read.
     */
    Map<Long, Boolean> read(OptionalLong flagManagerSlot, Collection<Long> flagIds) {
        Map<Long, Boolean> states = new LinkedHashMap<>();
        if (flagIds.isEmpty() || flagManagerSlot.isEmpty()) {
            return states;
        }
        OptionalLong manager = reader.pointer(flagManagerSlot.getAsLong());
        if (manager.isEmpty()) {
            return states;
        }
        long vmf = manager.getAsLong();
        OptionalLong divisor = reader.u32(vmf + DIVISOR);
        OptionalLong head = reader.pointer(vmf + TREE_HEAD);
        if (divisor.isEmpty() || divisor.getAsLong() == 0 || head.isEmpty()) {
            return states; // not initialised yet
        }
        for (long id : flagIds) {
            readFlag(vmf, divisor.getAsLong(), head.getAsLong(), id).ifPresent(set -> states.put(id, set));
        }
        return states;
    }

    private Optional<Boolean> readFlag(long vmf, long divisor, long head, long id) {
        if (id < 0) {
            return Optional.of(false);
        }
        long group = id / divisor;
        long bit = id % divisor;
        long node = findGroup(head, group);
        if (node == UNREADABLE) {
            return Optional.empty();
        }
        if (node == NONE) {
            return Optional.of(false);
        }
        long bits = groupBits(vmf, node);
        if (bits == UNREADABLE) {
            return Optional.empty();
        }
        if (bits == NONE) {
            return Optional.of(false);
        }
        OptionalLong octet = reader.u8(bits + (bit >>> 3));
        if (octet.isEmpty()) {
            return Optional.empty();
        }
        // Bits are stored most significant first: flag 0 of a byte is its 0x80 bit.
        return Optional.of(((octet.getAsLong() >>> (7 - (bit & 7))) & 1) == 1);
    }

    /** The tree node of {@code group} by a lower-bound search from the root, or NONE, or UNREADABLE. */
    private long findGroup(long head, long group) {
        long found = head;
        OptionalLong current = reader.pointer(head + NODE_PARENT);
        for (int steps = 0; ; steps++) {
            if (current.isEmpty() || steps > MAX_WALK_STEPS) {
                return UNREADABLE;
            }
            long node = current.getAsLong();
            OptionalLong isNil = reader.u8(node + NODE_IS_NIL);
            if (isNil.isEmpty()) {
                return UNREADABLE;
            }
            if (isNil.getAsLong() != 0) {
                break;
            }
            OptionalLong nodeGroup = reader.u32(node + NODE_GROUP);
            if (nodeGroup.isEmpty()) {
                return UNREADABLE;
            }
            if (nodeGroup.getAsLong() < group) {
                current = reader.pointer(node + NODE_RIGHT);
            } else {
                found = node;
                current = reader.pointer(node + NODE_LEFT);
            }
        }
        if (found == head) {
            return NONE;
        }
        OptionalLong foundGroup = reader.u32(found + NODE_GROUP);
        if (foundGroup.isEmpty()) {
            return UNREADABLE;
        }
        return foundGroup.getAsLong() == group ? found : NONE;
    }

    /** Address of the group's bit block, NONE for a storage mode we do not know, or UNREADABLE. */
    private long groupBits(long vmf, long node) {
        OptionalLong mode = reader.u32(node + NODE_MODE);
        if (mode.isEmpty()) {
            return UNREADABLE;
        }
        if (mode.getAsLong() == MODE_HOLDER_INDEX) {
            OptionalLong holders = reader.pointer(vmf + HOLDER_BASE);
            OptionalLong entrySize = reader.u32(vmf + HOLDER_ENTRY_SIZE);
            OptionalLong index = reader.i32(node + NODE_LOCATION);
            if (holders.isEmpty() || entrySize.isEmpty() || index.isEmpty()) {
                return UNREADABLE;
            }
            return holders.getAsLong() + entrySize.getAsLong() * index.getAsLong();
        }
        if (mode.getAsLong() == MODE_DIRECT_POINTER) {
            return reader.pointer(node + NODE_LOCATION).orElse(UNREADABLE);
        }
        return NONE;
    }
}

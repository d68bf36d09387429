package com.speedfog.racing.overlay.connection;

import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    @TempDir
    Path folder;

    private Path file() {
        return Outbox.fileFor(folder, UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001"));
    }

    private static OutboxEntry entry(String id, long igt) {
        return new OutboxEntry(id, Wire.write(new ModMessage.StatusUpdate(igt, 0, null, null, id)));
    }

    @Test
    void keepsMessagesInTheOrderAdded() throws IOException {
        try (Outbox outbox = Outbox.open(file())) {
            outbox.add(entry("a", 1));
            outbox.add(entry("b", 2));
            outbox.add(entry("c", 3));

            assertThat(outbox.pending()).extracting(OutboxEntry::messageId).containsExactly("a", "b", "c");
        }
    }

    @Test
    void removesOnlyTheAcknowledgedMessage() throws IOException {
        try (Outbox outbox = Outbox.open(file())) {
            outbox.add(entry("a", 1));
            outbox.add(entry("b", 2));
            outbox.add(entry("c", 3));

            assertThat(outbox.remove("b")).isTrue();
            assertThat(outbox.remove("b")).isFalse();
            assertThat(outbox.remove("never-sent")).isFalse();
            assertThat(outbox.pending()).extracting(OutboxEntry::messageId).containsExactly("a", "c");
        }
    }

    @Test
    void aRestartFindsTheUnacknowledgedMessagesInOrderWithTheirExactFrames() throws IOException {
        OutboxEntry a = entry("a", 1);
        OutboxEntry c = entry("c", 3);
        try (Outbox outbox = Outbox.open(file())) {
            outbox.add(a);
            outbox.add(entry("b", 2));
            outbox.add(c);
            outbox.remove("b");
        }

        try (Outbox reopened = Outbox.open(file())) {
            assertThat(reopened.pending()).containsExactly(a, c);
            assertThat(reopened.ignoredLines()).isZero();
        }
    }

    @Test
    void addIsOnDiskBeforeItReturnsEvenWithoutClose() throws IOException {
        Outbox outbox = Outbox.open(file());
        outbox.add(entry("a", 1));
        // No close: a crash right now must still leave the message in the file.
        assertThat(Files.readString(file())).contains("\"message_id\":\"a\"");
        try (Outbox second = Outbox.open(file())) {
            assertThat(second.pending()).extracting(OutboxEntry::messageId).containsExactly("a");
        }
        outbox.close();
    }

    @Test
    void aTruncatedLastLineFromACrashIsIgnoredAndRepaired() throws IOException {
        try (Outbox outbox = Outbox.open(file())) {
            outbox.add(entry("a", 1));
            outbox.add(entry("b", 2));
        }
        String cut = "+" + Wire.write(new ModMessage.StatusUpdate(3L, 0, null, null, "c"));
        Files.writeString(file(), cut.substring(0, cut.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (Outbox reopened = Outbox.open(file())) {
            assertThat(reopened.pending()).extracting(OutboxEntry::messageId).containsExactly("a", "b");
            assertThat(reopened.ignoredLines()).isEqualTo(1);
            reopened.add(entry("d", 4)); // appended after a repaired journal, not glued to the cut line
        }
        try (Outbox again = Outbox.open(file())) {
            assertThat(again.pending()).extracting(OutboxEntry::messageId).containsExactly("a", "b", "d");
            assertThat(again.ignoredLines()).isZero();
        }
    }

    @Test
    void aTruncatedRemovalOnlyMeansTheMessageIsResent() throws IOException {
        try (Outbox outbox = Outbox.open(file())) {
            outbox.add(entry("a", 1));
        }
        Files.writeString(file(), "-a", StandardOpenOption.APPEND); // the removal's newline never made it

        try (Outbox reopened = Outbox.open(file())) {
            assertThat(reopened.pending()).extracting(OutboxEntry::messageId).containsExactly("a");
        }
    }

    @Test
    void garbageLinesAreSkippedAndTheRestKept() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "+" + entry("a", 1).frame() + "\nnot a record\n+{\"type\":\"nope\"}\n+"
                + Wire.write(new ModMessage.Ready(null)) + "\n" + "+" + entry("b", 2).frame() + "\n");

        try (Outbox outbox = Outbox.open(file())) {
            assertThat(outbox.pending()).extracting(OutboxEntry::messageId).containsExactly("a", "b");
            assertThat(outbox.ignoredLines()).isEqualTo(3);
        }
    }

    @Test
    void removalsAreCompactedAwaySoTheFileDoesNotGrowForever() throws IOException {
        try (Outbox outbox = Outbox.open(file())) {
            for (int i = 0; i < Outbox.COMPACT_AFTER_REMOVALS * 3; i++) {
                outbox.add(entry("m" + i, i));
                outbox.remove("m" + i);
            }
            outbox.add(entry("last", 1));

            List<String> lines = Files.readAllLines(file());
            assertThat(lines.size()).isLessThan(2 * Outbox.COMPACT_AFTER_REMOVALS + 2);
            assertThat(outbox.pending()).extracting(OutboxEntry::messageId).containsExactly("last");
        }
        try (Outbox reopened = Outbox.open(file())) {
            assertThat(Files.readAllLines(file())).hasSize(1);
            assertThat(reopened.pending()).extracting(OutboxEntry::messageId).containsExactly("last");
        }
    }

    @Test
    void theOutboxLivesInAHiddenFolderNextToTheConfigPerRace() {
        UUID race = UUID.randomUUID();
        assertThat(Outbox.fileFor(folder, race)).isEqualTo(folder.resolve(".speedfog-outbox").resolve(race + ".jsonl"));
    }
}

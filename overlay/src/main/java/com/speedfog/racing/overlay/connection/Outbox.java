package com.speedfog.racing.overlay.connection;

import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.Wire;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gameplay messages not yet acknowledged by the server, kept on disk so that neither a lost
 * connection nor a crash of the overlay loses or reorders them.
 *
 * <p>The file is a journal, one record a line: {@code +<frame>} when a message is added (flushed to
 * the disk before the message may be sent), {@code -<message_id>} when its ack arrived. Only whole
 * lines count: a last line cut short by a crash is ignored. On opening, and when removals pile up,
 * the journal is rewritten to the pending messages alone (temporary file, then an atomic rename), so
 * a crash at any moment leaves either the old journal or the new one, never a mix.
 */
public final class Outbox implements Closeable {

    public static final String FOLDER = ".speedfog-outbox";
    static final char ADDED = '+';
    static final char REMOVED = '-';
    /** Rewrite the journal once this many removals are in it and they outnumber the pending messages. */
    static final int COMPACT_AFTER_REMOVALS = 200;

    private final Path file;
    private final Map<String, OutboxEntry> pending = new LinkedHashMap<>();
    private final int ignoredLines;
    private FileChannel journal;
    private int removalsInJournal;
    /** A write failed half-way: the journal must be rewritten before anything is appended to it. */
    private boolean journalDamaged;

    private Outbox(Path file, List<OutboxEntry> loaded, int ignoredLines) {
        this.file = file;
        loaded.forEach(entry -> pending.put(entry.messageId(), entry));
        this.ignoredLines = ignoredLines;
    }

    /** The journal of one race, in the outbox folder next to the config file. */
    public static Path fileFor(Path configFolder, UUID raceId) {
        return configFolder.resolve(FOLDER).resolve(raceId + ".jsonl");
    }

    /** Opens (or creates) the journal at {@code file} and loads what it still holds. */
    public static Outbox open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JournalContent content = Files.exists(file) ? JournalContent.parse(Files.readAllBytes(file)) : JournalContent.EMPTY;
        Outbox outbox = new Outbox(file, content.pending(), content.ignoredLines());
        outbox.rewrite();
        return outbox;
    }

    /** Lines of the journal that were not understood (a line cut by a crash, damage): they were dropped. */
    public int ignoredLines() {
        return ignoredLines;
    }

    /**
     * Keeps {@code entry} until {@link #remove} is called with its id. It is in memory in any case;
     * it is on disk when this returns normally.
     *
     * @throws IOException when the disk write failed (the entry is still pending in memory)
     */
    public synchronized void add(OutboxEntry entry) throws IOException {
        if (pending.putIfAbsent(entry.messageId(), entry) != null) {
            throw new IllegalArgumentException("message id already pending: " + entry.messageId());
        }
        append(ADDED + entry.frame(), true);
    }

    /** Forgets the message (it was acknowledged or refused for good); false when it was not pending. */
    public synchronized boolean remove(String messageId) throws IOException {
        if (pending.remove(messageId) == null) {
            return false;
        }
        // Not forced to disk: a removal lost in a crash only causes a resend, which the server ignores.
        append(REMOVED + messageId, false);
        removalsInJournal++;
        if (removalsInJournal >= COMPACT_AFTER_REMOVALS && removalsInJournal > pending.size()) {
            rewrite();
        }
        return true;
    }

    /** The messages waiting for an ack, oldest first. */
    public synchronized List<OutboxEntry> pending() {
        return new ArrayList<>(pending.values());
    }

    public synchronized int size() {
        return pending.size();
    }

    public synchronized boolean contains(String messageId) {
        return pending.containsKey(messageId);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    private void append(String line, boolean force) throws IOException {
        if (journalDamaged || journal == null) {
            rewrite(); // writes the whole pending state, this line included
            return;
        }
        try {
            writeFully(journal, line + "\n");
            if (force) {
                journal.force(false);
            }
        } catch (IOException e) {
            journalDamaged = true;
            throw e;
        }
    }

    /** Replaces the journal by the pending messages alone. */
    private void rewrite() throws IOException {
        close();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder text = new StringBuilder();
            pending.values().forEach(entry -> text.append(ADDED).append(entry.frame()).append('\n'));
            writeFully(out, text.toString());
            out.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        journal = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        removalsInJournal = 0;
        journalDamaged = false;
    }

    private static void writeFully(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** What a journal file says: the pending entries in order, and how many lines made no sense. */
    record JournalContent(List<OutboxEntry> pending, int ignoredLines) {

        static final JournalContent EMPTY = new JournalContent(List.of(), 0);

        static JournalContent parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            Map<String, OutboxEntry> pending = new LinkedHashMap<>();
            int ignored = 0;
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    ignored++; // the last line has no end: a write cut short
                    break;
                }
                String line = text.substring(start, end);
                start = end + 1;
                if (line.isEmpty()) {
                    continue;
                }
                OutboxEntry added = line.charAt(0) == ADDED ? parseEntry(line.substring(1)) : null;
                if (line.charAt(0) == REMOVED) {
                    pending.remove(line.substring(1));
                } else if (added != null) {
                    pending.putIfAbsent(added.messageId(), added);
                } else {
                    ignored++;
                }
            }
            return new JournalContent(List.copyOf(pending.values()), ignored);
        }

        private static OutboxEntry parseEntry(String frame) {
            try {
                if (Wire.readMod(frame) instanceof ModMessage.Gameplay gameplay && gameplay.messageId() != null
                        && !gameplay.messageId().isBlank()) {
                    return new OutboxEntry(gameplay.messageId(), frame);
                }
                return null;
            } catch (Wire.WireException | IllegalArgumentException e) {
                return null;
            }
        }
    }
}

package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.ModuleInfo;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.UnreadableMemoryException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Scans the module once for every signature and turns unique matches into global addresses. */
public final class GlobalResolver {

    private final AobScanner scanner;

    public GlobalResolver(AobScanner scanner) {
        this.scanner = scanner;
    }

    public Map<GameGlobal, GlobalResolution> resolve(ProcessMemory memory, ModuleInfo module, long scanLength) {
        List<AobPattern> patterns = new ArrayList<>();
        for (GameGlobal global : GameGlobal.values()) {
            global.signatures().forEach(signature -> patterns.add(signature.pattern()));
        }
        Map<AobPattern, List<Long>> matches = scanner.scan(memory, module.base(), scanLength, patterns);
        Map<GameGlobal, GlobalResolution> resolved = new EnumMap<>(GameGlobal.class);
        for (GameGlobal global : GameGlobal.values()) {
            resolved.put(global, resolveOne(memory, module, global, matches));
        }
        return resolved;
    }

    private static GlobalResolution resolveOne(ProcessMemory memory, ModuleInfo module, GameGlobal global,
                                               Map<AobPattern, List<Long>> matches) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < global.signatures().size(); i++) {
            Signature signature = global.signatures().get(i);
            String name = i == 0 ? "pattern" : "alternative pattern " + i;
            List<Long> found = matches.getOrDefault(signature.pattern(), List.of());
            if (found.size() != 1) {
                // A signature that matches twice could point at the wrong global: never guess.
                reasons.add(name + (found.isEmpty() ? ": no match" : ": " + found.size() + " matches"));
                continue;
            }
            long match = found.get(0);
            try {
                byte[] displacement = memory.read(match + signature.displacementOffset(), 4);
                long slot = signature.target(match, ByteBuffer.wrap(displacement).order(ByteOrder.LITTLE_ENDIAN).getInt());
                if (!module.contains(slot)) {
                    reasons.add(name + ": points outside the module (0x" + Long.toHexString(slot) + ")");
                    continue;
                }
                return new GlobalResolution(global, OptionalLong.of(slot),
                        name + " at 0x" + Long.toHexString(match));
            } catch (UnreadableMemoryException e) {
                reasons.add(name + ": " + e.getMessage());
            }
        }
        return new GlobalResolution(global, OptionalLong.empty(), "not found (" + String.join("; ", reasons) + ")");
    }
}

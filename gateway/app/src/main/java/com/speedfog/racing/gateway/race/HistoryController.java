package com.speedfog.racing.gateway.race;

import com.speedfog.racing.gateway.web.ApiProblem;
import com.speedfog.racing.gateway.identity.CurrentUsers;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.query.viewer.Viewer;
import com.speedfog.racing.protocol.Wire;
import com.speedfog.racing.query.timeline.TimelineEntry;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A race's history for analysts: the timeline, and exports streamed row by row. */
@RestController
@RequestMapping("/api/races/{raceId}")
class HistoryController {

    private final ReadSide reads;
    private final CurrentUsers currentUsers;

    HistoryController(ReadSide reads, CurrentUsers currentUsers) {
        this.reads = reads;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID raceId) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (!reads.timeline(raceId, currentUsers.viewer(), entries::add)) {
            throw RaceController.notFound(raceId);
        }
        return entries;
    }

    @GetMapping("/events")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID raceId, @RequestParam(defaultValue = "jsonl") String format) {
        Viewer viewer = currentUsers.viewer();
        reads.summary(raceId, viewer).orElseThrow(() -> RaceController.notFound(raceId));
        boolean csv = switch (format) {
            case "csv" -> true;
            case "jsonl" -> false;
            default -> throw ApiProblem.invalid("invalid_format", "format must be jsonl or csv (was '" + format + "')");
        };
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (csv) {
                writer.write("sequence,occurred_at,participant_id,type,igt_ms,description\n");
            }
            reads.timeline(raceId, viewer, entry -> {
                try {
                    writer.write(csv ? csvLine(entry) : Wire.mapper().writeValueAsString(entry) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? MediaType.parseMediaType("text/csv") : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("race-" + raceId + "." + format).build().toString())
                .body(body);
    }

    static String csvLine(TimelineEntry e) {
        return e.sequence() + "," + e.at() + "," + (e.participantId() == null ? "" : e.participantId()) + ","
                + e.type() + "," + (e.igtMs() == null ? "" : e.igtMs()) + "," + csv(e.description()) + "\n";
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets never run it. */
    static String csv(String value) {
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

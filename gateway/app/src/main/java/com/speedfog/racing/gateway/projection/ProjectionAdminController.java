package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.gateway.web.ApiProblem;
import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * Rebuild read models from the event store while the live ones serve, and watch it happen: events
 * replayed, rate and time left under {@code rebuild}.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ReadModelRebuild rebuilder;

    ProjectionAdminController(ReadModelRebuild rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** Every read model, or only the named groups ({@code ?group=race-views&group=...}). */
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildProgress rebuild(@RequestParam(name = "group", required = false) List<String> groups) {
        if (groups == null || groups.isEmpty()) {
            return rebuilder.rebuild();
        }
        Set<String> known = rebuilder.progress().tables().keySet();
        List<String> unknown = groups.stream().filter(g -> !known.contains(g)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalid("unknown_read_model", "no read model named " + String.join(", ", unknown)
                    + "; the read models are " + String.join(", ", known));
        }
        return rebuilder.rebuild(groups);
    }

    @GetMapping
    RebuildProgress progress() {
        return rebuilder.progress();
    }
}

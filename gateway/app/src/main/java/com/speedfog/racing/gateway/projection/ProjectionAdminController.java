package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.query.readmodel.RebuildProgress;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuild every read model from the event store, and watch it happen. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ReadModelRebuild rebuilder;

    ProjectionAdminController(ReadModelRebuild rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildProgress rebuild() {
        return rebuilder.rebuild();
    }

    @GetMapping
    RebuildProgress progress() {
        return rebuilder.progress();
    }
}

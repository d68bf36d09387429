package com.speedfog.racing.gateway.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/**
 * Friendly addresses for the static pages: what OBS users paste ({@code /overlay/{id}/dag}), what the
 * API hands out as invite links ({@code /invite/{token}}) and race links. Each forwards to the page,
 * which reads the id from its address; the browser keeps the address and its query string (overlay
 * options).
 */
@Controller
@Hidden // pages, not part of the HTTP API's description
class PageRoutes {

    @GetMapping("/overlay/{raceId}/dag")
    String dagOverlay(@PathVariable UUID raceId) {
        return "forward:/overlay/dag.html";
    }

    @GetMapping("/overlay/{raceId}/leaderboard")
    String leaderboardOverlay(@PathVariable UUID raceId) {
        return "forward:/overlay/leaderboard.html";
    }

    @GetMapping("/race/{raceId}")
    String race(@PathVariable UUID raceId) {
        return "forward:/race.html";
    }

    @GetMapping("/replay/{raceId}")
    String replay(@PathVariable UUID raceId) {
        return "forward:/replay.html";
    }

    @GetMapping("/invite/{token:[A-Za-z0-9_-]{8,128}}")
    String invite(@PathVariable String token) {
        return "forward:/invite.html";
    }
}

package com.speedfog.racing.overlay.config;

import java.net.URI;
import java.util.UUID;

/** Where the race server is, which race, and this player's secret token (never printed). */
public record ServerSettings(URI url, UUID raceId, String modToken) {

    @Override
    public String toString() {
        return "ServerSettings[url=" + url + ", raceId=" + raceId + ", modToken=(" + modToken.length() + " characters)]";
    }
}

// A finished (or running) race rebuilt from its timeline, to be shown at any instant. The replay's
// clock is in-game time: each player's events are placed at their own IGT, as if everyone ran side by
// side; that is also how the leaderboard ranks (layer, then the IGT at which it was reached).
import { rank } from './ranking.js';

function parse(data) {
  if (data && typeof data === 'object') return data;
  try { return JSON.parse(data || '{}'); } catch (e) { return {}; }
}

/**
 * @param timeline entries of GET /api/races/{id}/timeline
 * @param roster   participants of GET /api/races/{id} (names, colours, registration order)
 */
export function buildReplay(timeline, roster) {
  const lastStart = timeline.reduce((found, e, i) => (e.type === 'RaceStarted' ? i : found), -1);
  const players = roster.map((p, order) => ({
    id: p.id, name: p.display_name, colorIndex: p.color_index, order, frames: [], arrivals: new Map(), lastIgt: 0,
  }));
  const byId = new Map(players.map((p) => [p.id, p]));
  if (lastStart < 0) return { started: false, players, duration: 0, at: () => ({ rows: [], positions: [], splits: {} }) };

  for (const entry of timeline.slice(lastStart + 1)) {
    const player = byId.get(entry.participant_id);
    if (!player) continue;
    const d = parse(entry.data);
    const igt = Number.isFinite(d.igtMs) ? d.igtMs : Number.isFinite(entry.igt_ms) ? entry.igt_ms : player.lastIgt;
    const frame = { igt, type: entry.type };
    switch (entry.type) {
      case 'RunBegun': Object.assign(frame, { igt: 0, layer: 0, node: null }); break;
      case 'ZoneEntered': Object.assign(frame, { node: d.nodeId, layer: d.highestLayer ?? d.layer, deaths: d.deathCount }); break;
      case 'StatusCheckpointed': frame.deaths = d.deathCount; break;
      case 'ParticipantFinished': frame.deaths = d.deathCount; break;
      case 'ParticipantAbandoned': break;
      // No IGT of their own: a disqualification is decided after the fact, and a run closed by a forced
      // finish stopped at an unknown IGT. Both show at the end; until then the player stays where last seen.
      case 'ParticipantDisqualified': frame.atEnd = true; break;
      case 'ParticipantClosed': if (d.reason === 'REMOVED') continue; frame.atEnd = true; break;
      default: continue;
    }
    if (!frame.atEnd) player.lastIgt = Math.max(player.lastIgt, frame.igt);
    player.frames.push(frame);
    if (frame.layer !== undefined && !player.arrivals.has(frame.layer)) player.arrivals.set(frame.layer, frame.igt);
    if (entry.type === 'ParticipantFinished') player.finishIgt = igt;
  }
  const duration = Math.max(1000, ...players.map((p) => p.lastIgt));
  for (const p of players) {
    p.frames.forEach((f) => { if (f.atEnd) f.igt = duration; });
    p.frames.sort((a, b) => a.igt - b.igt); // stable: store order within one IGT
  }

  /** Standings, positions and leader splits at in-game time t. */
  function at(t) {
    const splits = {};
    const standings = players.map((p) => {
      const s = { id: p.id, name: p.name, colorIndex: p.colorIndex, order: p.order, status: 'registered', closed: false,
        layer: 0, igtMs: 0, layerEntryIgtMs: null, finishIgtMs: null, deaths: 0, nodeId: null, history: [] };
      for (const f of p.frames) {
        if (f.igt > t) break;
        if (f.deaths !== undefined) s.deaths = f.deaths;
        switch (f.type) {
          case 'RunBegun': s.status = 'playing'; s.layerEntryIgtMs = 0; break;
          case 'ZoneEntered':
            s.nodeId = f.node;
            s.history.push(f.node);
            if (f.layer > s.layer) { s.layer = f.layer; s.layerEntryIgtMs = f.igt; }
            break;
          case 'ParticipantFinished': s.status = 'finished'; s.finishIgtMs = f.igt; break;
          case 'ParticipantAbandoned': s.status = 'abandoned'; break;
          case 'ParticipantDisqualified': s.status = 'disqualified'; break;
          case 'ParticipantClosed': s.closed = true; break;
          default: break;
        }
      }
      s.igtMs = s.status === 'finished' ? s.finishIgtMs : s.status === 'registered' ? 0 : Math.min(t, p.lastIgt);
      for (const [layer, igt] of p.arrivals) {
        if (igt <= t && (splits[layer] === undefined || igt < splits[layer])) splits[layer] = igt;
      }
      return s;
    });
    const ranked = rank(standings, splits);
    const rows = ranked.map((s, i) => ({
      id: s.id, rank: i + 1, name: s.name, colorIndex: s.colorIndex, status: s.closed && s.status === 'playing' ? 'dnf' : s.status,
      finished: s.status === 'finished', layer: s.layer, igtMs: s.igtMs, deaths: s.deaths, gapMs: s.gapMs,
    }));
    const positions = standings.filter((s) => s.status !== 'registered')
      .map((s) => ({ id: s.id, name: s.name, colorIndex: s.colorIndex, status: s.status, nodeId: s.nodeId, history: s.history }));
    return { rows, positions, splits };
  }

  return { started: true, players, duration, at };
}

// A race as the spectator socket describes it. race_state replaces everything (that is also the
// resync after a reconnect); the other messages patch it. Listeners are told after each message.
import { liveGap } from './ranking.js';

export function createRaceStore() {
  const state = {
    race: null,
    seed: { totalLayers: 0, graph: null, hidden: true },
    participants: new Map(), // id -> participant info (PROTOCOL.md)
    board: [], // leaderboard entries in order
    splits: {},
    spectators: null,
  };
  const igtBase = new Map(); // id -> {ms, at}: where live IGT ticking starts from
  const listeners = [];

  function noteIgt(id, ms) {
    if (ms === null || ms === undefined) return;
    const base = igtBase.get(id);
    if (!base || base.ms !== ms) igtBase.set(id, { ms, at: performance.now() });
  }

  function apply(message) {
    switch (message.type) {
      case 'race_state':
        state.race = message.race;
        state.seed = {
          totalLayers: message.seed ? message.seed.total_layers : 0,
          graph: message.seed && message.seed.graph_json ? message.seed.graph_json : null,
          hidden: !message.seed || message.seed.hidden === true || !message.seed.graph_json,
        };
        state.participants = new Map((message.participants || []).map((p) => [p.id, p]));
        state.splits = message.leader_splits || state.splits || {};
        for (const p of state.participants.values()) noteIgt(p.id, p.igt_ms);
        break;
      case 'player_update': {
        const p = message.player;
        state.participants.set(p.id, p);
        noteIgt(p.id, p.igt_ms);
        break;
      }
      case 'leaderboard_update':
        state.board = message.participants || [];
        if (message.leader_splits) state.splits = message.leader_splits;
        for (const e of state.board) noteIgt(e.participant_id, e.igt_ms);
        break;
      case 'race_status_change':
        if (state.race) {
          state.race = { ...state.race, status: message.status,
            scheduled_start: message.scheduled_start ?? state.race.scheduled_start,
            started_at: message.started_at ?? state.race.started_at };
        }
        break;
      case 'spectator_count':
        state.spectators = message.count;
        break;
      default:
        return;
    }
    for (const listener of listeners) listener(message.type, state);
  }

  /** IGT now: the last known value, ticking on while the player runs and their overlay is connected. */
  function liveIgt(id, knownMs, status, now = performance.now()) {
    const p = state.participants.get(id);
    const base = igtBase.get(id);
    const running = state.race && state.race.status === 'running' && status === 'playing' && (!p || p.mod_connected !== false);
    if (!running || !base) return knownMs;
    return Math.max(knownMs ?? 0, base.ms + (now - base.at));
  }

  /** Leaderboard rows as displayed now: server order, live IGT and live gap. */
  function rows(now = performance.now()) {
    const entries = state.board.length ? state.board : [...state.participants.values()].map((p) => ({
      participant_id: p.id, name: p.display_name || p.name, status: p.status, layer: p.current_layer,
      igt_ms: p.igt_ms, death_count: p.death_count, finished: p.status === 'finished', gap_ms: p.gap_ms, color_index: p.color_index,
    }));
    return entries.map((e, i) => {
      const p = state.participants.get(e.participant_id);
      const igt = e.finished ? e.igt_ms : liveIgt(e.participant_id, e.igt_ms, e.status, now);
      return {
        id: e.participant_id,
        rank: i + 1,
        name: e.name,
        colorIndex: e.color_index ?? (p ? p.color_index : i),
        status: e.status,
        finished: e.finished,
        layer: e.layer,
        igtMs: igt,
        deaths: e.death_count,
        gapMs: e.finished ? e.gap_ms : liveGap(e.gap_ms, e.status, e.layer, igt, state.splits),
        connected: p ? p.mod_connected : null,
      };
    });
  }

  /** Players for the map: where each one is and the nodes they went through. */
  function positions() {
    return [...state.participants.values()].map((p) => {
      const history = (p.zone_history || []).map((v) => v.node_id);
      return {
        id: p.id, name: p.display_name || p.name, colorIndex: p.color_index, status: p.status,
        nodeId: p.current_zone || (history.length ? history[history.length - 1] : null),
        history,
      };
    });
  }

  return {
    state, apply, rows, positions, liveIgt,
    onChange(listener) { listeners.push(listener); },
  };
}

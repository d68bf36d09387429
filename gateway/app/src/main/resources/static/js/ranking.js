// The leaderboard's gap rule (query-api LeaderboardRules), for values that move between server
// updates: a runner's gap grows once their live IGT passes the next layer's leader split. Also the
// full ordering, for the replay, which rebuilds standings at any instant.

const GROUP = { finished: 0, playing: 1, ready: 2, registered: 3, out: 4, disqualified: 5 };

export function group(s) {
  if (s.status === 'finished') return GROUP.finished;
  if (s.status === 'disqualified') return GROUP.disqualified;
  if (s.status === 'abandoned' || s.closed) return GROUP.out;
  if (s.status === 'playing') return GROUP.playing;
  if (s.status === 'ready') return GROUP.ready;
  return GROUP.registered;
}

const split = (splits, layer) => {
  const v = splits ? splits[layer] ?? splits[String(layer)] : undefined;
  return v === undefined || v === null ? null : Number(v);
};

/** The live gap of a running player, from the last known gap and their current IGT. */
export function liveGap(gapMs, status, layer, igtMs, splits) {
  if (status !== 'playing') return gapMs;
  const next = split(splits, layer + 1);
  if (next !== null && igtMs > next) return Math.max(gapMs ?? 0, igtMs - next);
  return gapMs;
}

const nullsLast = (a, b) => (a === null || a === undefined ? (b === null || b === undefined ? 0 : 1)
  : b === null || b === undefined ? -1 : a - b);

/**
 * Orders standings {status, closed, layer, igtMs, layerEntryIgtMs, finishIgtMs, order} and sets gapMs
 * on each, as the server does.
 */
export function rank(standings, splits) {
  const sorted = [...standings].sort((a, b) => {
    const byGroup = group(a) - group(b);
    if (byGroup !== 0) return byGroup;
    const g = group(a);
    if (g === GROUP.finished) {
      const c = nullsLast(a.finishIgtMs, b.finishIgtMs);
      if (c !== 0) return c;
    } else if (g === GROUP.playing || g === GROUP.out) {
      if (a.layer !== b.layer) return b.layer - a.layer;
      const c = nullsLast(a.layerEntryIgtMs, b.layerEntryIgtMs);
      if (c !== 0) return c;
    }
    return a.order - b.order;
  });
  const winner = sorted.find((s) => group(s) === GROUP.finished);
  for (const s of sorted) {
    s.gapMs = null;
    if (group(s) === GROUP.finished) {
      s.gapMs = s.finishIgtMs - winner.finishIgtMs;
    } else if (group(s) === GROUP.playing && s.layerEntryIgtMs !== null && s.layerEntryIgtMs !== undefined) {
      const own = split(splits, s.layer);
      if (own !== null) s.gapMs = Math.max(0, liveGap(s.layerEntryIgtMs - own, 'playing', s.layer, s.igtMs, splits));
    }
  }
  return sorted;
}

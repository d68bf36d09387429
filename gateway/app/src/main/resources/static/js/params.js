// Page parameters come from the query string (race.html?id=...) or, for the friendly addresses the
// gateway forwards (/overlay/{id}/dag, /race/{id}, /invite/{token}), from the path.

const query = new URLSearchParams(location.search);

export function param(name, fallback = null) {
  return query.has(name) ? query.get(name) : fallback;
}

export function numberParam(name, fallback, min = -Infinity, max = Infinity) {
  const value = Number(param(name));
  if (!query.has(name) || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

export function boolParam(name, fallback) {
  if (!query.has(name)) return fallback;
  return !['0', 'false', 'no', 'off'].includes(query.get(name).toLowerCase());
}

/** The race id: ?id=, or the segment after /race/ or /overlay/ in the path. */
export function raceId() {
  const fromQuery = param('id');
  if (fromQuery) return fromQuery;
  const match = location.pathname.match(/\/(?:race|overlay|replay)\/([0-9a-fA-F-]{36})/);
  return match ? match[1] : null;
}

/** The invite token: ?token=, or the segment after /invite/ in the path. */
export function inviteToken() {
  const fromQuery = param('token');
  if (fromQuery) return fromQuery;
  const match = location.pathname.match(/\/invite\/([A-Za-z0-9_-]+)/);
  return match ? match[1] : null;
}

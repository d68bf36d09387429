// Times as racers read them.

/** In-game time: 1:02:03 or 2:03 (minutes and seconds always two digits after the first unit). */
export function igt(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A gap behind the leader: +1:23, or an empty string when there is none. */
export function gap(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  if (ms <= 0) return '±0:00';
  return '+' + igt(ms);
}

/** Countdown to an instant, e.g. "0:09"; "GO" once passed. */
export function countdown(toMs, nowMs = Date.now()) {
  const left = toMs - nowMs;
  if (left <= 0) return 'GO';
  return igt(Math.ceil(left / 1000) * 1000);
}

/** A date in the viewer's own time zone, e.g. "Sun 3 Mar, 20:00". */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function statusLabel(status) {
  return ({ draft: 'draft', open: 'open', countdown: 'countdown', running: 'running', finished: 'finished', cancelled: 'cancelled' })[status] || status || '';
}

// <input type="datetime-local"> holds a wall-clock time without a zone: it is the organizer's own
// (the browser's) time zone, converted here to an ISO UTC instant for the API.

export function localInputToIso(value) {
  if (!value) return null;
  const date = new Date(value); // a zone-less date-time string is read as local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The value for a datetime-local input, n minutes from now, in local time. */
export function inputValueIn(minutes) {
  const d = new Date(Date.now() + minutes * 60000);
  d.setSeconds(0, 0);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function zoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}

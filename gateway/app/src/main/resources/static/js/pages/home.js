// Home: races by status, login, "create race" for organizers, and the user's own races.
import { $, replace, notify } from '../dom.js';
import { get } from '../api.js';
import { mountHeader, isOrganizer } from '../session.js';
import { raceItem, emptyItem } from '../race-links.js';

const user = await mountHeader();
if (isOrganizer(user)) $('#create-race').classList.remove('hidden');

const list = (status, size = 20) => get(`/api/races?status=${status}&size=${size}`).then((page) => page.races);

async function fill(target, statuses, emptyText) {
  const races = (await Promise.all(statuses.map((s) => list(s)))).flat();
  replace($(target), races.length ? races.map((r) => raceItem(r)) : [emptyItem(emptyText)]);
  return races;
}

try {
  const [open, running] = await Promise.all([
    fill('#open-races', ['open', 'countdown'], 'No race is open right now.'),
    fill('#running-races', ['running'], 'Nobody is racing right now.'),
    fill('#finished-races', ['finished'], 'No finished race yet.'),
  ]);
  if (user) await showMine(user, [...open, ...running]);
} catch (e) {
  notify($('#notice'), 'error', e.message);
}

/** Races the user organizes, and races they are on the roster of (among those not finished). */
async function showMine(me, current) {
  const drafts = await list('draft', 50);
  const organized = [...drafts, ...current].filter((r) => r.organizer_id === me.id);
  const others = current.filter((r) => r.organizer_id !== me.id).slice(0, 30);
  const details = await Promise.all(others.map((r) => get(`/api/races/${r.id}`).catch(() => null)));
  const racing = details.filter((d) => d && d.participants.some((p) => p.user_id === me.id)).map((d) => d.race);
  const items = [...organized.map((r) => raceItem(r, { manage: true })), ...racing.map((r) => raceItem(r))];
  if (items.length || isOrganizer(me)) {
    $('#my-races-panel').classList.remove('hidden');
    replace($('#my-races'), items.length ? items : [emptyItem('You have no race yet.')]);
  }
}

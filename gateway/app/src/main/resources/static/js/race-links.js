// A race as one line of a list: name (to its page), status, and what matters for its status.
import { el } from './dom.js';
import * as format from './format.js';

export function raceItem(race, { manage = false } = {}) {
  const id = encodeURIComponent(race.id);
  let meta = `${race.participant_count} player${race.participant_count === 1 ? '' : 's'} · ${race.pool_name}`;
  if (race.status === 'countdown' || (race.status === 'open' && race.scheduled_start)) meta += ' · starts ' + format.when(race.scheduled_start);
  else if (race.status === 'running' && race.started_at) meta += ' · started ' + format.when(race.started_at);
  else if (race.status === 'finished' && race.finished_at) meta += ' · ' + format.when(race.finished_at);
  return el('li', { dataset: { race: race.id } },
    el('a', { href: `/race.html?id=${id}`, class: 'race-name' }, race.name),
    el('span', { class: 'status ' + race.status }, format.statusLabel(race.status)),
    manage ? el('a', { href: `/manage.html?id=${id}`, class: 'small' }, 'manage') : null,
    el('span', { class: 'meta' }, meta));
}

export function emptyItem(text) {
  return el('li', { class: 'muted' }, text);
}

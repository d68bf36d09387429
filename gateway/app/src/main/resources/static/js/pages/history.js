// Finished races with their results, newest first, ten per page.
import { $, el, replace, notify } from '../dom.js';
import { get } from '../api.js';
import { numberParam } from '../params.js';
import { mountHeader } from '../session.js';
import { playerColor } from '../colors.js';
import * as format from '../format.js';

const SIZE = 10;
const page = numberParam('page', 0, 0);
await mountHeader();

function results(detail) {
  const finishers = detail.participants.filter((p) => p.status === 'finished' && p.finish_igt_ms !== null)
    .sort((a, b) => a.finish_igt_ms - b.finish_igt_ms);
  const others = detail.participants.filter((p) => !finishers.includes(p));
  const winner = finishers.length ? finishers[0].finish_igt_ms : null;
  return el('table', { class: 'results' },
    el('tbody', {},
      finishers.map((p, i) => el('tr', {},
        el('td', { class: 'num', style: { width: '2rem' } }, String(i + 1)),
        el('td', {}, el('span', { class: 'swatch', style: { background: playerColor(p.color_index) } }), p.display_name),
        el('td', { class: 'num' }, format.igt(p.finish_igt_ms)),
        el('td', { class: 'num muted' }, i === 0 ? '' : format.gap(p.finish_igt_ms - winner)),
        el('td', { class: 'num muted' }, `${p.death_count} ☠`))),
      others.map((p) => el('tr', { class: 'muted' },
        el('td', { class: 'num' }, '–'),
        el('td', {}, el('span', { class: 'swatch', style: { background: playerColor(p.color_index) } }), p.display_name),
        el('td', { class: 'num' }, p.status === 'abandoned' ? 'abandoned' : p.status === 'disqualified' ? 'DQ' : 'DNF'),
        el('td', { class: 'num' }, `layer ${p.current_layer}`),
        el('td', { class: 'num' }, `${p.death_count} ☠`)))));
}

try {
  const answer = await get(`/api/races?status=finished&page=${page}&size=${SIZE}`);
  const details = await Promise.all(answer.races.map((r) => get(`/api/races/${r.id}`).catch(() => null)));
  replace($('#races'), answer.races.length ? answer.races.map((race, i) => el('section', { class: 'panel', dataset: { race: race.id } },
    el('div', { class: 'row' },
      el('h2', { style: { margin: 0 } }, el('a', { href: `/race.html?id=${encodeURIComponent(race.id)}` }, race.name)),
      el('span', { class: 'muted small' }, `${format.when(race.finished_at)} · ${race.pool_name}`),
      el('span', { class: 'spacer' }),
      el('a', { class: 'button', href: `/replay.html?id=${encodeURIComponent(race.id)}` }, 'Replay')),
    details[i] ? results(details[i]) : el('p', { class: 'muted' }, 'Results unavailable.')))
    : [el('p', { class: 'muted' }, 'No finished race yet.')]);
  const pages = Math.max(1, Math.ceil(answer.total / SIZE));
  $('#page-info').textContent = `page ${page + 1} of ${pages}`;
  if (page > 0) { $('#newer').classList.remove('hidden'); $('#newer').href = `?page=${page - 1}`; }
  if (page + 1 < pages) { $('#older').classList.remove('hidden'); $('#older').href = `?page=${page + 1}`; }
} catch (e) {
  notify($('#notice'), 'error', e.message);
}

// Admin: pools with counts, rescan, discard a seed, users and their roles.
import { $, el, replace, notify } from '../dom.js';
import { get, post, put } from '../api.js';
import { mountHeader, isAdmin } from '../session.js';
import { guarded } from '../guard.js';

const notice = $('#notice');
const user = await mountHeader();
if (!isAdmin(user)) {
  notify(notice, 'error', user ? 'This page is for admins only.' : 'Log in as an admin to see this page.');
}

async function loadPools() {
  const pools = await get('/api/pools');
  replace($('#pools tbody'), pools.map((p) => el('tr', { dataset: { pool: p.name } },
    el('td', {}, el('strong', {}, p.display_name || p.name), el('div', { class: 'muted small' }, p.description || '')),
    el('td', {}, p.estimated_duration || '–'),
    el('td', { class: 'num available' }, String(p.available)),
    el('td', { class: 'num' }, String(p.consumed)),
    el('td', { class: 'num' }, String(p.discarded)),
    el('td', { class: 'small', style: { color: 'var(--danger)' } }, p.problem || ''))));
}

let allSeeds = [];

async function loadSeeds() {
  allSeeds = await get('/api/admin/seeds');
  const select = $('#seed-pool');
  const pools = [...new Set(allSeeds.map((s) => s.pool_name))];
  const chosen = pools.includes(select.value) ? select.value : pools[0];
  replace(select, pools.map((p) => el('option', { value: p }, p)));
  if (chosen) select.value = chosen;
  showSeeds();
}

/** One pool at a time: a pool can hold hundreds of seeds. */
function showSeeds() {
  const seeds = allSeeds.filter((s) => s.pool_name === $('#seed-pool').value);
  replace($('#seeds tbody'), seeds.length ? seeds.map((s) => el('tr', { dataset: { seed: s.id } },
    el('td', { class: 'mono small' }, s.id),
    el('td', {}, String(s.state || '').toLowerCase()),
    el('td', { class: 'num' }, s.total_layers ?? '–'),
    el('td', {}, s.race_id ? el('a', { href: `/race.html?id=${encodeURIComponent(s.race_id)}` }, 'race') : ''),
    el('td', {}, s.state === 'AVAILABLE'
      ? guarded(el('button', { type: 'button', class: 'danger discard' }, 'Discard'), 'Really discard?', () => discard(s.id)) : null)))
    : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No seed.'))]);
}

$('#seed-pool').addEventListener('change', showSeeds);

async function loadUsers() {
  const users = await get('/api/admin/users');
  replace($('#users tbody'), users.map((u) => {
    const select = el('select', { 'aria-label': `Role of ${u.login}` },
      ['USER', 'ORGANIZER', 'ADMIN'].map((r) => el('option', { value: r, selected: u.role === r }, r.toLowerCase())));
    select.addEventListener('change', async () => {
      try {
        const saved = await put(`/api/admin/users/${u.id}/role`, { role: select.value });
        notify(notice, 'ok', `${saved.display_name || saved.login} is now ${saved.role.toLowerCase()}.`);
      } catch (e) {
        notify(notice, 'error', e.message);
        select.value = u.role;
      }
    });
    return el('tr', { dataset: { user: u.id } }, el('td', {}, u.display_name || u.login), el('td', { class: 'muted' }, u.login), el('td', {}, select));
  }));
}

async function discard(seedId) {
  try {
    await post('/api/admin/seeds/discard', { seed_id: seedId });
    notify(notice, 'ok', `Seed ${seedId} discarded: it will never be raced.`);
    await Promise.all([loadPools(), loadSeeds()]);
  } catch (e) {
    notify(notice, 'error', e.message);
  }
}

$('#rescan').addEventListener('click', async () => {
  $('#rescan').disabled = true;
  notify(notice, 'ok', 'Scanning the pool folders…');
  try {
    const report = await post('/api/admin/seeds/scan');
    notify(notice, 'ok', `Scan done: ${report.pools} pools, ${report.seeds} seeds, ${report.added} new, ${report.rejected} rejected.`);
    replace($('#scan-report'), (report.problems || []).map((p) => el('div', {}, p)));
    await Promise.all([loadPools(), loadSeeds()]);
  } catch (e) {
    notify(notice, 'error', e.message);
  }
  $('#rescan').disabled = false;
});

if (isAdmin(user)) {
  Promise.all([loadPools(), loadSeeds(), loadUsers()]).catch((e) => notify(notice, 'error', e.message));
} else {
  loadPools().catch(() => {});
}

// Create a race: name, pool, options, optional scheduled start; then on to the manage page.
import { $, el, replace, notify } from '../dom.js';
import { get, post } from '../api.js';
import { mountHeader, isOrganizer } from '../session.js';
import { localInputToIso, zoneName } from '../local-time.js';

const user = await mountHeader();
const notice = $('#notice');
$('#zone').textContent = zoneName();
if (!isOrganizer(user)) {
  notify(notice, 'error', user ? 'Only organizers may create races: ask an admin for the organizer role.' : 'Log in as an organizer to create a race.');
  $('#create').disabled = true;
}

let pools = [];
function showPool() {
  const pool = pools.find((p) => p.name === $('#pool').value);
  if (!pool) { replace($('#pool-info')); return; }
  replace($('#pool-info'),
    el('p', {}, pool.description || ''),
    el('p', {}, `Estimated duration: ${pool.estimated_duration || 'unknown'} · `,
      el('span', { id: 'pool-available' }, `${pool.available} seed${pool.available === 1 ? '' : 's'} available`),
      ` · ${pool.consumed} used`),
    pool.problem ? el('p', { style: { color: 'var(--danger)' } }, pool.problem) : null);
}

try {
  pools = await get('/api/pools');
  replace($('#pool'), pools.map((p) => el('option', { value: p.name, disabled: p.available === 0 },
    `${p.display_name || p.name} (${p.available} available)`)));
  const firstUsable = pools.find((p) => p.available > 0);
  if (firstUsable) $('#pool').value = firstUsable.name;
  showPool();
} catch (e) {
  notify(notice, 'error', e.message);
}
$('#pool').addEventListener('change', showPool);

$('#create-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const scheduled = $('#scheduled-start').value;
  const body = {
    name: $('#race-name').value.trim(),
    pool_name: $('#pool').value,
    config: {
      show_finished_names: $('#show-finished-names').checked,
      max_participants: Number($('#max-participants').value),
      countdown_seconds: Number($('#countdown-seconds').value),
      public: $('#public').checked,
      open_registration: $('#open-registration').checked,
    },
  };
  if (scheduled) {
    body.scheduled_start = localInputToIso(scheduled);
    if (!body.scheduled_start) { notify(notice, 'error', 'The scheduled start is not a valid date and time.'); return; }
  }
  $('#create').disabled = true;
  notify(notice, 'ok', 'Creating the race…');
  try {
    const detail = await post('/api/races', body);
    location.assign(`/manage.html?id=${encodeURIComponent(detail.race.id)}&created=1`);
  } catch (e) {
    notify(notice, 'error', e.message);
    $('#create').disabled = false;
  }
});

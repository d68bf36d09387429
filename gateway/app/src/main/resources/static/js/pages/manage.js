// Manage a race: roster and invites, packs, start (at a local date-time or in N seconds), force
// finish, reset, reroll, cancel. Every action answers in the notice area, errors in words.
import { $, el, replace, notify } from '../dom.js';
import { get, post, del } from '../api.js';
import { raceId, param } from '../params.js';
import { mountHeader } from '../session.js';
import { watchRace } from '../socket.js';
import { playerColor } from '../colors.js';
import { localInputToIso, inputValueIn, zoneName } from '../local-time.js';
import * as format from '../format.js';
import { guarded } from '../guard.js';

const id = raceId();
const path = `/api/races/${encodeURIComponent(id)}`;
const notice = $('#notice');
await mountHeader();
$('#zone').textContent = zoneName();
$('#race-link').href = `/race.html?id=${encodeURIComponent(id)}`;
$('#start-at').value = inputValueIn(15);
if (param('created')) notify(notice, 'ok', 'Race created. Add players, generate their packs, then start.');

let race = null;

// Which buttons make sense in which status (the server decides anyway, and says why if not).
const ALLOWED = {
  '#add-player-button': ['draft', 'open'],
  '#generate': ['draft', 'open', 'countdown'],
  '#schedule': ['draft', 'open', 'countdown'],
  '#start-now': ['draft', 'open', 'countdown'],
  '#cancel-countdown': ['countdown'],
  '#open-race': ['draft'],
  '#reroll': ['draft', 'open'],
  '#finish': ['running'],
  '#reset': ['countdown', 'running', 'finished'],
  '#cancel': ['draft', 'open', 'countdown', 'running'],
};

async function refresh() {
  try {
    const detail = await get(path);
    race = detail.race;
    render(detail);
  } catch (e) {
    notify(notice, 'error', e.message);
  }
}

function render(detail) {
  $('#race-name').textContent = race.name;
  document.title = `Manage ${race.name} · SpeedFog Racing`;
  $('#race-status').textContent = format.statusLabel(race.status);
  $('#race-status').className = 'status ' + race.status;
  for (const [selector, statuses] of Object.entries(ALLOWED)) $(selector).disabled = !statuses.includes(race.status);
  if (!$('#start-in').dataset.touched) $('#start-in').value = race.config.countdown_seconds;
  $('#seed-info').textContent = `Pool ${race.pool_name}, seed ${race.seed_id}.`;
  const info = race.status === 'countdown' ? `Starting ${format.when(race.scheduled_start)}.`
    : race.status === 'running' ? `Running since ${format.when(race.started_at)}.`
      : race.status === 'finished' ? `Finished ${format.when(race.finished_at)}.` : 'Not scheduled.';
  $('#start-info').textContent = info;
  const editable = ['draft', 'open'].includes(race.status);
  replace($('#roster tbody'), detail.participants.length ? detail.participants.map((p) => el('tr', { dataset: { participant: p.id } },
    el('td', {}, el('span', { class: 'swatch', style: { background: playerColor(p.color_index) } }), p.display_name),
    el('td', {}, p.status),
    el('td', {}, p.mod_connected ? 'connected' : '–'),
    el('td', {}, editable ? el('button', { type: 'button', class: 'remove', onclick: () => removePlayer(p) }, 'Remove') : null)))
    : [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No player yet.'))]);
}

/** Runs an action, showing what happened (or why not) in words. */
async function act(button, running, action, done) {
  if (button) button.disabled = true;
  notify(notice, 'ok', running);
  try {
    const answer = await action();
    notify(notice, 'ok', typeof done === 'function' ? done(answer) : done);
  } catch (e) {
    notify(notice, 'error', e.message);
  }
  await refresh();
  // The race's view follows a command within milliseconds, and a moved countdown (same status) is not
  // pushed to watchers: look once more shortly after.
  setTimeout(refresh, 700);
}

function copyRow(url, label) {
  const input = el('input', { type: 'text', readonly: true, value: url });
  const copy = el('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(url); } catch (e) { input.select(); document.execCommand('copy'); }
    copy.textContent = 'Copied';
    setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
  });
  return el('div', { class: 'copy-row' }, label ? el('span', {}, label) : null, input, copy);
}

function removePlayer(p) {
  act(null, `Removing ${p.display_name}…`, () => del(`${path}/participants/${p.id}`), `${p.display_name} was removed.`);
}

$('#add-player').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = $('#twitch-name').value.trim();
  act($('#add-player-button'), `Adding ${name}…`, () => post(`${path}/participants`, { twitch_username: name }), (answer) => {
    $('#twitch-name').value = '';
    if (answer.invite_url) {
      $('#invites').append(el('div', { class: 'invite' }, el('p', { class: 'small' },
        `${answer.twitch_username} has never logged in: send them this invite link.`), copyRow(answer.invite_url)));
      return `${answer.twitch_username} is invited (link below).`;
    }
    return `${answer.twitch_username} was added.`;
  });
});

$('#generate').addEventListener('click', () => act($('#generate'), 'Generating packs…', () => post(`${path}/generate-zips`), (answer) => {
  replace($('#packs'), answer.packs.map((pack) => el('div', { class: 'pack', dataset: { participant: pack.participant_id } },
    el('p', { class: 'small' }, pack.display_name, ' · ', el('a', { href: pack.download_url, class: 'download' }, 'download')),
    copyRow(pack.download_url))));
  return answer.packs.length ? `${answer.packs.length} pack${answer.packs.length === 1 ? '' : 's'} generated: send each player their link.`
    : 'Nobody is on the roster yet: no pack to make.';
}));

// Once the organizer is at the field, live re-renders no longer put the race's default back into it.
for (const type of ['focus', 'input', 'change']) {
  $('#start-in').addEventListener(type, () => { $('#start-in').dataset.touched = '1'; });
}
$('#start-now').addEventListener('click', () => {
  const seconds = Number($('#start-in').value);
  act($('#start-now'), 'Starting the countdown…', () => post(`${path}/start`, { in_seconds: seconds }),
    `Countdown started: GO in ${seconds} s.`);
});
$('#schedule').addEventListener('click', () => {
  const at = localInputToIso($('#start-at').value);
  if (!at) { notify(notice, 'error', 'Choose a date and time for the start.'); return; }
  act($('#schedule'), 'Scheduling the start…', () => post(`${path}/start`, { scheduled_start: at }),
    `Start scheduled for ${format.when(at)} (your time).`);
});
$('#cancel-countdown').addEventListener('click', () => act($('#cancel-countdown'), 'Cancelling the countdown…',
  () => post(`${path}/cancel-countdown`), 'Countdown cancelled: the race is open again.'));
$('#open-race').addEventListener('click', () => act($('#open-race'), 'Opening…', () => post(`${path}/open`),
  'The race is open: it is listed and players may join.'));
guarded($('#reroll'), 'Really reroll?', () => act($('#reroll'), 'Rerolling the seed…', () => post(`${path}/reroll-seed`),
  (answer) => `New seed: ${answer.seed_id}. Generate the packs again.`));
guarded($('#finish'), 'Really finish?', () => act($('#finish'), 'Finishing…', () => post(`${path}/finish`),
  'The race is finished: players still running did not finish.'));
guarded($('#reset'), 'Really reset?', () => act($('#reset'), 'Resetting…', () => post(`${path}/reset`),
  'The race is reset: open again, roster and seed kept.'));
guarded($('#cancel'), 'Really cancel?', () => act($('#cancel'), 'Cancelling…', () => del(path), 'The race is cancelled.'));

// Follow the race live: any change refreshes the page's view of it.
let pending = null;
watchRace(id, {
  indicator: $('#connection'),
  onMessage(message) {
    if (!['race_state', 'player_update', 'race_status_change'].includes(message.type)) return;
    if (message.type === 'race_status_change' && race) race.status = message.status;
    clearTimeout(pending);
    pending = setTimeout(refresh, 250);
  },
});
setInterval(() => {
  $('#countdown').textContent = race && race.status === 'countdown' && race.scheduled_start
    ? format.countdown(Date.parse(race.scheduled_start)) : '';
}, 250);
await refresh();

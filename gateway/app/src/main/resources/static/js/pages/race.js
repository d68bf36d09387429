// Race page: live leaderboard, the seed's map with every player, countdown, status; a player's own
// pack; links to the OBS overlays.
import { $, el, replace, notify } from '../dom.js';
import { get, post } from '../api.js';
import { raceId } from '../params.js';
import { mountHeader, apiToken, isAdmin } from '../session.js';
import { watchRace } from '../socket.js';
import { createRaceStore } from '../race-store.js';
import { createDag, decoyGraph } from '../dag.js';
import { createLeaderboard } from '../leaderboard.js';
import * as format from '../format.js';
import { guarded } from '../guard.js';

const id = raceId();
const user = await mountHeader();
const store = createRaceStore();
let me = null; // this user's participation, if they race here

function veil(text) {
  $('#map-veil').classList.toggle('hidden', !text);
  $('#map-veil-text').textContent = text || '';
  $('#dag').classList.toggle('blurred', !!text);
}

if (!id) {
  replace($('.race-layout'), el('p', { class: 'notice error' }, 'No race given: open this page from the race list.'));
  throw new Error('no race id');
}

let detail = null;
try {
  detail = await get(`/api/races/${encodeURIComponent(id)}`);
} catch (e) {
  replace($('.race-layout'), el('p', { class: 'notice error', role: 'alert' }, e.message));
  throw e;
}
document.title = `${detail.race.name} · SpeedFog Racing`;
me = user ? detail.participants.find((p) => p.user_id === user.id) || null : null;
if (user && (detail.race.organizer_id === user.id || isAdmin(user))) {
  $('#organizer-panel').classList.remove('hidden');
  $('#manage-link').href = `/manage.html?id=${encodeURIComponent(id)}`;
}
if (me) {
  $('#me-panel').classList.remove('hidden');
  $('#my-pack').href = `/api/races/${encodeURIComponent(id)}/my-pack`;
}

/** A player's own actions; the page reloads to show the new roster and what the player may see. */
async function selfAction(notice, path, done) {
  try {
    await post(`/api/races/${encodeURIComponent(id)}/${path}`);
    notify(notice, 'ok', done);
    setTimeout(() => location.reload(), 800);
  } catch (e) {
    notify(notice, 'error', e.message);
  }
}
const openForAll = ['draft', 'open'].includes(detail.race.status) && detail.race.config.open_registration;
if (user && !me && openForAll) $('#join-panel').classList.remove('hidden');
$('#join').addEventListener('click', () => selfAction($('#join-notice'), 'join', 'You are on the roster.'));
if (me && openForAll) $('#leave').classList.remove('hidden');
$('#leave').addEventListener('click', () => selfAction($('#me-notice'), 'leave', 'You left the race.'));
guarded($('#abandon'), 'Really abandon?', () => selfAction($('#me-notice'), 'abandon', 'You abandoned.'));
const base = location.origin;
for (const [kind, input, open] of [['dag', '#overlay-dag', '#overlay-dag-open'], ['leaderboard', '#overlay-board', '#overlay-board-open']]) {
  const url = `${base}/overlay/${id}/${kind}`;
  $(input).value = url;
  $(open).href = url;
}
$('#replay-link').href = `/replay.html?id=${encodeURIComponent(id)}`;

const dag = createDag($('#dag'), { names: true });
const board = createLeaderboard($('#leaderboard'), { meId: me ? me.id : null });
let graphShown;
let graphSource;

function render(type, state) {
  const race = state.race;
  if (!race) return;
  $('#race-name').textContent = race.name;
  const status = $('#race-status');
  status.textContent = format.statusLabel(race.status);
  status.className = 'status ' + race.status;
  if (state.spectators !== null) $('#spectators').textContent = `${state.spectators} watching`;
  const mine = me && state.participants.get(me.id);
  // The server hides the map from a player still running; the page also does, so the state it sends
  // before this page has said who it is never flashes the map.
  const meRunning = !!mine && race.status === 'running' && !['finished', 'abandoned', 'disqualified'].includes(mine.status);
  const hidden = state.seed.hidden || meRunning;
  const source = hidden ? `decoy:${state.seed.totalLayers}` : state.seed.graph;
  if (source !== graphSource) {
    graphSource = source;
    const graph = hidden ? decoyGraph(state.seed.totalLayers) : state.seed.graph;
    const key = JSON.stringify(graph); // a resync sends the same graph again: keep the drawing (and markers)
    if (key !== graphShown) { dag.setGraph(graph); graphShown = key; }
  }
  if (!hidden) veil(null);
  else if (meRunning) veil('The map stays hidden while you race. Good luck!');
  else veil('The map is revealed when the race starts.');
  if (!hidden) dag.setPlayers(store.positions());
  $('#abandon').classList.toggle('hidden', !(meRunning && mine.status === 'playing'));
  if (mine) $('#me-text').textContent = `You are ${mine.display_name || mine.name}: ${mine.status}` + (mine.mod_connected ? ', overlay connected.' : '.');
  tick();
}

function tick() {
  const race = store.state.race;
  if (!race) return;
  board.update(store.rows(), store.state.seed.totalLayers);
  const cd = $('#countdown');
  if (race.status === 'countdown' && race.scheduled_start) cd.textContent = format.countdown(Date.parse(race.scheduled_start));
  else if (race.status === 'open' && race.scheduled_start) cd.textContent = 'starts ' + format.when(race.scheduled_start);
  else cd.textContent = '';
}

store.onChange(render);
let tokenRefused = false;
const socket = watchRace(id, {
  indicator: $('#connection'),
  // Only a participant needs to say who they are (their map stays hidden while they run); a token is
  // not asked for otherwise, since issuing one revokes the previous.
  token: me ? () => apiToken(user) : null,
  onMessage(message) {
    if (message.type === 'error' && message.code === 'invalid_token' && me && !tokenRefused) {
      // The stored token was revoked (a new one was issued elsewhere): get a fresh one and say who we are.
      tokenRefused = true;
      apiToken(user, { fresh: true }).then((t) => socket.send({ type: 'auth', token: t })).catch(() => {});
      return;
    }
    store.apply(message);
  },
});
setInterval(tick, 250);

// A countdown moved to another time keeps the status "countdown", and the socket only announces status
// changes: check the start time now and then while it matters.
setInterval(async () => {
  const race = store.state.race;
  if (!race || !['open', 'countdown'].includes(race.status)) return;
  try {
    const fresh = (await get(`/api/races/${encodeURIComponent(id)}`)).race;
    if (fresh.scheduled_start !== race.scheduled_start && store.state.race.status === fresh.status) {
      store.state.race = { ...store.state.race, scheduled_start: fresh.scheduled_start };
      tick();
    }
  } catch (e) { /* the socket's state stays */ }
}, 10000);

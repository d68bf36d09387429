// Replay: the race at any in-game instant (map and leaderboard), play at 0.5x-16x, the layer/IGT chart,
// splits per layer, and export links.
import { $, el, replace, notify } from '../dom.js';
import { get } from '../api.js';
import { raceId, numberParam } from '../params.js';
import { mountHeader } from '../session.js';
import { watchRace } from '../socket.js';
import { createDag, decoyGraph } from '../dag.js';
import { createLeaderboard } from '../leaderboard.js';
import { buildReplay } from '../replay-model.js';
import { createChart } from '../chart.js';
import { playerColor } from '../colors.js';
import * as format from '../format.js';

const id = raceId();
const path = `/api/races/${encodeURIComponent(id)}`;
await mountHeader();
$('#race-link').href = `/race.html?id=${encodeURIComponent(id)}`;
$('#export-jsonl').href = `${path}/events?format=jsonl`;
$('#export-csv').href = `${path}/events?format=csv`;

/** The seed's graph, as the spectator socket gives it (visible once the race is over). */
function loadGraph() {
  return new Promise((resolve) => {
    const socket = watchRace(id, {
      onMessage(message) {
        if (message.type !== 'race_state') return;
        socket.close();
        resolve(message.seed || {});
      },
      onState(state) { if (state === 'gone') resolve({}); },
    });
    setTimeout(() => resolve({}), 10000);
  });
}

let detail;
let timeline;
let seed;
try {
  [detail, timeline, seed] = await Promise.all([get(path), get(`${path}/timeline`), loadGraph()]);
} catch (e) {
  notify($('#notice'), 'error', e.message);
  throw e;
}
document.title = `Replay ${detail.race.name} · SpeedFog Racing`;
$('#race-name').textContent = `Replay: ${detail.race.name}`;
$('#race-status').textContent = format.statusLabel(detail.race.status);
$('#race-status').className = 'status ' + detail.race.status;

const replay = buildReplay(timeline, detail.participants);
const totalLayers = seed.total_layers || 0;
if (!replay.started) notify($('#notice'), 'error', 'This race has not started: there is nothing to replay yet.');

const dag = createDag($('#dag'), { names: true });
dag.setGraph(seed.graph_json || decoyGraph(totalLayers));
if (!seed.graph_json) $('#dag').classList.add('blurred');
const board = createLeaderboard($('#leaderboard'));
const scrubber = $('#scrubber');
scrubber.max = String(Math.ceil(replay.duration / 1000) * 1000);
$('#duration').textContent = format.igt(replay.duration);

let now = 0;
const chart = createChart($('#chart'), { players: replay.players, duration: replay.duration, totalLayers, onSeek: (t) => show(t) });

function show(t) {
  now = Math.min(replay.duration, Math.max(0, t));
  const frame = replay.at(now);
  board.update(frame.rows, totalLayers);
  if (seed.graph_json) dag.setPlayers(frame.positions);
  chart.setTime(now);
  if (document.activeElement !== scrubber) scrubber.value = String(now);
  $('#clock').textContent = format.igt(now);
  $('#clock').dataset.ms = String(Math.round(now));
}

scrubber.addEventListener('input', () => show(Number(scrubber.value)));

// Play: the clock advances speed × real time, and stops at the end.
let playing = false;
let last = 0;
function frame(ts) {
  if (!playing) return;
  const speed = Number($('#speed').value);
  show(now + (ts - last) * speed);
  last = ts;
  if (now >= replay.duration) { setPlaying(false); return; }
  requestAnimationFrame(frame);
}
function setPlaying(on) {
  playing = on;
  $('#play').textContent = on ? 'Pause' : 'Play';
  if (on) {
    if (now >= replay.duration) show(0);
    last = performance.now();
    requestAnimationFrame(frame);
  }
}
$('#play').addEventListener('click', () => setPlaying(!playing));

function splitsTable() {
  const finalRows = replay.at(replay.duration).rows;
  const order = finalRows.map((r) => replay.players.find((p) => p.id === r.id));
  const layers = Math.max(totalLayers, ...replay.players.flatMap((p) => [...p.arrivals.keys()].map((l) => l + 1)));
  const bodyRows = [];
  for (let layer = 1; layer < layers; layer++) {
    const times = order.map((p) => p.arrivals.get(layer));
    const best = Math.min(...times.filter((t) => t !== undefined));
    bodyRows.push(el('tr', {}, el('th', {}, `Layer ${layer}`), times.map((t) =>
      el('td', { class: 'num' + (t !== undefined && t === best ? ' best' : '') }, t === undefined ? '–' : format.igt(t)))));
  }
  const finishes = order.map((p) => p.finishIgt);
  const bestFinish = Math.min(...finishes.filter((t) => t !== undefined));
  bodyRows.push(el('tr', {}, el('th', {}, 'Finish'), finishes.map((t) =>
    el('td', { class: 'num' + (t !== undefined && t === bestFinish ? ' best' : '') }, t === undefined ? '–' : format.igt(t)))));
  replace($('#splits'),
    el('thead', {}, el('tr', {}, el('th', {}, ''), order.map((p) =>
      el('th', { class: 'num' }, el('span', { class: 'swatch', style: { background: playerColor(p.colorIndex) } }), p.name)))),
    el('tbody', {}, bodyRows));
}

splitsTable();
show(numberParam('t', replay.duration, 0));

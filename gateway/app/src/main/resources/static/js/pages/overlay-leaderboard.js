// OBS leaderboard: ?id= (or /overlay/{id}/leaderboard), columns=rank,name,layer,igt,deaths,gap,
// max=rows, title=0 to hide the race name, plus the common options (width, height, scale, panel).
import { $ } from '../dom.js';
import { param, numberParam, boolParam, raceId } from '../params.js';
import { applyOverlayOptions } from '../overlay-options.js';
import { watchRace } from '../socket.js';
import { createRaceStore } from '../race-store.js';
import { createLeaderboard, ALL_COLUMNS } from '../leaderboard.js';

const root = $('#root');
applyOverlayOptions(root, { width: 700 });
const wanted = (param('columns') || '').split(',').map((c) => c.trim()).filter((c) => ALL_COLUMNS.includes(c));
const columns = wanted.length ? wanted : ALL_COLUMNS;
const showTitle = boolParam('title', true);
$('#title').classList.toggle('hidden', !showTitle);

const store = createRaceStore();
const board = createLeaderboard($('#leaderboard'), { columns, maxRows: numberParam('max', 12, 1, 100), heading: false });

function render() {
  if (!store.state.race) return;
  $('#title').textContent = store.state.race.name;
  board.update(store.rows(), store.state.seed.totalLayers);
}

store.onChange(render);
watchRace(raceId(), { indicator: $('#connection'), onMessage: (m) => store.apply(m) });
setInterval(render, 250);

// OBS map: ?id= (or /overlay/{id}/dag), names=0 to hide player names, labels=0 to hide zone names,
// paths=0 to hide the paths taken, plus the common options (width, height, scale).
import { $ } from '../dom.js';
import { boolParam, raceId } from '../params.js';
import { applyOverlayOptions } from '../overlay-options.js';
import { watchRace } from '../socket.js';
import { createRaceStore } from '../race-store.js';
import { createDag, decoyGraph } from '../dag.js';

const options = applyOverlayOptions($('#root'));
const dag = createDag($('#dag'), {
  names: boolParam('names', true), labels: boolParam('labels', true), paths: boolParam('paths', true),
  labelScale: options.scale,
});
const store = createRaceStore();
let graphShown;

store.onChange((type, state) => {
  if (!state.race) return;
  if (type === 'race_state') {
    const graph = state.seed.hidden ? decoyGraph(state.seed.totalLayers) : state.seed.graph;
    const key = JSON.stringify(graph); // a resync sends the same graph again: keep the drawing (and markers)
    if (key !== graphShown) { dag.setGraph(graph); graphShown = key; }
    $('#dag').classList.toggle('blurred', state.seed.hidden);
    $('#veil').classList.toggle('hidden', !state.seed.hidden);
    $('#veil').textContent = state.seed.hidden ? 'The map is revealed at GO' : '';
  }
  if (!state.seed.hidden) dag.setPlayers(store.positions());
});
watchRace(raceId(), { indicator: $('#connection'), onMessage: (m) => store.apply(m) });

// The seed's DAG as a horizontal metro map in SVG: one column per layer (node.layer) from left to
// right, nodes ordered within a column to keep lines from crossing, players' markers on their current
// node and the paths they took. Drawn by hand: no library.
import { svg, replace } from './dom.js';
import { playerColor } from './colors.js';

const COL_W = 130;
const ROW_H = 76;
const PAD_X = 70;
const PAD_RIGHT = 130; // room for the names of players on the last column
const PAD_Y = 70;
const LABEL_CHARS = 16;

function edgesOf(graph, nodes) {
  const seen = new Set();
  const edges = [];
  const add = (from, to) => {
    const key = from + '\u0000' + to;
    if (from === to || seen.has(key) || !nodes.has(from) || !nodes.has(to)) return;
    seen.add(key);
    edges.push({ from, to });
  };
  if (Array.isArray(graph.edges)) graph.edges.forEach((e) => add(e.from, e.to));
  for (const [id, n] of Object.entries(graph.nodes || {})) (n.exits || []).forEach((x) => add(id, x.to));
  return edges;
}

/** Positions every node: x by layer, y by a few barycenter sweeps to reduce crossings. */
export function layoutGraph(graph) {
  const nodes = new Map();
  for (const [id, n] of Object.entries(graph.nodes || {})) {
    nodes.set(id, { id, layer: Math.max(0, Number(n.layer) || 0), name: String(n.display_name || id), type: String(n.type || '') });
  }
  const edges = edgesOf(graph, nodes);
  const layerCount = Math.max(Number(graph.total_layers) || 0, ...[...nodes.values()].map((n) => n.layer + 1), 1);
  const columns = Array.from({ length: layerCount }, () => []);
  for (const n of nodes.values()) columns[n.layer].push(n);
  const preds = new Map([...nodes.keys()].map((id) => [id, []]));
  const succs = new Map([...nodes.keys()].map((id) => [id, []]));
  edges.forEach((e) => { preds.get(e.to).push(e.from); succs.get(e.from).push(e.to); });

  const rowOf = new Map();
  const place = () => columns.forEach((col) => col.forEach((n, i) => rowOf.set(n.id, i - (col.length - 1) / 2)));
  place();
  const sweep = (col, neighbours) => {
    const key = (n) => {
      const ys = neighbours.get(n.id).map((id) => rowOf.get(id));
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : rowOf.get(n.id);
    };
    const keys = new Map(col.map((n) => [n.id, key(n)]));
    col.sort((a, b) => keys.get(a.id) - keys.get(b.id));
  };
  for (let round = 0; round < 4; round++) {
    for (let l = 1; l < layerCount; l++) { sweep(columns[l], preds); place(); }
    for (let l = layerCount - 2; l >= 0; l--) { sweep(columns[l], succs); place(); }
  }
  const tallest = Math.max(...columns.map((c) => c.length), 1);
  const height = PAD_Y * 2 + (tallest - 1) * ROW_H;
  for (const n of nodes.values()) {
    n.x = PAD_X + n.layer * COL_W;
    n.y = height / 2 + rowOf.get(n.id) * ROW_H;
  }
  const start = [...nodes.values()].find((n) => n.type === 'start') || columns[0][0] || null;
  return { nodes, edges, layerCount, width: PAD_X + PAD_RIGHT + (layerCount - 1) * COL_W, height, startId: start ? start.id : null };
}

/** A made-up graph of the right number of layers, drawn blurred while the real one is hidden. */
export function decoyGraph(totalLayers) {
  const layers = Math.max(3, Number(totalLayers) || 8);
  const nodes = {};
  const edges = [];
  let previous = [];
  for (let l = 0; l < layers; l++) {
    const count = l === 0 || l === layers - 1 ? 1 : 1 + ((l * 7 + 3) % 3);
    const current = Array.from({ length: count }, (_, i) => `d${l}_${i}`);
    current.forEach((id) => { nodes[id] = { layer: l, display_name: '?', type: l === 0 ? 'start' : '' }; });
    previous.forEach((from, i) => edges.push({ from, to: current[i % current.length] }));
    current.forEach((to, i) => { if (previous.length) edges.push({ from: previous[i % previous.length], to }); });
    previous = current;
  }
  return { total_layers: layers, nodes, edges };
}

function curve(a, b, dy = 0) {
  const mx = (a.x + b.x) / 2;
  return `M${a.x} ${a.y + dy} C${mx} ${a.y + dy}, ${mx} ${b.y + dy}, ${b.x} ${b.y + dy}`;
}

const shorten = (text, max) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

/**
 * @param host    an <svg> element
 * @param options names: player names beside the markers; labels: zone names; paths: players' paths
 */
export function createDag(host, { names = false, labels = true, paths = true, labelScale = 1 } = {}) {
  let layout = null;
  const layerEdges = svg('g', { class: 'edges' });
  const layerPaths = svg('g', { class: 'paths' });
  const layerNodes = svg('g', { class: 'nodes' });
  const layerMarkers = svg('g', { class: 'markers' });
  const markers = new Map(); // participant id -> <g>
  replace(host, layerEdges, layerPaths, layerNodes, layerMarkers);
  host.setAttribute('preserveAspectRatio', 'xMidYMid meet');

  function setGraph(graph) {
    layout = graph ? layoutGraph(graph) : null;
    markers.clear();
    replace(layerMarkers);
    replace(layerPaths);
    if (!layout) { replace(layerEdges); replace(layerNodes); return; }
    host.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    replace(layerEdges, layout.edges.map((e) => svg('path', {
      class: 'dag-edge', d: curve(layout.nodes.get(e.from), layout.nodes.get(e.to)),
    })));
    replace(layerNodes, [...layout.nodes.values()].map((n) => {
      const big = n.type === 'start' || n.type === 'final_boss';
      return svg('g', { class: 'dag-node-group', dataset: { node: n.id } },
        svg('title', {}, n.name),
        svg('circle', { class: 'dag-node ' + n.type, cx: n.x, cy: n.y, r: big ? 12 : 9 }),
        labels ? svg('text', { class: 'dag-label', x: n.x, y: n.y + 26, 'text-anchor': 'middle', 'font-size': 12 * labelScale },
          shorten(n.name, Math.round(LABEL_CHARS / labelScale))) : null);
    }));
  }

  function nodeOf(id) {
    return layout && ((id && layout.nodes.get(id)) || layout.nodes.get(layout.startId));
  }

  /** @param players [{id, name, colorIndex, nodeId, history: [nodeId|null], status}] */
  function setPlayers(players) {
    if (!layout) return;
    const byNode = new Map();
    const shown = players.filter((p) => p.status !== 'registered' || p.nodeId);
    shown.forEach((p) => {
      const node = nodeOf(p.nodeId);
      if (!node) return;
      if (!byNode.has(node.id)) byNode.set(node.id, []);
      byNode.get(node.id).push(p);
    });
    const visited = new Set();
    if (paths) {
      replace(layerPaths, shown.map((p, k) => {
        const steps = [null, ...p.history].map(nodeOf).filter(Boolean)
          .filter((n, i, all) => i === 0 || all[i - 1].id !== n.id);
        steps.forEach((n) => visited.add(n.id));
        if (steps.length < 2) return null;
        const dy = (k - (shown.length - 1) / 2) * 3;
        const d = steps.slice(1).map((n, i) => curve(steps[i], n, dy)).join(' ');
        return svg('path', { class: 'dag-path', d, stroke: playerColor(p.colorIndex), dataset: { participant: p.id } });
      }));
    }
    layerNodes.querySelectorAll('.dag-node-group').forEach((g) =>
      g.querySelector('circle').classList.toggle('visited', visited.has(g.dataset.node)));

    const alive = new Set();
    for (const [nodeId, group] of byNode) {
      const node = layout.nodes.get(nodeId);
      group.forEach((p, k) => {
        alive.add(p.id);
        const x = names ? node.x : node.x + (k - (group.length - 1) / 2) * 15;
        const y = names ? node.y - 22 - k * 17 : node.y - 20;
        let marker = markers.get(p.id);
        if (!marker) {
          marker = svg('g', { class: 'dag-marker', dataset: { participant: p.id } },
            svg('title', {}, p.name || ''),
            svg('circle', { r: 7, cx: 0, cy: 0 }),
            names ? svg('text', { x: 11, y: 4 }) : null);
          marker.style.transform = `translate(${x}px, ${y}px)`;
          layerMarkers.append(marker);
          markers.set(p.id, marker);
        }
        const colour = playerColor(p.colorIndex);
        marker.querySelector('circle').setAttribute('fill', colour);
        marker.querySelector('title').textContent = p.name || '';
        const label = marker.querySelector('text');
        if (label) { label.textContent = shorten(p.name || '', 14); label.setAttribute('fill', colour); }
        marker.dataset.node = node.id;
        marker.style.transform = `translate(${x}px, ${y}px)`;
      });
    }
    for (const [id, marker] of markers) {
      if (!alive.has(id)) { marker.remove(); markers.delete(id); }
    }
  }

  return { setGraph, setPlayers, layout: () => layout };
}

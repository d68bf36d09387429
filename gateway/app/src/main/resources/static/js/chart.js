// Layer against in-game time, one stepped line per player, with a cursor at the replay's instant.
// Clicking the chart moves the replay there.
import { svg, replace } from './dom.js';
import { playerColor } from './colors.js';
import * as format from './format.js';

const H = 260;
const M = { left: 44, right: 16, top: 12, bottom: 28 };

export function createChart(host, { players, duration, totalLayers, onSeek }) {
  // The drawing's width is the element's own, so text is never stretched.
  const W = Math.max(400, Math.round(host.getBoundingClientRect().width) || 1000);
  const layers = Math.max(totalLayers - 1, 1, ...players.flatMap((p) => [...p.arrivals.keys()]));
  const x = (igt) => M.left + (igt / duration) * (W - M.left - M.right);
  const y = (layer) => H - M.bottom - (layer / layers) * (H - M.top - M.bottom);
  host.setAttribute('viewBox', `0 0 ${W} ${H}`);
  host.setAttribute('preserveAspectRatio', 'none');

  const ticks = [];
  const stepMs = [60000, 300000, 600000, 900000, 1800000, 3600000].find((s) => duration / s <= 8) || 3600000;
  for (let t = 0; t <= duration; t += stepMs) {
    ticks.push(svg('line', { class: 'axis', x1: x(t), x2: x(t), y1: M.top, y2: H - M.bottom }),
      svg('text', { class: 'tick', x: x(t), y: H - 8, 'text-anchor': 'middle' }, format.igt(t)));
  }
  for (let l = 0; l <= layers; l += Math.max(1, Math.ceil(layers / 6))) {
    ticks.push(svg('text', { class: 'tick', x: M.left - 8, y: y(l) + 4, 'text-anchor': 'end' }, String(l)));
  }
  const lines = players.map((p) => {
    const steps = [...p.arrivals].sort((a, b) => a[1] - b[1]);
    if (!steps.length) return null;
    let d = `M${x(0)} ${y(0)}`;
    let layer = 0;
    for (const [l, igt] of steps) {
      if (l <= layer) continue;
      d += ` H${x(igt)} V${y(l)}`;
      layer = l;
    }
    d += ` H${x(p.finishIgt ?? p.lastIgt)}`;
    const colour = playerColor(p.colorIndex);
    return svg('g', {},
      svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2.5, dataset: { participant: p.id } }, svg('title', {}, p.name)),
      p.finishIgt !== undefined ? svg('circle', { cx: x(p.finishIgt), cy: y(layer), r: 5, fill: colour }, svg('title', {}, `${p.name} finished`)) : null);
  });
  const cursor = svg('line', { class: 'cursor', y1: M.top, y2: H - M.bottom, x1: x(0), x2: x(0) });
  replace(host, svg('rect', { x: 0, y: 0, width: W, height: H, fill: 'transparent' }), ...ticks, ...lines, cursor);

  host.addEventListener('click', (event) => {
    const box = host.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * W;
    const t = ((px - M.left) / (W - M.left - M.right)) * duration;
    onSeek(Math.min(duration, Math.max(0, t)));
  });

  return {
    setTime(t) { cursor.setAttribute('x1', x(t)); cursor.setAttribute('x2', x(t)); },
  };
}

// The leaderboard table, shared by the race page, the OBS overlay and the replay. Rows are kept per
// player and moved (with a short slide) when the order changes; cells only change text, and rows have a
// fixed height, so updates never shift the layout.
import { el, replace } from './dom.js';
import { playerColor } from './colors.js';
import * as format from './format.js';

export const ALL_COLUMNS = ['rank', 'name', 'layer', 'igt', 'deaths', 'gap'];
const HEADINGS = { rank: '#', name: 'Player', layer: 'Layer', igt: 'IGT', deaths: '☠', gap: 'Gap' };
const NUMERIC = new Set(['layer', 'igt', 'deaths', 'gap']);

function layerText(row, totalLayers) {
  if (row.status === 'finished') return 'done';
  if (row.status === 'abandoned') return 'out';
  if (row.status === 'disqualified') return 'DQ';
  if (row.status === 'dnf') return 'DNF';
  if (row.status === 'registered') return '–';
  if (row.status === 'ready') return 'ready';
  const last = Math.max(totalLayers - 1, 0);
  return last ? `${row.layer}/${last}` : String(row.layer);
}

function cellText(column, row, totalLayers) {
  switch (column) {
    case 'rank': return String(row.rank);
    case 'name': return row.name === null || row.name === undefined ? '(hidden)' : row.name;
    case 'layer': return layerText(row, totalLayers);
    case 'igt': return row.status === 'registered' || row.status === 'ready' ? '–' : format.igt(row.igtMs);
    case 'deaths': return String(row.deaths ?? 0);
    case 'gap': return format.gap(row.gapMs);
    default: return '';
  }
}

/**
 * @param table   a <table>
 * @param options columns (subset of ALL_COLUMNS), maxRows, meId (highlighted), heading (show <thead>)
 */
export function createLeaderboard(table, { columns = ALL_COLUMNS, maxRows = Infinity, meId = null, heading = true } = {}) {
  table.classList.add('board');
  const body = el('tbody');
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: c + (NUMERIC.has(c) ? ' num' : ''), title: c === 'deaths' ? 'Deaths' : null }, HEADINGS[c]))));
  replace(table, heading ? head : null, body);
  const rowsById = new Map();
  const createdAt = performance.now();

  function rowElement(row) {
    let tr = rowsById.get(row.id);
    if (!tr) {
      tr = el('tr', { dataset: { participant: row.id } }, columns.map((c) =>
        el('td', { class: c + (NUMERIC.has(c) ? ' num' : '') },
          c === 'name' ? [el('span', { class: 'swatch' }), el('span', { class: 'player-name' })] : null)));
      rowsById.set(row.id, tr);
    }
    return tr;
  }

  /** Shows rows [{id, rank, name, colorIndex, status, layer, igtMs, deaths, gapMs}] in this order. */
  function update(rows, totalLayers) {
    const visible = rows.slice(0, maxRows);
    const before = new Map([...rowsById].map(([id, tr]) => [id, tr.isConnected ? tr.getBoundingClientRect().top : null]));
    const wanted = new Set(visible.map((r) => r.id));
    for (const [id, tr] of rowsById) if (!wanted.has(id)) { tr.remove(); rowsById.delete(id); }
    visible.forEach((row, i) => {
      const tr = rowElement(row);
      tr.classList.toggle('me', row.id === meId);
      tr.classList.toggle('out', ['abandoned', 'disqualified'].includes(row.status));
      tr.dataset.status = row.status;
      columns.forEach((c, j) => {
        const td = tr.children[j];
        if (c === 'name') {
          td.firstChild.style.background = playerColor(row.colorIndex);
          const text = cellText(c, row, totalLayers);
          if (td.lastChild.textContent !== text) td.lastChild.textContent = text;
          td.title = text;
        } else {
          const text = cellText(c, row, totalLayers);
          if (td.textContent !== text) td.textContent = text;
        }
      });
      if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] || null);
    });
    // Slide moved rows from where they were (FLIP); not while the page is still loading its first states.
    if (performance.now() - createdAt < 1500) return;
    for (const [id, top] of before) {
      const tr = rowsById.get(id);
      if (!tr || top === null) continue;
      const delta = top - tr.getBoundingClientRect().top;
      if (Math.abs(delta) < 1) continue;
      tr.style.transition = 'none';
      tr.style.transform = `translateY(${delta}px)`;
      requestAnimationFrame(() => { tr.style.transition = ''; tr.style.transform = ''; });
    }
  }

  return { update };
}

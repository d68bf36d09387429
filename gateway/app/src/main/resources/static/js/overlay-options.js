// Options of the OBS overlays, from the URL: width and height of the area (px, default the whole
// window), scale (font size factor), panel (opacity of the row backgrounds, 0 for none).
import { numberParam } from './params.js';

export function applyOverlayOptions(root, defaults = {}) {
  const width = numberParam('width', defaults.width ?? null, 50, 7680);
  const height = numberParam('height', defaults.height ?? null, 50, 4320);
  const scale = numberParam('scale', 1, 0.3, 5);
  const panel = numberParam('panel', 0.72, 0, 1);
  root.style.width = width ? `${width}px` : '100vw';
  root.style.height = height ? `${height}px` : '100vh';
  document.documentElement.style.setProperty('--scale', String(scale));
  document.documentElement.style.setProperty('--panel-alpha', String(panel));
  return { width, height, scale, panel };
}

// One colour per player, the same on every page and overlay: indexed by the participant's color_index
// (their registration number in the race, which never changes).

export const PALETTE = [
  '#4cc9f0', '#f72585', '#ffd60a', '#80ed99', '#ff8c42', '#b388ff',
  '#ff5d5d', '#2ec4b6', '#f5f5f5', '#a3b18a', '#ff99c8', '#7b8cff',
];

export function playerColor(colorIndex) {
  const i = Number.isInteger(colorIndex) ? colorIndex : 0;
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

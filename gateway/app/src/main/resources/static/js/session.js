// Who is logged in, the page header (navigation, login, logout, avatar) and the user's API token for
// the spectator socket.
import { el, replace } from './dom.js';
import { ApiError, get, post } from './api.js';

const TOKEN_KEY = 'speedfog.apiToken';
let mePromise = null;

/** The logged-in user, or null. */
export function currentUser() {
  if (!mePromise) {
    mePromise = get('/api/auth/me').catch((e) => {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    });
  }
  return mePromise;
}

export const isOrganizer = (user) => !!user && (user.role === 'ORGANIZER' || user.role === 'ADMIN');
export const isAdmin = (user) => !!user && user.role === 'ADMIN';

/** Twitch login exists when /api/auth/twitch redirects; without it the server offers the dev login. */
async function twitchConfigured() {
  try {
    const response = await fetch('/api/auth/twitch', { redirect: 'manual', credentials: 'same-origin' });
    return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  } catch (e) {
    return false;
  }
}

function storeToken(user, token) {
  localStorage.setItem(TOKEN_KEY, JSON.stringify({ userId: user.id, token }));
}

/**
 * The user's API token, to be recognized on the spectator socket. Issuing a new one revokes the old,
 * so it is kept in this browser and reissued only when missing or refused.
 */
export async function apiToken(user, { fresh = false } = {}) {
  if (!user) return null;
  if (!fresh) {
    try {
      const stored = JSON.parse(localStorage.getItem(TOKEN_KEY) || 'null');
      if (stored && stored.userId === user.id && stored.token) return stored.token;
    } catch (e) { /* a broken entry is replaced below */ }
  }
  const answer = await post('/api/auth/token');
  storeToken(user, answer.token);
  return answer.token;
}

function avatar(user) {
  if (user.avatar_url && /^https?:\/\//.test(user.avatar_url)) {
    return el('img', { class: 'avatar', src: user.avatar_url, alt: '', referrerpolicy: 'no-referrer' });
  }
  return el('span', { class: 'avatar letter', 'aria-hidden': 'true' }, (user.display_name || user.login || '?').slice(0, 1).toUpperCase());
}

function userBox(user) {
  const logout = el('button', { type: 'button', id: 'logout' }, 'Log out');
  logout.addEventListener('click', async () => {
    logout.disabled = true;
    try { await post('/api/auth/logout'); } catch (e) { /* logged out either way */ }
    localStorage.removeItem(TOKEN_KEY);
    location.reload();
  });
  return [avatar(user),
    el('span', { id: 'user-name' }, user.display_name || user.login),
    el('span', { class: 'role-tag' }, String(user.role || '').toLowerCase()),
    logout];
}

function devLoginForm(message) {
  const name = el('input', { type: 'text', id: 'dev-username', placeholder: 'name', required: true, autocomplete: 'username', style: { minWidth: '8rem', width: '8rem' } });
  const role = el('select', { id: 'dev-role', style: { minWidth: '7rem' } },
    el('option', { value: 'organizer' }, 'organizer'), el('option', { value: 'user' }, 'player'), el('option', { value: 'admin' }, 'admin'));
  const form = el('form', { id: 'dev-login', class: 'row', title: 'Twitch is not configured on this server: development login (this machine only)' },
    name, role, el('button', { type: 'submit', class: 'primary' }, 'Dev login'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await post('/api/auth/dev-login', { username: name.value.trim(), role: role.value });
      storeToken(answer.user, answer.token);
      location.reload();
    } catch (e) {
      message.textContent = e.message;
    }
  });
  return form;
}

/** Fills the page's <header id="topbar"> and answers the logged-in user (or null). */
export async function mountHeader() {
  const header = document.getElementById('topbar');
  header.className = 'topbar';
  const userArea = el('div', { class: 'user' });
  const adminLink = el('a', { href: '/admin.html', class: 'hidden', id: 'nav-admin' }, 'Admin');
  replace(header,
    el('a', { class: 'logo', href: '/' }, 'SPEEDFOG ', el('span', {}, 'RACING')),
    el('nav', {}, el('a', { href: '/' }, 'Races'), el('a', { href: '/history.html' }, 'History'), adminLink),
    userArea);
  let user = null;
  try {
    user = await currentUser();
  } catch (e) {
    replace(userArea, el('span', { class: 'muted' }, e.message));
    return null;
  }
  if (user) {
    replace(userArea, ...userBox(user));
    if (isAdmin(user)) adminLink.classList.remove('hidden');
  } else if (await twitchConfigured()) {
    replace(userArea, el('a', { class: 'button primary', href: '/api/auth/twitch', id: 'twitch-login' }, 'Log in with Twitch'));
  } else {
    const message = el('span', { class: 'small', style: { color: 'var(--danger)' } });
    replace(userArea, message, devLoginForm(message));
  }
  return user;
}

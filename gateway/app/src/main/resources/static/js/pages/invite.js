// An invitation for someone who had never logged in: log in as that Twitch name, accept, race.
import { $, notify } from '../dom.js';
import { get, post } from '../api.js';
import { inviteToken } from '../params.js';
import { mountHeader } from '../session.js';

const token = inviteToken();
const notice = $('#notice');
const user = await mountHeader();
const text = $('#invite-text');

function raceLink(raceId) {
  $('#race-link').href = `/race.html?id=${encodeURIComponent(raceId)}`;
  $('#race-link').classList.remove('hidden');
}

try {
  if (!token) throw new Error('This invitation link is incomplete.');
  const invite = await get(`/api/invite/${encodeURIComponent(token)}`);
  const race = await get(`/api/races/${encodeURIComponent(invite.race_id)}`).then((d) => d.race).catch(() => null);
  const raceName = race ? `“${race.name}”` : 'a race';
  raceLink(invite.race_id);
  if (invite.accepted) {
    text.textContent = `This invitation to ${raceName} was already accepted.`;
  } else if (!user) {
    text.textContent = `${invite.twitch_login} is invited to ${raceName}. Log in as ${invite.twitch_login} (top right) to accept.`;
  } else if (user.login !== invite.twitch_login) {
    text.textContent = `This invitation to ${raceName} is for ${invite.twitch_login}; you are logged in as ${user.login}.`;
  } else {
    text.textContent = `You are invited to ${raceName}.`;
    const accept = $('#accept');
    accept.classList.remove('hidden');
    accept.addEventListener('click', async () => {
      accept.disabled = true;
      try {
        await post(`/api/invite/${encodeURIComponent(token)}/accept`);
        notify(notice, 'ok', `You are on the roster of ${raceName}.`);
        accept.classList.add('hidden');
      } catch (e) {
        notify(notice, 'error', e.message);
        accept.disabled = false;
      }
    });
  }
} catch (e) {
  text.textContent = '';
  notify(notice, 'error', e.message);
}

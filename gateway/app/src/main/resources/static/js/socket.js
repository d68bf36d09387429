// The one WebSocket client of the pages: the spectator socket /ws/race/{id}. It reconnects by itself
// with a growing, jittered delay; the server sends race_state on every (re)connection, so a page that
// treats race_state as "replace everything" is resynchronised without asking. The connection state is
// shown on an optional indicator element (and given to onState).

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;
const SILENCE_LIMIT_MS = 75000; // the server pings every 30 s: this much silence means a dead link

const LABELS = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', gone: 'race not found', closed: 'closed' };

/**
 * @param raceId    the race to watch
 * @param options   onMessage(message), onState(state) with state connecting|live|reconnecting|gone|closed,
 *                  indicator (element), token() (async, answers an API token or null: sent as auth after each connect)
 * @return {{close(): void, send(obj): boolean, state(): string}}
 */
export function watchRace(raceId, { onMessage, onState, indicator, token } = {}) {
  let socket = null;
  let state = 'connecting';
  let attempt = 0;
  let retryTimer = null;
  let silenceTimer = null;
  let stopped = false;

  function setState(next) {
    state = next;
    if (indicator) {
      indicator.classList.remove(...Object.keys(LABELS));
      indicator.classList.add(next);
      indicator.textContent = LABELS[next] || next;
      indicator.dataset.state = next;
    }
    if (onState) onState(next);
  }

  function url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/ws/race/${encodeURIComponent(raceId)}`;
  }

  function heardFromServer() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => { if (socket) socket.close(); }, SILENCE_LIMIT_MS);
  }

  function scheduleReconnect() {
    if (stopped) return;
    setState('reconnecting');
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, delay);
  }

  function connect() {
    if (stopped) return;
    let ws;
    try {
      ws = new WebSocket(url());
    } catch (e) {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.addEventListener('open', async () => {
      heardFromServer();
      if (token) {
        try {
          const t = await token();
          if (t && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'auth', token: t }));
        } catch (e) { /* watch as an anonymous spectator */ }
      }
    });
    ws.addEventListener('message', (event) => {
      heardFromServer();
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === 'race_state') {
        attempt = 0; // a full state means we are in sync again
        setState('live');
      }
      if (message.type === 'ping') return;
      if (onMessage) onMessage(message);
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      clearTimeout(silenceTimer);
      if (event.code === 4004) {
        stopped = true;
        setState('gone');
        return;
      }
      scheduleReconnect();
    });
  }

  // Back online: try now instead of waiting out the backoff.
  const onOnline = () => {
    if (!stopped && !socket) { clearTimeout(retryTimer); connect(); }
  };
  window.addEventListener('online', onOnline);

  setState('connecting');
  connect();

  return {
    state: () => state,
    send(obj) {
      if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(obj)); return true; }
      return false;
    },
    /** Drops the current connection; the client reconnects (and resyncs) by itself. */
    reconnect() { if (socket) socket.close(); },
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      window.removeEventListener('online', onOnline);
      if (socket) { const s = socket; socket = null; s.close(); }
      setState('closed');
    },
  };
}

// The gateway's HTTP API from the browser: the session cookie, plus the CSRF header Spring expects
// on state-changing calls. Errors become ApiError carrying the problem detail's sentence.

export class ApiError extends Error {
  constructor(status, detail, code) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

function explain(status, problem) {
  if (problem && typeof problem.detail === 'string' && problem.detail) return problem.detail;
  if (status === 401) return 'Please log in first.';
  if (status === 403) return 'You may not do this.';
  if (status === 404) return 'Not found.';
  return 'The server answered ' + status + '.';
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.', 'network');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!response.ok) throw new ApiError(response.status, explain(response.status, json), json && json.code);
  return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

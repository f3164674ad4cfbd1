// REST calls with the session's token. The token lives in sessionStorage only (never in a URL), so it
// is per tab and gone when the tab closes.
const TOKEN_KEY = "parley.token";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let onUnauthorized = () => {};

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Called when a request with a token is refused with 401: the session is over. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * `checksPassword`: the call carries a password, whose 401 means a wrong password, not an ended
 * session (an ended session still signs the page out through its socket).
 */
export async function api(method, path, body, { checksPassword = false } = {}) {
  const headers = { Accept: "application/json" };
  const current = token.get();
  if (current) headers.Authorization = `Bearer ${current}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "unavailable", "Parley cannot be reached. Check your connection.");
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (response.ok) return data;
  const error = data && data.error ? data.error : { code: "internal", message: response.statusText };
  if (response.status === 401 && current && !checksPassword) onUnauthorized(error);
  throw new ApiError(response.status, error.code, error.message);
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

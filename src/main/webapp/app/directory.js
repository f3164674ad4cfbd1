// The people directory (GET /api/users?query=): name completion for mentions, invitations and new
// direct messages, beyond the people this page has happened to see. Each query is asked once for the
// page's life (names rarely change; a page reloaded asks again), and typing is debounced.
import { api } from "./api.js";
import { learnBot, learnName, sameUser } from "./store.js";

const WAIT_MS = 150;
const found = new Map(); // query (lower case) -> Promise of [{username, displayName, bot}]

/** The accounts whose username or display name starts with `query`; [] when the server cannot say now. */
export function lookUp(query) {
  const key = query.trim().toLowerCase();
  if (!key || key.length > 64) return Promise.resolve([]);
  if (!found.has(key)) {
    const asked = api("GET", `api/users?query=${encodeURIComponent(key)}&limit=20`).then(({ users }) => {
      users.forEach((u) => {
        learnName(u.username, u.displayName);
        learnBot(u.username, u.bot);
      });
      return users;
    }, () => {
      found.delete(key); // a refusal (the read budget) or no network: ask again later
      return [];
    });
    found.set(key, asked);
  }
  return found.get(key);
}

/** The directory's account called exactly `username` (case-insensitive), or null. */
export async function named(username) {
  return (await lookUp(username)).find((u) => sameUser(u.username, username)) || null;
}

/** `fn` called once typing has paused for WAIT_MS. */
export function debounced(fn) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), WAIT_MS);
  };
}

// What both examples share: logging in over REST and connecting a socket with the token.
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { io } from "socket.io-client";

/** Options from the command line, with PARLEY_URL / PARLEY_USER / PARLEY_PASSWORD as defaults. */
export function options(extra = {}) {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: process.env.PARLEY_URL ?? "http://localhost:8080" },
      user: { type: "string", default: process.env.PARLEY_USER },
      password: { type: "string", default: process.env.PARLEY_PASSWORD },
      guest: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
      ...extra,
    },
  });
  values.url = values.url.replace(/\/+$/, "");
  return values;
}

/** POST /api/auth/login, or /api/auth/guest without a password: `{token, session, user, ...}`. */
export async function login(url, user, password) {
  const guest = password === undefined || password === "";
  const response = await fetch(`${url}/api/auth/${guest ? "guest" : "login"}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(guest ? { username: user } : { username: user, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { code, message } = body.error ?? { code: response.status, message: response.statusText };
    throw new Error(`${guest ? "guest login" : "login"} failed: ${code}: ${message}`);
  }
  return body;
}

/** A Socket.IO connection authenticated with the token (the server answers with `ready`). */
export function connect(url, token) {
  // No reconnection: the examples are short-lived, and a refused token would only be refused again.
  return io(url, { auth: { token }, reconnection: false });
}

/** A REST call with the token; the parsed body, or an Error with the contract's error code. */
export async function rest(url, token, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${parsed?.error?.code ?? response.status}: ${parsed?.error?.message ?? ""}`);
  return parsed;
}

/**
 * POST /api/files?name=: streams the file at `path` to the server (never read whole into memory) and
 * returns the stored `file` ({id, name, size, contentType, url, ...}); an Error with the contract's code
 * (`too_large` past the size limit or the quota) otherwise.
 */
export async function upload(url, token, path) {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const response = await fetch(`${url}/api/files?name=${encodeURIComponent(basename(path))}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/octet-stream", "Content-Length": String(size) },
      body: handle.readableWebStream({ type: "bytes" }),
      duplex: "half", // Node's fetch streams a request body only with this
    });
    const parsed = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${parsed?.error?.code ?? response.status}: ${parsed?.error?.message ?? ""}`);
    return parsed.file ?? parsed;
  } finally {
    await handle.close();
  }
}

/** A file as a line: `report.pdf (12 KB)`. */
export function formatFile(f) {
  const size = f.size < 1024 ? `${f.size} B` : f.size < 1024 * 1024 ? `${Math.round(f.size / 1024)} KB` : `${(f.size / 1048576).toFixed(1)} MB`;
  return `${f.name} (${size})`;
}

/** `[room] alice: hello`, or `[dm] alice -> bob: hi` for a direct message; files follow as `[file: name (size)]`. */
export function formatMessage(m) {
  const files = (m.files ?? []).map((f) => ` [file: ${formatFile(f)}]`).join("");
  return (m.room ? `[${m.room}] ${m.from}: ${m.text}` : `[dm] ${m.from} -> ${m.to}: ${m.text}`) + files;
}

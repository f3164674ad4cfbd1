// The Socket.IO connection. socket.io-client reconnects by itself (with backoff); every (re)connect is
// answered by the server's `ready`, after which main.js catches up with `sync`.
import { io } from "../vendor/socket.io-client-4.8.4/socket.io.esm.min.js";

const ACK_TIMEOUT_MS = 15000;
let socket = null;

/**
 * Connects with the token in the handshake's auth payload (never in the URL). `on` maps server events
 * to handlers, plus `status(connected)` and `refused()` for a token the server will not take.
 */
export function connect(token, on) {
  disconnect();
  socket = io({ auth: { token }, reconnectionDelayMax: 8000 });
  for (const event of ["ready", "message", "private_message", "notification", "presence", "room_created", "typing", "session_terminated", "error",
    "message_updated", "message_deleted", "room_invited", "room_removed", "room_updated", "user_updated"]) {
    socket.on(event, (payload) => on[event] && on[event](payload));
  }
  socket.on("connect", () => on.status(true));
  socket.on("disconnect", (reason) => {
    on.status(false);
    // The client does not retry after the server closed the socket; a closed socket whose session
    // lives on (a restarted server, say) should come back, and a dead token ends in `refused`.
    if (reason === "io server disconnect" && socket) setTimeout(() => socket && socket.connect(), 1000);
  });
  socket.on("connect_error", (error) => {
    if (error && error.message === "unauthorized") on.refused();
    else on.status(false);
  });
}

/** A refreshed token: the next (re)connect sends it; the connected socket lives on as it is. */
export function useToken(token) {
  if (socket) socket.auth = { token };
}

export function disconnect() {
  if (!socket) return;
  const closing = socket;
  socket = null;
  closing.removeAllListeners();
  closing.disconnect();
}

/** Emits with an ack; resolves to the ack, or to an `unavailable` error when none comes in time. */
export function request(event, payload) {
  return new Promise((resolve) => {
    if (!socket) {
      resolve({ ok: false, error: { code: "unavailable", message: "Not connected" } });
      return;
    }
    socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (timedOut, ack) => {
      resolve(timedOut ? { ok: false, error: { code: "unavailable", message: "No answer from the server" } } : ack);
    });
  });
}

/** Emits without waiting; only while connected (typing, focus), since a late one means nothing. */
export function tell(event, payload) {
  if (socket && socket.connected) socket.emit(event, payload);
}

export const isConnected = () => !!socket && socket.connected;

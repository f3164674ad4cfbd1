// The smallest Parley client: log in (or as a guest), connect, say hello on the feed, print what arrives.
//   node feed.mjs --user alice --password 'correct horse' [--text 'hi all'] [--url http://localhost:8080]
//   node feed.mjs --user visitor42            (no password: guest login, where the server allows it)
import { connect, formatMessage, login, options } from "./parley.mjs";

const args = options({ text: { type: "string", default: "hello from feed.mjs" } });
if (args.help || !args.user) {
  console.log("usage: node feed.mjs --user NAME [--password PASSWORD] [--text TEXT] [--url URL]\n" +
      "Without a password it logs in as a guest. PARLEY_URL, PARLEY_USER and PARLEY_PASSWORD work too.");
  process.exit(args.help ? 0 : 2);
}

let session;
try {
  session = await login(args.url, args.user, args.password);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const socket = connect(args.url, session.token);

socket.on("connect_error", (err) => {
  console.error(`connect_error: ${err.message}`);
  process.exit(1);
});

socket.on("ready", ({ user, rooms, onlineCount }) => {
  console.log(`ready: signed in as ${user.username} (rooms: ${rooms.map((r) => r.name).join(", ")}; ` +
      `online: ${onlineCount})`);
  // The ack comes once the message is stored: it carries the stored message, or {ok: false, error}.
  socket.emit("message", { text: args.text }, (ack) => {
    if (ack.ok) console.log(`sent #${ack.message.id}: ${ack.message.text}`);
    else console.log(`not sent: ${ack.error.code}: ${ack.error.message}`);
  });
});

socket.on("message", (m) => console.log(formatMessage(m)));
socket.on("session_terminated", ({ reason }) => console.log(`session terminated: ${reason}`));
socket.on("disconnect", (reason) => {
  console.log(`disconnected: ${reason}`);
  process.exit(0);
});
process.on("SIGINT", () => socket.disconnect());

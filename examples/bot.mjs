// A bot: connects with a token (a bot's, or a personal access token), joins a room and answers
// `!ping` there with `pong`. No password and no login: the token is all it needs.
//   node bot.mjs --token "$PARLEY_TOKEN" [--room general] [--url http://localhost:8080]
import { connect, options } from "./parley.mjs";

const args = options({
  token: { type: "string", default: process.env.PARLEY_TOKEN },
  room: { type: "string", default: "feed" },
});
if (args.help || !args.token) {
  console.log("usage: node bot.mjs --token TOKEN [--room ROOM] [--url URL]\n" +
      "Answers !ping with pong in ROOM (default feed). PARLEY_TOKEN and PARLEY_URL work too.\n" +
      "Make a bot and its token on the page (Tokens and bots), or over REST: POST /api/bots, then\n" +
      "POST /api/bots/NAME/tokens.");
  process.exit(args.help ? 0 : 2);
}

const socket = connect(args.url, args.token);
let me;

socket.on("connect_error", (err) => {
  console.error(`connect_error: ${err.message}`);
  process.exit(1);
});

socket.on("ready", ({ user }) => {
  me = user.username;
  // Joining is idempotent; the socket then gets the room's messages. A token cannot make rooms it may not.
  socket.emit("join", { room: args.room }, (ack) => {
    if (!ack.ok) {
      console.error(`cannot join ${args.room}: ${ack.error.code}: ${ack.error.message}`);
      process.exit(1);
    }
    console.log(`ready: ${me}${user.bot ? " (a bot)" : ""} answers !ping in ${args.room}`);
  });
});

socket.on("message", (m) => {
  if (m.room !== args.room || m.from === me || m.text.trim() !== "!ping") return;
  socket.emit("message", { room: args.room, text: "pong", replyTo: m.id }, (ack) => {
    if (ack.ok) console.log(`pong to ${m.from} (#${ack.message.id})`);
    else console.log(`could not answer: ${ack.error.code}: ${ack.error.message}`);
  });
});

socket.on("session_terminated", ({ reason }) => console.log(`session terminated: ${reason}`));
socket.on("disconnect", (reason) => {
  console.log(`disconnected: ${reason}`);
  process.exit(0);
});
process.on("SIGINT", () => socket.disconnect());

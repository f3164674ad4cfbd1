// A console chat client for Parley: log in, read the feed (recent history, then live), type to talk.
//   node console-chat.mjs --user alice --password 'correct horse' [--url http://localhost:8080]
//   node console-chat.mjs                      (asks for a username and password; empty password: guest)
// Commands: /join ROOM, /leave, /dm USER TEXT, /upload PATH [TEXT], /sessions, /logout-all, /help, /quit
import readline from "node:readline";
import { Writable } from "node:stream";
import { connect, formatMessage, login, options, rest, upload } from "./parley.mjs";

const HELP = `Type a line to send it to the current room. Commands:
  /join ROOM       join a room (made if it does not exist) and talk there
  /leave           leave the current room and go back to feed
  /dm USER TEXT    send a direct message
  /upload PATH [TEXT]  upload a file and send it to the current room, with TEXT if given
  /sessions        list your sessions (every login is one)
  /logout-all      end every session of yours, this one too
  /help            this text
  /quit            leave the chat`;

const args = options();
if (args.help) {
  console.log("usage: node console-chat.mjs [--user NAME] [--password PASSWORD] [--url URL]\n\n" + HELP);
  process.exit(0);
}

// Output goes through a stream that can be muted, so that a typed password is not shown.
let muted = false;
const output = new Writable({
  write(chunk, encoding, done) {
    if (!muted) process.stdout.write(chunk, encoding);
    done();
  },
});
output.columns = process.stdout.columns;
const rl = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
const ask = (question) => new Promise((resolve) => rl.question(question, resolve));

async function askSecret(question) {
  const answer = ask(question);
  muted = true;
  try {
    return await answer;
  } finally {
    muted = false;
    if (process.stdin.isTTY) process.stdout.write("\n");
  }
}

// A prompt only on a terminal: piped output stays one line per event.
const interactive = process.stdin.isTTY && process.stdout.isTTY;
const prompt = () => interactive && rl.prompt(true);

/** Prints a line without breaking what the user is typing. */
function say(line) {
  if (interactive) {
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
  }
  console.log(line);
  if (ready) prompt();
}

let ready = false;
let room = "feed";
let socket;

// Lines typed before `ready` (other than answers to the login questions) wait for it; each runs
// after the one before, so that they happen in the order typed.
let live;
let lines = new Promise((resolve) => (live = resolve));
rl.on("line", (line) => {
  lines = lines.then(() => run(line.trim())).catch((e) => say(`! ${e.message}`)).finally(prompt);
});
// Ctrl+D or the end of piped input: quit once the lines before it have run (at once during the questions).
let asking = !args.user;
rl.on("close", () => (asking ? quit(0) : lines.finally(() => quit(0))));
const user = args.user ?? (await ask("username: "));
const password = args.user ? args.password : await askSecret("password (empty for guest): ");
asking = false;
if (!user) {
  console.error("no username; see --help");
  process.exit(2);
}

let session;
try {
  session = await login(args.url, user, password);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
const { token } = session;
socket = connect(args.url, token);

/** Emits with an ack; resolves with the ack's fields, or rejects with `code: message`. */
function request(event, payload) {
  return new Promise((resolve, reject) => {
    const callback = (ack) => (ack.ok ? resolve(ack) : reject(new Error(`${ack.error.code}: ${ack.error.message}`)));
    if (payload === undefined) socket.timeout(10_000).emit(event, (err, ack) => (err ? reject(err) : callback(ack)));
    else socket.timeout(10_000).emit(event, payload, (err, ack) => (err ? reject(err) : callback(ack)));
  });
}

async function showHistory(name) {
  const { messages } = await request("history", { room: name, limit: 20 });
  messages.reverse().forEach((m) => say(formatMessage(m))); // newest first on the wire
}

socket.on("connect_error", (err) => {
  console.error(`connect_error: ${err.message}`);
  process.exit(1);
});

socket.once("ready", async ({ user: me, rooms, online, onlineCount }) => {
  // `online` lists the first 200 by username; onlineCount counts everyone.
  const more = onlineCount > online.length ? ` and ${onlineCount - online.length} more` : "";
  say(`ready: signed in as ${me.username} (rooms: ${rooms.map((r) => r.name).join(", ")}; ` +
      `online: ${online.map((u) => u.username).join(", ")}${more})`);
  try {
    await showHistory("feed");
  } catch (e) {
    say(`history: ${e.message}`);
  }
  say("-- live; /help for commands --");
  ready = true;
  rl.setPrompt(`${room}> `);
  prompt();
  live();
});

socket.on("message", (m) => say(formatMessage(m)));
socket.on("private_message", (m) => say(formatMessage(m)));
socket.on("room_created", (r) => say(`* room ${r.name} created by ${r.createdBy}`));
socket.on("presence", ({ users }) => users.forEach((p) => say(`* ${p.username} is ${p.online ? "online" : "offline"}`)));
socket.on("error", (e) => say(`! ${e.code}: ${e.message}`));
socket.on("session_terminated", ({ reason }) => {
  // After pending acks' output (logout_all's "ended n sessions" comes in the same read as this event).
  setImmediate(() => {
    ready = false;
    say(`session terminated: ${reason}`);
    quit(0);
  });
});
socket.on("disconnect", (reason) => {
  setImmediate(() => {
    ready = false;
    say(`disconnected: ${reason}`);
    quit(0);
  });
});
async function run(line) {
  if (!line) return;
  if (!line.startsWith("/")) {
    const { message } = await request("message", { text: line, room });
    say(formatMessage(message)); // the server sends it to everyone but this socket
    return;
  }
  const [command, ...rest] = line.split(/\s+/);
  switch (command) {
    case "/join": return join(rest[0]);
    case "/leave": return leave();
    case "/dm": return dm(rest[0], line.replace(/^\/dm\s+\S+\s*/, ""));
    case "/upload": return uploadAndSend(line.replace(/^\/upload\s*/, ""));
    case "/sessions": return sessions();
    case "/logout-all": return logoutAll();
    case "/help": return say(HELP);
    case "/quit": return quit(0);
    default: say(`! unknown command ${command}; /help lists them`);
  }
}

async function join(name) {
  if (!name) return say("! /join ROOM");
  let joined;
  try {
    joined = (await request("join", { room: name })).room;
  } catch (e) {
    if (!e.message.startsWith("not_found")) throw e;
    joined = (await request("create_room", { name })).room;
  }
  room = joined.name;
  rl.setPrompt(`${room}> `);
  say(`joined ${room} (${joined.members} member${joined.members === 1 ? "" : "s"})`);
  await showHistory(room);
}

async function leave() {
  if (room === "feed") return say("! everyone is in feed; it cannot be left");
  await request("leave", { room });
  say(`left ${room}`);
  room = "feed";
  rl.setPrompt(`${room}> `);
}

async function dm(to, text) {
  if (!to || !text) return say("! /dm USER TEXT");
  const { message } = await request("private_message", { to, text });
  say(formatMessage(message));
}

/** `/upload PATH [TEXT]`: a path with spaces can be quoted ("my file.pdf"). */
async function uploadAndSend(rest) {
  const quoted = /^"([^"]+)"\s*(.*)$/.exec(rest) ?? /^(\S+)\s*(.*)$/.exec(rest);
  if (!quoted) return say("! /upload PATH [TEXT]");
  const [, path, text] = quoted;
  const file = await upload(args.url, token, path);
  const { message } = await request("message", { room, text, files: [file.id] });
  say(formatMessage(message));
}

async function sessions() {
  const list = await rest(args.url, token, "GET", "/api/sessions");
  say(`${list.length} session${list.length === 1 ? "" : "s"}:`);
  for (const s of list) {
    say(`  ${s.id}  since ${s.createdAt}  ${s.ip ?? "?"}  ${s.userAgent ?? "?"}  ` +
        `${s.connections} socket${s.connections === 1 ? "" : "s"}${s.current ? "  (this one)" : ""}`);
  }
}

async function logoutAll() {
  const { terminated } = await request("logout_all");
  say(`ended ${terminated} session${terminated === 1 ? "" : "s"}`);
  // session_terminated follows, and ends this client.
}

function quit(code) {
  socket?.off("disconnect");
  socket?.disconnect();
  rl.close();
  process.exit(code);
}

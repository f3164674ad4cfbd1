// The reference peer for bench/run.sh: Node's socket.io 4.8 serving the same path as Parley's
// benchmark workloads. Guest login over HTTP issues an HMAC-signed token; the token is checked on
// connect (io.use); a socket joins `feed` and the rooms its user is a member of, is told `ready`,
// and a `message` is broadcast to the room except the sender, then acked {ok, message}.
// Nothing is stored: the peer is the floor for the Socket.IO path itself.
// Usage: node server.js <port>
'use strict';
const http = require('http');
const crypto = require('crypto');
const { Server } = require('socket.io');

const port = Number(process.argv[2] || 9190);
const key = crypto.randomBytes(32);
const users = new Map(); // username -> {id, username, rooms: Set}
const rooms = new Map(); // name -> {name, createdBy, createdAt, members: Set of usernames}
rooms.set('feed', { name: 'feed', createdBy: null, createdAt: new Date().toISOString(), members: new Set() });
let nextUserId = 1;
let nextMessageId = 1;

const sign = (payload) => crypto.createHmac('sha256', key).update(payload).digest('base64url');
function issue(username) {
  const payload = Buffer.from(JSON.stringify({ sub: username, exp: Date.now() + 12 * 3600e3 })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}
function verify(token) {
  if (typeof token !== 'string') return null;
  const [payload, mac] = token.split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return claims.exp > Date.now() ? users.get(claims.sub) : null;
}
const userView = (u) => ({ id: u.id, username: u.username, displayName: u.username, guest: true });
const roomView = (r, u) => ({ name: r.name, topic: null, createdBy: r.createdBy, createdAt: r.createdAt,
  members: r.members.size, member: r.members.has(u.username), unread: 0 });
const error = (code, message) => ({ error: { code, message } });

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
function join(user, room) {
  room.members.add(user.username);
  user.rooms.add(room.name);
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const url = req.url.split('?')[0];
    if (req.method === 'GET' && url.startsWith('/health')) return send(res, 200, { status: 'UP' });
    if (req.method === 'POST' && url === '/api/auth/guest') {
      let name;
      try { name = JSON.parse(body).username; } catch { name = null; }
      if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{3,32}$/.test(name)) return send(res, 400, error('invalid_payload', 'username'));
      let user = users.get(name);
      if (!user) {
        user = { id: nextUserId++, username: name, rooms: new Set() };
        users.set(name, user);
        join(user, rooms.get('feed'));
      }
      return send(res, 200, { token: issue(name), tokenType: 'Bearer', user: userView(user) });
    }
    const user = verify((req.headers.authorization || '').replace(/^Bearer /, ''));
    if (!user) return send(res, 401, error('unauthorized', 'unauthorized'));
    const member = url.match(/^\/api\/rooms\/([a-z0-9_-]{1,64})\/members\/me$/);
    if (req.method === 'PUT' && member) {
      const room = rooms.get(member[1]);
      if (!room) return send(res, 404, error('not_found', 'no such room'));
      join(user, room);
      return send(res, 200, { room: roomView(room, user) });
    }
    if (req.method === 'POST' && url === '/api/rooms') {
      let name;
      try { name = String(JSON.parse(body).name).toLowerCase(); } catch { name = ''; }
      if (!/^[a-z0-9_-]{1,64}$/.test(name)) return send(res, 400, error('invalid_payload', 'name'));
      if (rooms.has(name)) return send(res, 409, error('conflict', 'room exists'));
      const room = { name, createdBy: user.username, createdAt: new Date().toISOString(), members: new Set() };
      rooms.set(name, room);
      join(user, room);
      return send(res, 201, { room: roomView(room, user) });
    }
    return send(res, 404, error('not_found', 'not found'));
  });
});

const io = new Server(server, { serveClient: false });
io.use((socket, next) => {
  const user = verify(socket.handshake.auth && socket.handshake.auth.token);
  if (!user) return next(new Error('unauthorized'));
  socket.data.user = user;
  next();
});
io.on('connection', (socket) => {
  const user = socket.data.user;
  socket.join([...user.rooms]);
  socket.on('message', (payload, ack) => {
    const text = typeof payload === 'string' ? payload : payload && payload.text;
    const roomName = (payload && typeof payload === 'object' && payload.room) || 'feed';
    const reply = typeof ack === 'function' ? ack : () => {};
    if (typeof text !== 'string' || !text.trim()) return reply({ ok: false, error: { code: 'invalid_payload', message: 'text' } });
    if (!user.rooms.has(roomName)) return reply({ ok: false, error: { code: 'forbidden', message: 'not a member' } });
    const message = { id: nextMessageId++, room: roomName, to: null, from: user.username, fromDisplayName: user.username,
      text: text.trim(), createdAt: new Date().toISOString(), clientMsgId: (payload && payload.clientMsgId) || null };
    if (faults) faulty(socket, roomName, message);
    else socket.to(roomName).emit('message', message);
    reply({ ok: true, message });
  });
  socket.emit('ready', { user: userView(user), rooms: [...user.rooms].map((n) => roomView(rooms.get(n), user)) });
});

// bench/self-check.sh only: every 100th message goes out twice, and every 100th (offset 50) misses
// one recipient, so that the check can prove that the generator counts duplicates and losses exactly.
const faults = process.env.BENCH_PEER_FAULTS === '1';
function faulty(socket, roomName, message) {
  let to = socket.to(roomName);
  if (message.id % 100 === 50) {
    const victim = [...io.sockets.adapter.rooms.get(roomName)].find((id) => id !== socket.id);
    if (victim) to = to.except(victim);
  }
  to.emit('message', message);
  if (message.id % 100 === 0) socket.to(roomName).emit('message', message);
}

server.listen(port, '127.0.0.1', () => console.log(`peer listening on ${port}`));

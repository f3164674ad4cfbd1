// The sign-in view: sign on through the identity provider, sign in, create an account (then sign in),
// or join as a guest, as far as the server offers each (GET /api/auth/methods).
import { api, ApiError, token } from "./api.js";
import { $ } from "./dom.js";

const TITLES = { login: "Welcome back", register: "Create your account", guest: "Join as a guest" };
const BUTTONS = { login: "Sign in", register: "Create account", guest: "Join as guest" };
const SIGN_ON_ERRORS = {
  state: "That sign-in link was used already, is too old, or was started in another browser. Sign in again.",
  provider: "The identity provider did not sign you in.",
  token: "The identity provider's answer could not be checked. Sign in again.",
  unavailable: "The identity provider cannot be reached. Try again in a moment.",
};
let mode = "login";
let signedIn = () => {};
// Until the server says otherwise: what a server without sign-on offers.
let methods = { password: true, guest: true, oidc: null };
let adminWanted = false; // password login is off, and someone asked for the admins' way in

export function setUpLogin(onSignedIn) {
  signedIn = onSignedIn;
  document.querySelectorAll(".tabs [role=tab]").forEach((tab) => tab.addEventListener("click", () => setMode(tab.dataset.mode)));
  $("login-form").addEventListener("submit", submit);
  $("admin-signin").addEventListener("click", () => {
    adminWanted = true;
    applyMethods();
    setMode("login");
    $("login-username").focus();
  });
  setMode("login");
  loadMethods();
}

async function loadMethods() {
  try {
    methods = await api("GET", "api/auth/methods");
  } catch {
    return; // an older server, or none reached: the form as it is
  }
  applyMethods();
}

function offered() {
  return [(methods.password || adminWanted) && "login", methods.password && "register", methods.guest && "guest"].filter(Boolean);
}

function applyMethods() {
  const modes = offered();
  document.querySelectorAll(".tabs [role=tab]").forEach((tab) => { tab.hidden = !modes.includes(tab.dataset.mode); });
  $("login-tabs").hidden = modes.length < 2;
  $("login-form").hidden = modes.length === 0;
  $("sso").hidden = !methods.oidc;
  $("sso-or").hidden = modes.length === 0;
  if (methods.oidc) {
    $("sso-name").textContent = methods.oidc.name;
    // back to this page after the provider: a path on this server, as the server requires
    $("sso-start").href = `api/auth/oidc/start?returnTo=${encodeURIComponent(location.pathname + location.search)}`;
  }
  $("admin-signin").hidden = methods.password || adminWanted;
  if (modes.length && !modes.includes(mode)) setMode(modes[0]);
}

/**
 * A sign-on coming back from the identity provider: the callback put a one-time code (or why it
 * failed) in the URL fragment. The fragment is removed from the address at once (history, bookmarks),
 * and the code traded for a session. Resolves to {user}, {error} or null when there was none.
 */
export async function finishSignOn() {
  const hash = location.hash;
  const code = hash.startsWith("#code=") ? decodeURIComponent(hash.slice("#code=".length)) : null;
  const failed = hash.startsWith("#signin-error=") ? hash.slice("#signin-error=".length) : null;
  if (code === null && failed === null) return null;
  history.replaceState(null, "", location.pathname + location.search);
  if (failed !== null) return { error: SIGN_ON_ERRORS[failed] || "Signing in did not work. Try again." };
  try {
    const login = await api("POST", "api/auth/oidc/exchange", { code });
    token.set(login.token);
    return { user: login.user };
  } catch (error) {
    return { error: error instanceof ApiError && error.status === 401 ? SIGN_ON_ERRORS.state : explain(error) };
  }
}

/** Shows the sign-in view, with a notice (why the last session ended) when there is one. */
export function showLogin(notice) {
  $("app-view").hidden = true;
  $("login-view").hidden = false;
  $("login-notice").hidden = !notice;
  $("login-notice").textContent = notice || "";
  $("login-error").textContent = "";
  $("login-password").value = "";
  document.title = "Sign in · Parley";
  if (!$("login-form").hidden) $("login-username").focus();
}

function setMode(next) {
  mode = next;
  document.querySelectorAll(".tabs [role=tab]").forEach((tab) => tab.setAttribute("aria-selected", String(tab.dataset.mode === mode)));
  document.querySelectorAll("#login-form [data-for]").forEach((node) => { node.hidden = !node.dataset.for.split(" ").includes(mode); });
  $("login-title").textContent = TITLES[mode];
  $("login-submit").textContent = BUTTONS[mode];
  $("login-password").autocomplete = mode === "register" ? "new-password" : "current-password";
  $("login-error").textContent = "";
}

function problem() {
  const username = $("login-username").value.trim();
  const password = $("login-password").value;
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) return "Usernames are 3 to 32 letters, digits, dots, dashes or underscores.";
  if (mode !== "guest" && (password.length < 8 || password.length > 128)) return "Passwords are 8 to 128 characters.";
  return null;
}

async function submit(event) {
  event.preventDefault();
  const invalid = problem();
  if (invalid) {
    $("login-error").textContent = invalid;
    return;
  }
  const username = $("login-username").value.trim();
  const password = $("login-password").value;
  $("login-submit").disabled = true;
  $("login-error").textContent = "";
  try {
    let login;
    if (mode === "guest") {
      login = await api("POST", "api/auth/guest", { username });
    } else {
      if (mode === "register") {
        const displayName = $("login-display-name").value.trim();
        await api("POST", "api/auth/register", { username, password, ...(displayName ? { displayName } : {}) });
      }
      login = await api("POST", "api/auth/login", { username, password });
    }
    token.set(login.token);
    $("login-password").value = "";
    $("login-notice").hidden = true;
    signedIn(login.user);
  } catch (error) {
    $("login-error").textContent = explain(error);
  } finally {
    $("login-submit").disabled = false;
  }
}

function explain(error) {
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  switch (error.code) {
    case "unauthorized": return "Wrong username or password.";
    case "conflict": return mode === "guest" ? "That name is taken, by a registered user or another guest. Pick another." : "That username is taken.";
    case "rate_limited": return "Too many attempts. Wait a few minutes and try again.";
    case "forbidden":
      if (mode === "guest") return "Guest access is turned off on this server.";
      return methods.oidc && !methods.password ? `Sign in with ${methods.oidc.name}: ${error.message}` : error.message;
    default: return error.message || "Something went wrong. Try again.";
  }
}

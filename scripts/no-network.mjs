// Preloaded with NODE_OPTIONS=--import=./scripts/no-network.mjs to prove a command needs no network:
// any fetch, http(s) request or socket to a host other than loopback throws.
import http from "node:http";
import https from "node:https";
import net from "node:net";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
// Lets a test prove the guard was really loaded in every process of a build (it is inherited by children).
if (process.env.DIXIAN_NO_NETWORK_LOG) process.stderr.write(`[no-network] 已启用 pid ${process.pid}\n`);
function refuse(what) {
  const error = new Error(`[no-network] 已拒绝外部网络访问: ${what}`);
  process.stderr.write(error.message + "\n");
  throw error;
}
function hostOf(options) {
  if (typeof options === "string" || options instanceof URL) return new URL(options).hostname;
  return options?.hostname ?? options?.host ?? "localhost";
}
globalThis.fetch = async (input) => refuse(`fetch ${typeof input === "string" ? input : input?.url ?? input}`);
for (const mod of [http, https]) {
  for (const name of ["request", "get"]) {
    const original = mod[name];
    mod[name] = function (options, ...rest) {
      const host = hostOf(options);
      if (!LOOPBACK.has(host)) refuse(`${name} ${host}`);
      return original.call(this, options, ...rest);
    };
  }
}
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() hands over its arguments already normalised, as one array [options, callback].
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = typeof options === "object" && options !== null ? options.host : typeof args[1] === "string" ? args[1] : undefined;
  if (host !== undefined && !LOOPBACK.has(host) && !(typeof options === "object" && options.path)) refuse(`socket ${host}`);
  return originalConnect.apply(this, args);
};

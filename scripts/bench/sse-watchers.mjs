// Worker thread of the war-room bench: holds `count` Server-Sent Events streams open with raw
// HTTP (one keep-alive socket each), parses the frames and records, per watcher, every event's
// id, arrival time (epoch ms, comparable across threads) and match key. Runs apart from the
// writers so parsing 100 streams does not delay the writers' timings, and vice versa.
//
// workerData: { url, path, token, count }. Posts {type:"ready", connected} once every stream has
// answered 200, {type:"error", message} if one cannot connect; on the message "stop" it closes the
// streams and posts {type:"done", watchers: [{ events: [id, at, key][], reconnects, drops }]}.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { url, path, token, count } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const now = () => performance.timeOrigin + performance.now();
let stopping = false;

/** What a write's response can be matched by: the timeline entry id or the incident version. */
function keyOf(event) {
  if (event.type === "timeline.entry_added") return `e:${event.payload?.entry?.id}`;
  if (event.type === "incident.updated") return `v:${event.payload?.incident?.version}`;
  return event.type;
}

function watch(watcher, onOpen) {
  const headers = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
  const last = watcher.events.at(-1);
  if (last) headers["Last-Event-ID"] = String(last[0]);
  const req = http.request(new URL(path, url), { agent, headers }, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      onOpen(new Error(`GET ${path}: ${res.statusCode}`));
      return;
    }
    onOpen(null);
    res.setEncoding("utf8");
    let buffer = "";
    res.on("data", (chunk) => {
      const at = now();
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id = null;
        const data = [];
        for (const line of frame.split("\n")) {
          if (line.startsWith("id:")) id = Number(line.slice(3).trim());
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        }
        if (id === null || data.length === 0) continue; // retry:, heartbeat comments
        let key = "?";
        try {
          key = keyOf(JSON.parse(data.join("\n")));
        } catch {}
        watcher.events.push([id, at, key]);
      }
    });
    res.on("end", () => reconnect(watcher));
    res.on("error", () => reconnect(watcher));
  });
  req.on("error", (error) => {
    if (watcher.opened) reconnect(watcher);
    else onOpen(error);
  });
  watcher.req = req;
  req.end();
}

/** A stream the server ended (or that broke) is opened again with Last-Event-ID, as EventSource does. */
function reconnect(watcher) {
  if (stopping) return;
  watcher.drops++;
  setTimeout(() => {
    if (stopping) return;
    watcher.reconnects++;
    watch(watcher, () => {});
  }, 100);
}

const watchers = Array.from({ length: count }, () => ({ events: [], reconnects: 0, drops: 0, opened: false, req: null }));
let connected = 0;
let failed = false;
for (const watcher of watchers) {
  watch(watcher, (error) => {
    if (error) {
      if (!failed) parentPort.postMessage({ type: "error", message: error.message });
      failed = true;
      return;
    }
    watcher.opened = true;
    if (++connected === count) parentPort.postMessage({ type: "ready", connected });
  });
}

parentPort.on("message", (message) => {
  if (message === "progress") {
    parentPort.postMessage({ type: "progress", lastIds: watchers.map((w) => w.events.at(-1)?.[0] ?? 0) });
    return;
  }
  if (message !== "stop") return;
  stopping = true;
  for (const watcher of watchers) watcher.req?.destroy();
  agent.destroy();
  parentPort.postMessage({
    type: "done",
    watchers: watchers.map((w) => ({ events: w.events, reconnects: w.reconnects, drops: w.drops })),
  });
});

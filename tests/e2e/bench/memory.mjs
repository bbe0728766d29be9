// Where a running app's memory is: its process family (the app and every WebKit process it
// started), each process's proportional set size (PSS) split by kind of mapping, read from
// /proc/PID/smaps. Used by startup.mjs; figures only, no assertions.
import { readFileSync, readdirSync } from "node:fs";

/** Every process id whose parent chain reaches `pid`, and `pid` itself. */
export function family(pid) {
  const parent = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(name), ppid);
    } catch { /* gone */ }
  }
  const out = [pid];
  for (const [p] of parent) {
    let q = p;
    while (q > 1 && parent.has(q)) {
      q = parent.get(q);
      if (q === pid) { out.push(p); break; }
    }
  }
  return out;
}

/** The process whose command is exactly `binary`, or null. */
export function appPid(binary) {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0")[0];
      if (cmd === binary) return Number(name);
    } catch { /* gone */ }
  }
  return null;
}

/**
 * The kind of memory a mapping holds, from its name in smaps:
 * - heap: the C heap (`[heap]`, and malloc's anonymous arenas, which have no name);
 * - stack: thread stacks;
 * - code: shared libraries and the program's own binary (code and read-only data, shared);
 * - file: other files mapped in (fonts, ICU data, caches, the SQLite file if mmapped);
 * - shm: shared memory (memfd, /dev/shm, SysV), e.g. WebKit's buffers between processes;
 * - gpu: the GPU driver's mappings (/dev/dri).
 */
function kind(name) {
  if (name === "" || name === "[heap]" || name.startsWith("[anon")) return "heap";
  if (name.startsWith("[stack")) return "stack";
  if (name.startsWith("[")) return "other";
  if (name.startsWith("/memfd:") || name.startsWith("/dev/shm") || name.startsWith("/SYSV")) return "shm";
  if (name.startsWith("/dev/dri")) return "gpu";
  if (/\.so(\.|$)/.test(name) || /\/(hamyar|hamyar-hello|WebKit\w+Process)( \(deleted\))?$/.test(name)) return "code";
  return "file";
}

/** One process's PSS in KiB: total, by kind, and the biggest mappings by name. */
export function processMemory(pid) {
  let text;
  let comm;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, "utf8");
    comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null; // gone
  }
  const byKind = {};
  const byName = new Map();
  let total = 0;
  let anon = 0;
  let name = "";
  for (const line of text.split("\n")) {
    // A mapping's header: "start-end perms offset dev inode [name]".
    const header = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/);
    if (header) {
      name = header[1];
      continue;
    }
    const pss = line.match(/^Pss:\s+(\d+) kB/);
    if (pss) {
      const kib = Number(pss[1]);
      total += kib;
      const k = kind(name);
      byKind[k] = (byKind[k] ?? 0) + kib;
      const key = name === "" ? "[anonymous]" : name;
      byName.set(key, (byName.get(key) ?? 0) + kib);
      continue;
    }
    const a = line.match(/^Anonymous:\s+(\d+) kB/);
    if (a) anon += Number(a[1]);
  }
  const top = [...byName].sort((x, y) => y[1] - x[1]).slice(0, 6);
  return { pid, comm, pss: total, anonymous: anon, byKind, top };
}

/** The whole family's memory: per process, and summed. */
export function familyMemory(pid) {
  const processes = family(pid).map(processMemory).filter((p) => p !== null);
  return { pss: processes.reduce((s, p) => s + p.pss, 0), processes };
}

const mib = (kib) => (kib / 1024).toFixed(1);

/** A few readable lines: one per process, its PSS by kind, then its biggest mappings. */
export function describe(memory) {
  const lines = [`  total PSS ${mib(memory.pss)} MiB`];
  for (const p of [...memory.processes].sort((x, y) => y.pss - x.pss)) {
    const kinds = Object.entries(p.byKind)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${k} ${mib(v)}`)
      .join(", ");
    lines.push(`  ${p.comm} (${p.pid}): PSS ${mib(p.pss)} MiB [${kinds}]`);
    const top = p.top.filter(([, v]) => v >= 1024).map(([n, v]) => `${n.split("/").pop() || n} ${mib(v)}`);
    if (top.length > 0) lines.push(`      biggest: ${top.join(", ")}`);
  }
  return lines.join("\n");
}

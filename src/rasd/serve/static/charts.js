// Hand-written SVG charts for the dashboard: the partnership ladder as a step line, monthly events stacked
// by quad class with mean Goldstein, and the network of actors. Every label goes in through textContent.

const NS = "http://www.w3.org/2000/svg";
export const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_KEYS = { 1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict" };

/** An SVG element with attributes and children (strings become text). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

function chart(width, height, cls, label) {
  return s("svg", { class: `chart ${cls}`, viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label });
}

function monthLabel(m) {
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
}

/** Months on a band scale: the x of a month's band, its width, and a label step that keeps labels apart. */
function bands(months, left, right) {
  const n = Math.max(months.length, 1);
  const band = (right - left) / n;
  const every = Math.max(1, Math.ceil(60 / band));
  return { band, every, x: (i) => left + i * band };
}

function monthAxis(g, months, sc, y) {
  const axis = s("g", { class: "axis" });
  axis.append(s("line", { x1: sc.x(0), x2: sc.x(months.length), y1: y, y2: y }));
  months.forEach((m, i) => {
    if (i % sc.every !== 0) return;
    axis.append(s("text", { class: "tick", x: sc.x(i) + sc.band / 2, y: y + 14, "text-anchor": "middle" }, monthLabel(m)));
  });
  g.append(axis);
}

/** Partnership rank month by month as a step line (rank 0–7 on the ladder), each step labelled with its
 *  level, change and date. */
export function ladderChart(tl, ladder, width) {
  const height = 240, left = 30, right = width - 12, top = 34, bottom = height - 30;
  const svg = chart(width, height, "ladder", `Partnership rank of ${tl.a} and ${tl.b} over time`);
  const months = tl.months.map((m) => m.month);
  const sc = bands(months, left, right);
  const y = (r) => bottom - (r / 7) * (bottom - top);
  const grid = s("g", { class: "grid" });
  for (let r = 0; r <= 7; r++) {
    grid.append(s("line", { x1: left, x2: right, y1: y(r), y2: y(r) }));
    const names = ladder[r] || (r === 0 ? ["no stated partnership"] : []);
    grid.append(s("text", { class: "tick", x: left - 8, y: y(r) + 4, "text-anchor": "end" }, String(r)));
    if (names.length) {
      const shortest = [...names].sort((p, q) => p.length - q.length)[0];
      const rung = s("text", { class: "rung", x: left + 4, y: y(r) - 3 }, shortest);
      rung.append(s("title", {}, `rank ${r}: ${names.join("; ")}`));
      grid.append(rung);
    }
  }
  svg.append(grid);
  svg.append(s("text", { x: 0, y: 14, class: "tick" }, "partnership rank (ladder)"));
  monthAxis(svg, months, sc, bottom);
  if (!tl.steps.length) {
    svg.append(s("text", { x: (left + right) / 2, y: (top + bottom) / 2, "text-anchor": "middle", class: "tick" },
      "no partnership level stated for this pair"));
    return svg;
  }
  // One horizontal run per month at its rank; a vertical jump where the rank changes.
  let d = "", prev = null;
  tl.months.forEach((m, i) => {
    if (m.rank === null || m.rank === undefined) { prev = null; return; }
    const x0 = sc.x(i), x1 = sc.x(i + 1), yy = y(m.rank);
    d += prev === null ? `M${x0},${yy}` : `L${x0},${yy}`;
    d += `L${x1},${yy}`;
    prev = m.rank;
  });
  svg.append(s("path", { class: "step", d }));
  const labels = s("g", { class: "steps" });
  tl.steps.forEach((st, k) => {
    const i = months.indexOf(st.date.slice(0, 7));
    if (i < 0) return;
    const cx = sc.x(i) + Math.min(sc.band / 2, 8), cy = y(st.rank);
    const dot = s("circle", { class: "step-dot", cx, cy, r: 6, "data-rank": st.rank });
    dot.append(s("title", {}, `${st.date}: ${st.level} (rank ${st.rank}, ${st.change}) — ${st.doc_id}`));
    labels.append(dot);
    const text = `${st.level} · ${st.change} ${st.date}`;
    const fits = cx - 4 + text.length * 6.6 <= right;
    const ly = cy - 18 - (k % 2) * 14 < top - 14 ? cy + 22 : cy - 18 - (k % 2) * 14;
    const label = s("text", { class: "step-label", x: fits ? cx - 4 : right, y: ly, "text-anchor": fits ? "start" : "end" }, text);
    if (!fits && text.length * 6.6 > right - left) label.setAttribute("textLength", String(right - left));
    labels.append(label);
  });
  svg.append(labels);
  return svg;
}

/** Events per month stacked by quad class (left axis), mean Goldstein per month as dots (right axis,
 *  −10 to +10). */
export function monthChart(tl, width) {
  const height = 220, left = 40, right = width - 44, top = 16, bottom = height - 26;
  const svg = chart(width, height, "months", `Events per month between ${tl.a} and ${tl.b}, by quad class`);
  const months = tl.months.map((m) => m.month);
  const sc = bands(months, left, right);
  const most = Math.max(1, ...tl.months.map((m) => m.events));
  const y = (n) => bottom - (n / most) * (bottom - top);
  const g = (v) => bottom - ((v + 10) / 20) * (bottom - top);
  const grid = s("g", { class: "grid" });
  const step = Math.max(1, Math.ceil(most / 5));
  for (let n = 0; n <= most; n += step) {
    grid.append(s("line", { x1: left, x2: right, y1: y(n), y2: y(n) }));
    grid.append(s("text", { class: "tick", x: left - 6, y: y(n) + 4, "text-anchor": "end" }, String(n)));
  }
  for (const v of [-10, 0, 10]) {
    grid.append(s("text", { class: "tick", x: right + 6, y: g(v) + 4 }, (v > 0 ? "+" : "") + v));
  }
  svg.append(grid);
  svg.append(s("line", { class: "zero", x1: left, x2: right, y1: g(0), y2: g(0) }));
  const bars = s("g", { class: "bars" });
  const w = Math.min(56, Math.max(2, sc.band * 0.7));
  tl.months.forEach((m, i) => {
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = m[QUAD_KEYS[q]];
      if (!n) continue;
      const rect = s("rect", { class: `bar q${q}`, x: sc.x(i) + (sc.band - w) / 2, y: y(base + n), width: w,
        height: y(base) - y(base + n), "data-month": m.month, "data-quad": q, "data-count": n });
      rect.append(s("title", {}, `${monthLabel(m.month)}: ${n} ${QUADS[q]}`));
      bars.append(rect);
      base += n;
    }
  });
  svg.append(bars);
  const pts = tl.months.map((m, i) => (m.goldstein === null ? null : [sc.x(i) + sc.band / 2, g(m.goldstein), m]));
  let d = "";
  pts.forEach((p, i) => { if (p) d += `${d && pts[i - 1] ? "L" : "M"}${p[0]},${p[1]}`; });
  svg.append(s("path", { class: "gold-line", d }));
  for (const p of pts) {
    if (!p) continue;
    const dot = s("circle", { class: "gold-dot", cx: p[0], cy: p[1], r: 4 });
    dot.append(s("title", {}, `${monthLabel(p[2].month)}: mean Goldstein ${p[2].goldstein > 0 ? "+" : ""}${p[2].goldstein}`));
    svg.append(dot);
  }
  monthAxis(svg, months, sc, bottom);
  return svg;
}

/** A deterministic force layout: nodes start on a circle (most active first) and settle under spring
 *  edges and mutual repulsion; the same data always gives the same picture. */
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(n, 1);
    return { x: width / 2 + Math.cos(a) * width * 0.35, y: height / 2 + Math.sin(a) * height * 0.35 };
  });
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.55;
  for (let it = 0; it < 300; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / dist;
        disp[i].x += (dx / dist) * f; disp[i].y += (dy / dist) * f;
        disp[j].x -= (dx / dist) * f; disp[j].y -= (dy / dist) * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.a), j = index.get(e.b);
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const dist = Math.max(Math.hypot(dx, dy), 0.01), f = (dist * dist) / k;
      disp[i].x -= (dx / dist) * f; disp[i].y -= (dy / dist) * f;
      disp[j].x += (dx / dist) * f; disp[j].y += (dy / dist) * f;
    }
    const t = (width / 10) * (1 - it / 300);
    pos.forEach((p, i) => {
      // a weak pull to the centre keeps separate components on screen
      disp[i].x += (width / 2 - p.x) * 0.05 * k / 10; disp[i].y += (height / 2 - p.y) * 0.05 * k / 10;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      p.x = Math.min(width - 30, Math.max(30, p.x + (disp[i].x / d) * Math.min(d, t)));
      p.y = Math.min(height - 24, Math.max(24, p.y + (disp[i].y / d) * Math.min(d, t)));
    });
  }
  return pos;
}

/** Actors as nodes (size by events), pairs as edges (width by events, colour by the share of
 *  cooperation: green cooperative, red conflictual, amber mixed). */
export function networkChart(pairs, width, { onPair, onActor }) {
  const height = Math.round(Math.min(620, Math.max(360, width * 0.62)));
  const svg = chart(width, height, "network", "Network of actors: edges weighted by events, coloured by cooperation or conflict");
  const count = new Map();
  for (const p of pairs) for (const c of [p.a, p.b]) count.set(c, (count.get(c) || 0) + p.events);
  const names = new Map();
  for (const p of pairs) { names.set(p.a, p.a_name); names.set(p.b, p.b_name); }
  const nodes = [...count.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([id, n]) => ({ id, n }));
  const pos = layout(nodes, pairs, width, height);
  const at = new Map(nodes.map((nd, i) => [nd.id, pos[i]]));
  const most = Math.max(1, ...pairs.map((p) => p.events));
  const edges = s("g", { class: "edges" });
  for (const p of pairs) {
    const share = p.coop / Math.max(p.events, 1);
    const kind = share >= 2 / 3 ? "coop" : share <= 1 / 3 ? "conflict" : "mixed";
    const a = at.get(p.a), b = at.get(p.b);
    const line = s("line", { class: `edge ${kind}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1.5 + (6 * p.events) / most,
      "stroke-opacity": 0.75, "data-pair": `${p.a}-${p.b}` });
    line.append(s("title", {}, `${p.a}–${p.b} (${p.a_name} – ${p.b_name}): ${p.events} events, ${p.coop} cooperation, ${p.conflict} conflict, mean Goldstein ${p.goldstein}`));
    line.addEventListener("click", () => onPair(p.a, p.b));
    edges.append(line);
  }
  svg.append(edges);
  const mostN = Math.max(1, ...nodes.map((nd) => nd.n));
  for (const nd of nodes) {
    const p = at.get(nd.id);
    const r = 9 + (11 * nd.n) / mostN;
    const g = s("g", { class: "node", transform: `translate(${p.x},${p.y})`, "data-actor": nd.id });
    g.append(s("circle", { r }));
    g.append(s("text", { x: r + 3, y: 4 }, nd.id));
    g.append(s("title", {}, `${nd.id} ${names.get(nd.id) || ""}: ${nd.n} events`));
    g.addEventListener("click", () => onActor(nd.id));
    svg.append(g);
  }
  return svg;
}

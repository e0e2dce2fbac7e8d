// rasd dashboard: hash routes over the read-only JSON API. Text from the store is only ever set with
// textContent or attributes, never parsed as HTML.
import { QUADS, ladderChart, monthChart, networkChart } from "./charts.js";

const view = document.getElementById("view");
let meta = null;
let redraw = null; // re-renders the current view's charts at a new width

/** An HTML element: attributes (on* become listeners), then children (strings become text). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}

class ApiError extends Error {}

async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "" || v === false) continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  const res = await fetch(`/api/${path}${qs.toString() ? "?" + qs : ""}`, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`);
  return body;
}

const enc = encodeURIComponent;
const pairHref = (a, b) => `#/pair/${enc(a)}/${enc(b)}`;
const docHref = (id, event) => `#/doc/${enc(id)}${event ? "?event=" + enc(event) : ""}`;
const sign = (v) => (v === null || v === undefined ? "–" : `${v > 0 ? "+" : ""}${Number(v).toFixed(1)}`);
const quadChip = (q) => h("span", { class: `chip q${q}`, title: QUADS[q] }, `q${q}`);
const arrow = (e) => (e.joint ? "↔" : "→");

function width(el) {
  return Math.max(300, Math.floor(el.getBoundingClientRect().width || 800));
}

function card(title, ...body) {
  return h("section", { class: "card" }, title ? h("h2", {}, title) : null, ...body);
}

function eventsTable(items, { showPair = true } = {}) {
  const rows = items.map((e) =>
    h("tr", { "data-event": e.event_id },
      h("td", { class: "code" }, e.date || "undated"),
      h("td", {}, h("b", {}, e.type), " ", quadChip(e.quad_class), h("div", { class: "small muted" }, e.label)),
      showPair ? h("td", { class: "pair" }, h("a", { href: pairHref(e.source, e.target) }, `${e.source} → ${e.target}`)) : null,
      h("td", { class: "num" }, sign(e.goldstein)),
      h("td", { class: "hide-narrow" }, e.place || ""),
      h("td", { class: "ar", lang: "ar", dir: "rtl" }, e.evidence),
      h("td", {}, h("a", { href: docHref(e.doc_id, e.event_id), title: "open the document with this event highlighted" }, "text ›")),
    ));
  return h("div", { class: "scroll" }, h("table", { class: "events" },
    h("thead", {}, h("tr", {}, h("th", {}, "date"), h("th", {}, "event"), showPair ? h("th", {}, "pair") : null,
      h("th", { class: "num" }, "goldstein"), h("th", { class: "hide-narrow" }, "place"),
      h("th", { class: "ar", dir: "rtl", lang: "ar" }, "الدليل (evidence)"), h("th", {}, ""))),
    h("tbody", {}, rows)));
}

function balance(p) {
  const total = Math.max(p.events, 1);
  const bar = h("div", { class: "balance", title: `${p.coop} cooperation, ${p.conflict} conflict` });
  bar.append(h("i", { class: "coop" }), h("i", { class: "conflict" }));
  bar.children[0].style.width = `${(100 * p.coop) / total}%`; // CSSOM, allowed by the CSP
  bar.children[1].style.width = `${(100 * p.conflict) / total}%`;
  return bar;
}

function pairsTable(pairs) {
  return h("div", { class: "scroll" }, h("table", { class: "pairs" },
    h("thead", {}, h("tr", {}, h("th", {}, "pair"), h("th", { class: "num" }, "events"), h("th", {}, "coop / conflict"),
      h("th", { class: "num" }, "goldstein"), h("th", { class: "hide-narrow" }, "first – last"))),
    h("tbody", {}, pairs.map((p) => h("tr", {},
      h("td", {}, h("a", { href: pairHref(p.a, p.b), class: "pair-link" }, `${p.a}–${p.b}`),
        h("div", { class: "small muted" }, `${p.a_name} – ${p.b_name}`)),
      h("td", { class: "num" }, p.events), h("td", {}, balance(p)), h("td", { class: "num" }, sign(p.goldstein)),
      h("td", { class: "hide-narrow small" }, `${p.first || "?"} – ${p.last || "?"}`)))))); 
}

// ---------------------------------------------------------------- views

async function overview() {
  const [stats, latest, pairs, partners] = await Promise.all([
    api("stats"), api("events", { order: "desc", limit: 8 }), api("pairs", { limit: 10 }), api("partnerships", { limit: 8 }),
  ]);
  const c = stats.counts;
  const kpi = (n, label) => h("div", { class: "kpi" }, h("b", {}, n), h("span", {}, label));
  const quads = [1, 2, 3, 4].map((q) => h("span", { class: `chip q${q}` }, `${QUADS[q]} ${stats.quad_classes[q] || 0}`));
  return [
    h("h1", {}, "Overview"),
    h("div", { class: "kpis" }, kpi(c.documents, "documents"), kpi(c.events, "events"), kpi(stats.actors, "actors"),
      kpi(c.partnerships, "partnership statements"), kpi(c.stories, "stories"),
      kpi(`${stats.first || "–"}`, `first event · last ${stats.last || "–"}`)),
    h("p", { class: "legend-row" }, quads),
    h("div", { class: "grid two" },
      card("Most active pairs", pairsTable(pairs)),
      card("Partnership statements", h("ul", { class: "events-list" }, partners.items.map((p) =>
        h("li", {}, h("a", { href: pairHref(p.a, p.b) }, `${p.a}–${p.b}`), ` ${p.level} `, h("span", { class: "chip" }, `rank ${p.rank}`),
          ` ${p.change}, ${p.date || "undated"} `, h("a", { href: docHref(p.doc_id), class: "small" }, "text ›"),
          h("div", { class: "ar", lang: "ar", dir: "rtl" }, p.text)))))),
    card("Latest events", eventsTable(latest.items)),
  ];
}

async function pairView(a, b) {
  const [tl, evs, partners] = await Promise.all([
    api(`timeline/${enc(a)}/${enc(b)}`), api("events", { pair: `${a},${b}`, limit: 100 }), api("partnerships", { pair: `${a},${b}` }),
  ]);
  const ladderBox = h("div", { class: "chart-box", id: "ladder" });
  const monthBox = h("div", { class: "chart-box", id: "months" });
  const draw = () => {
    ladderBox.replaceChildren(ladderChart(tl, meta.ladder, width(ladderBox)));
    monthBox.replaceChildren(monthChart(tl, width(monthBox)));
  };
  const note = [];
  if (tl.undated_events) note.push(`${tl.undated_events} undated events are not in the monthly bars`);
  if (tl.undated_partnerships) note.push(`${tl.undated_partnerships} undated partnership statements are not on the ladder`);
  const steps = tl.steps.length
    ? h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "date"), h("th", {}, "level"), h("th", { class: "num" }, "rank"), h("th", {}, "change"), h("th", {}, ""))),
      h("tbody", {}, tl.steps.map((st) => h("tr", { class: "step-row" }, h("td", { class: "code" }, st.date), h("td", {}, st.level),
        h("td", { class: "num" }, st.rank), h("td", {}, st.change), h("td", {}, h("a", { href: docHref(st.doc_id) }, "text ›")))))))
    : h("p", { class: "muted" }, "No partnership level is stated for this pair.");
  const out = [
    h("h1", {}, `${tl.a_name} – ${tl.b_name} `, h("span", { class: "muted code" }, `${tl.a}–${tl.b}`)),
    card("Partnership ladder", ladderBox, steps),
    card("Events per month", monthBox,
      h("div", { class: "legend-row" }, [1, 2, 3, 4].map((q) => h("span", {}, h("i", { class: `q${q}` }), QUADS[q])),
        h("span", {}, h("i", { class: "gold" }), "mean Goldstein (right axis, −10 to +10)")),
      note.length ? h("p", { class: "small muted" }, note.join("; ")) : null),
    card(`Events (${evs.total})`, eventsTable(evs.items, { showPair: false }),
      evs.total > evs.items.length ? h("p", {}, h("a", { href: `#/events?pair=${enc(a)},${enc(b)}` }, "all events of this pair ›")) : null),
    partners.total ? card("Statements", h("ul", { class: "events-list" }, partners.items.map((p) => h("li", {},
      `${p.date || "undated"}: ${p.level} (rank ${p.rank}, ${p.change}) `, h("a", { href: docHref(p.doc_id) }, "text ›"),
      h("div", { class: "ar", lang: "ar", dir: "rtl" }, p.text))))) : null,
  ];
  return { nodes: out, draw };
}

async function networkView() {
  const pairs = await api("pairs", { limit: Math.min(80, meta.max_page_rows) });
  const box = h("div", { class: "chart-box", id: "network" });
  const draw = () => box.replaceChildren(networkChart(pairs, width(box), {
    onPair: (a, b) => { location.hash = pairHref(a, b); },
    onActor: (c) => { location.hash = `#/events?actor=${enc(c)}`; },
  }));
  return {
    nodes: [h("h1", {}, "Network of actors"), card(null, box,
      h("div", { class: "legend-row" }, h("span", {}, h("i", { class: "coop" }), "mostly cooperation"),
        h("span", {}, h("i", { class: "mixed" }), "mixed"), h("span", {}, h("i", { class: "conflict" }), "mostly conflict"),
        h("span", {}, "edge width: events; click an edge for the pair, a node for its events")))],
    draw,
  };
}

const FILTERS = ["actor", "pair", "type", "quad_class", "since", "until", "place", "text", "originals_only", "limit", "offset"];

async function eventsView(params) {
  const q = {};
  for (const k of FILTERS) {
    const all = params.getAll(k);
    if (all.length) q[k] = ["type", "quad_class"].includes(k) ? all : all[0];
  }
  const form = h("form", { class: "filters card", id: "filters" });
  const input = (name, label, attrs = {}) => h("label", {}, label, h("input", { name, value: q[name] || "", ...attrs }));
  const [pa, pb] = (q.pair || ",").split(",");
  const types = h("select", { name: "type", multiple: true, "aria-label": "event types" },
    meta.types.map((t) => h("option", { value: t, selected: (q.type || []).includes(t) }, t)));
  form.append(
    input("actor", "actor", { placeholder: "CHN", maxlength: 10 }),
    h("label", {}, "pair", h("span", { class: "checks" }, h("input", { name: "pair_a", value: pa, placeholder: "CHN", size: 5 }),
      h("input", { name: "pair_b", value: pb, placeholder: "AZE", size: 5 }))),
    h("label", {}, "type", types),
    h("label", {}, "quad class", h("span", { class: "checks" }, [1, 2, 3, 4].map((n) => h("label", { title: QUADS[n] },
      h("input", { type: "checkbox", name: "quad_class", value: n, checked: (q.quad_class || []).includes(String(n)) }), `q${n}`)))),
    input("since", "since", { placeholder: "2024 or 2024-07" }),
    input("until", "until", { placeholder: "2025-03-31" }),
    input("place", "place", { placeholder: "Riyadh or SAU" }),
    input("text", "text in evidence", { placeholder: "القمة", dir: "auto" }),
    h("label", {}, "near-duplicates", h("span", { class: "checks" }, h("label", {},
      h("input", { type: "checkbox", name: "originals_only", value: "true", checked: q.originals_only === "true" }), "originals only"))),
    input("limit", "rows per page", { type: "number", min: 1, max: meta.max_page_rows, placeholder: String(meta.page_rows) }),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"),
      h("button", { type: "button", class: "ghost", onclick: () => { location.hash = "#/events"; } }, "Clear")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form), out = new URLSearchParams();
    for (const [k, v] of data.entries()) if (v && !["pair_a", "pair_b"].includes(k)) out.append(k, v);
    const a = String(data.get("pair_a") || "").trim(), b = String(data.get("pair_b") || "").trim();
    if (a && b) out.set("pair", `${a},${b}`);
    location.hash = `#/events?${out}`;
  });
  const nodes = [h("h1", {}, "Events"), form];
  try {
    const page = await api("events", q);
    const offset = page.offset, shown = page.items.length;
    const go = (o) => { const p = new URLSearchParams(params); p.set("offset", String(Math.max(0, o))); location.hash = `#/events?${p}`; };
    nodes.push(card(null,
      h("div", { class: "pager" }, h("span", { id: "page-info" }, shown ? `${offset + 1}–${offset + shown} of ${page.total} events` : `no events match (${page.total})`),
        h("button", { class: "ghost", disabled: offset === 0, onclick: () => go(offset - page.limit) }, "‹ previous"),
        h("button", { class: "ghost", disabled: offset + shown >= page.total, onclick: () => go(offset + page.limit) }, "next ›")),
      eventsTable(page.items)));
  } catch (err) {
    nodes.push(h("p", { class: "error", role: "alert" }, err.message));
  }
  return nodes;
}

async function documentsView(params) {
  const offset = Number(params.get("offset") || 0);
  const page = await api("documents", { offset, limit: 25 });
  const go = (o) => { location.hash = `#/documents?offset=${Math.max(0, o)}`; };
  return [h("h1", {}, "Documents"), card(null,
    h("div", { class: "pager" }, h("span", {}, `${offset + 1}–${offset + page.items.length} of ${page.total}`),
      h("button", { class: "ghost", disabled: offset === 0, onclick: () => go(offset - 25) }, "‹ previous"),
      h("button", { class: "ghost", disabled: offset + page.items.length >= page.total, onclick: () => go(offset + 25) }, "next ›")),
    h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "published"), h("th", {}, "document"),
      h("th", { class: "num" }, "events"), h("th", {}, "lang"))),
    h("tbody", {}, page.items.map((d) => h("tr", {}, h("td", { class: "code" }, d.published || "–"),
      h("td", {}, h("a", { href: docHref(d.doc_id), class: d.language === "ar" ? "headline" : "", lang: d.language, dir: "auto" }, d.title || d.headline || d.doc_id),
        h("div", { class: "small muted code" }, d.doc_id, d.flags.length ? ` · ${d.flags.join(", ")}` : "")),
      h("td", { class: "num" }, d.events), h("td", {}, d.language)))))))];
}

// ---------------------------------------------------------------- document view

const PRIORITY = ["trigger", "place", "actor", "date", "partnership"]; // the more specific stretch wins the colour

/** The text as nodes: stretches covered by spans become <mark>s (the most specific kind wins the
 *  colour, the title lists every annotation); offsets are code points, as in the store. */
function markedText(text, spans, selected) {
  const cps = Array.from(text);
  const cuts = new Set([0, cps.length]);
  for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= cps.length).sort((x, y) => x - y);
  const byStart = new Map();
  for (const sp of spans) { if (!byStart.has(sp.start)) byStart.set(sp.start, []); byStart.get(sp.start).push(sp); }
  let active = [];
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const lo = points[i], hi = points[i + 1];
    active = active.filter((sp) => sp.end > lo).concat(byStart.get(lo) || []);
    const piece = cps.slice(lo, hi).join("");
    if (!active.length) { out.push(document.createTextNode(piece)); continue; }
    const kinds = PRIORITY.filter((k) => active.some((sp) => sp.kind === k));
    const events = [...new Set(active.flatMap((sp) => sp.event_ids))];
    const inSentence = active.some((sp) => sp.kind === "sentence");
    if (!kinds.length) { out.push(h("span", { class: "sentence" }, piece)); continue; }
    const cls = [kinds[0], ...kinds.slice(1).map((k) => `also-${k}`), inSentence ? "in-sentence" : "",
      selected && events.includes(selected) ? "sel" : ""].filter(Boolean).join(" ");
    const title = active.filter((sp) => sp.kind !== "sentence").map((sp) => sp.title).join("\n");
    out.push(h("mark", { class: cls, title, "data-kind": kinds[0], "data-code": active.find((sp) => sp.kind === kinds[0]).code,
      "data-events": events.join(" ") }, piece));
  }
  return out;
}

async function documentView(id, params) {
  const doc = await api(`documents/${enc(id)}`);
  let selected = params.get("event") || null;
  const textBox = h("div", { class: "arabic-text", dir: doc.language === "ar" ? "rtl" : "auto", lang: doc.language, id: "doc-text" });
  const info = h("div", { class: "mark-info", id: "mark-info" }, "Hover over a highlight for its codes; tap one to see them here.");
  const list = h("ul", { class: "events-list", id: "doc-events" });
  const render = () => {
    const spans = [...doc.spans];
    const ev = doc.events.find((e) => e.event_id === selected);
    if (ev) spans.push({ start: ev.sentence_start, end: ev.sentence_end, kind: "sentence", code: "", title: "", event_ids: [ev.event_id] });
    textBox.replaceChildren(...markedText(doc.text, spans, selected));
    for (const li of list.children) li.classList.toggle("sel", li.dataset.event === selected);
  };
  const select = (eid, scroll) => {
    selected = eid;
    render();
    const mark = textBox.querySelector("mark.sel");
    if (scroll && mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  textBox.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark");
    if (!mark) return;
    info.textContent = mark.title;
    const first = (mark.dataset.events || "").split(" ").filter(Boolean)[0];
    if (first) { select(first, false); const li = list.querySelector(`[data-event="${CSS.escape(first)}"]`); if (li) li.scrollIntoView({ block: "nearest" }); }
  });
  for (const e of doc.events) {
    const when = [e.date, e.place_name].filter(Boolean).join(" · ");
    list.append(h("li", { "data-event": e.event_id, onclick: () => select(e.event_id, true) },
      h("div", { class: "en" }, h("b", {}, `${e.source} ${arrow(e)} ${e.target}`), " ", h("b", {}, e.type), " ", quadChip(e.quad_class),
        h("div", { class: "small muted" }, e.label), when ? h("div", { class: "small" }, when) : null,
        h("div", { class: "small muted" }, `${e.source_name || e.source} ${arrow(e)} ${e.target_name || e.target} · trigger «`,
          h("span", { lang: "ar" }, e.trigger), `» · confidence ${e.confidence.toFixed(2)}`)),
      h("div", { class: "ar", lang: "ar", dir: "rtl" }, e.sentence)));
  }
  render();
  const legend = h("div", { class: "legend" }, ["actor", "trigger", "date", "place", "partnership"].map((k) => h("mark", { class: k }, k)));
  const dl = [doc.dateline_place, doc.dateline_date, doc.dateline_agency].filter(Boolean).join(", ");
  const people = doc.mentions.filter((m, i, all) => all.findIndex((x) => x.person_no === m.person_no) === i);
  const nodes = [
    h("h1", {}, h("span", { class: "code" }, doc.doc_id)),
    h("div", { class: "meta" }, h("span", {}, "published ", h("b", {}, doc.published || "–")), dl ? h("span", {}, "dateline ", h("b", {}, dl)) : null,
      h("span", {}, "language ", h("b", {}, doc.language)), doc.flags.length ? h("span", {}, "flags ", h("b", {}, doc.flags.join(", "))) : null,
      doc.duplicate_of ? h("span", {}, "near-duplicate of ", h("a", { href: docHref(doc.duplicate_of) }, doc.duplicate_of)) : null,
      doc.url ? h("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "source ›") : null),
    h("div", { class: "grid doc" },
      card(null, legend, textBox, info),
      h("div", { class: "stack" },
        card(`Events (${doc.events.length})`, doc.events.length ? list : h("p", { class: "muted" }, "No events coded in this document.")),
        people.length ? card("People", h("ul", { class: "events-list" }, people.map((m) => h("li", {},
          h("b", {}, m.name), m.role ? `, ${m.role}` : "", m.country ? ` (${m.country})` : "", " ",
          h("span", { lang: "ar", dir: "rtl" }, m.name_ar || m.text))))) : null,
        doc.partnerships.length ? card("Partnerships", h("ul", { class: "events-list" }, doc.partnerships.map((p) => h("li", {},
          h("a", { href: pairHref(p.a, p.b) }, `${p.a}–${p.b}`), ` ${p.level} (rank ${p.rank}, ${p.change}) ${p.date || ""}`,
          h("div", { class: "ar", lang: "ar", dir: "rtl" }, p.text))))) : null)),
  ];
  return { nodes, after: () => { if (selected) select(selected, true); } };
}

// ---------------------------------------------------------------- router

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = hash.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] === "pair" && parts.length === 3) return { name: "pair", run: () => pairView(parts[1].toUpperCase(), parts[2].toUpperCase()) };
  if (parts[0] === "doc" && parts.length >= 2) return { name: "documents", run: () => documentView(parts.slice(1).join("/"), params) };
  if (parts[0] === "events") return { name: "events", run: () => eventsView(params) };
  if (parts[0] === "network") return { name: "network", run: networkView };
  if (parts[0] === "documents") return { name: "documents", run: () => documentsView(params) };
  return { name: "overview", run: overview };
}

async function show() {
  const r = route();
  for (const a of document.querySelectorAll("[data-nav]")) a.classList.toggle("active", a.dataset.nav === r.name);
  redraw = null;
  view.setAttribute("aria-busy", "true");
  try {
    if (!meta) meta = await api("meta");
    const result = await r.run();
    const nodes = Array.isArray(result) ? result : result.nodes;
    view.replaceChildren(...nodes.filter(Boolean));
    window.scrollTo(0, 0);
    if (result.draw) { redraw = result.draw; result.draw(); }
    if (result.after) result.after();
  } catch (err) {
    view.replaceChildren(h("h1", {}, "Something went wrong"), h("p", { class: "error", role: "alert" }, err.message));
  } finally {
    view.setAttribute("aria-busy", "false");
    document.body.dataset.view = r.name;
  }
}

let resizeTimer = null;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (redraw) redraw(); }, 150);
});
window.addEventListener("hashchange", show);
show();

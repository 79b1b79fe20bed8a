/* dateline page: map, timeline, table, event evidence and claims, over /api.
   Plain JavaScript, no build step; Leaflet and the world basemap are vendored. */
"use strict";

const COLORS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
};
const color = (t) => COLORS[t] || "#34495e";
const state = { since: "", until: "", cursor: null, selected: null, bounds: null, bin: "week", tab: "table" };
const $ = (sel) => document.querySelector(sel);
const form = $("#filters");

function esc(s) {
  return String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

/* A link only for an http(s) URL; anything else (javascript:, data:) stays text. */
function link(url) {
  if (!url) return "";
  let parsed = null;
  try { parsed = new URL(url); } catch (e) { /* not a URL: shown as text */ }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) return `<span class="url">${esc(url)}</span>`;
  return `<a class="url" href="${esc(parsed.href)}" target="_blank" rel="noopener noreferrer nofollow">${esc(url)}</a>`;
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) url.searchParams.set(k, v);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return r.json();
}

/* The filters of the form, plus the date range chosen on the timeline. */
function filters({ dates = true } = {}) {
  const f = {};
  for (const name of ["q", "country", "event_type", "plover_type", "actor"]) f[name] = form.elements[name].value.trim();
  if (dates) { f.since = state.since; f.until = state.until; }
  if (form.elements.inview.checked && state.bounds) f.bbox = state.bounds;
  return f;
}

// -- map ------------------------------------------------------------------------------
const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, maxBounds: [[-89, -400], [89, 400]] }).setView([25, 30], 2);
map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
map.createPane("world").style.zIndex = 350;  // under the events, whenever it arrives
/* Places close together on screen are drawn as one cluster (leaflet.markercluster) showing
   how many events it holds; it splits as the map zooms in. */
const markers = L.markerClusterGroup({
  maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true, chunkedLoading: true,
  iconCreateFunction: (cluster) => {
    const n = cluster.getAllChildMarkers().reduce((sum, m) => sum + (m.options.events || 1), 0);
    const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    return L.divIcon({ html: `<div><span>${n}</span></div>`, className: `marker-cluster marker-cluster-${size} event-cluster`,
      iconSize: L.point(40, 40) });
  },
}).addTo(map);
markers.on("animationend", () => { delete document.body.dataset.clustering; });
fetch("/static/vendor/world.geojson").then((r) => r.json()).then((world) => {
  L.geoJSON(world, { pane: "world", interactive: false, style: { color: "#8a9aa6", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 } }).addTo(map);
});
map.on("moveend", () => {
  const b = map.getBounds();
  const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
  state.bounds = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
    .map((x) => x.toFixed(3)).join(",");
  if (form.elements.inview.checked) refresh({ map: false });
});

async function drawMap(fit) {
  const gj = await api("/api/events.geojson", { ...filters(), limit: 5000 });
  markers.clearLayers();
  const layers = [];
  // Events at the same point (a city, a province centroid) share one marker.
  const places = new Map();
  for (const f of gj.features) {
    const key = f.geometry.coordinates.join(",");
    if (!places.has(key)) places.set(key, []);
    places.get(key).push(f.properties);
  }
  for (const [key, events] of places) {
    const [lon, lat] = key.split(",").map(Number);
    const p = events[0];
    const weight = events.reduce((n, e) => n + (e.n_sources || 1), 0);
    const m = L.circleMarker([lat, lon], {
      radius: Math.min(16, 5 + 2.5 * Math.sqrt(weight - 1)), color: "#fff", weight: 1.2,
      fillColor: color(p.event_type), fillOpacity: 0.85, className: "event-marker", events: events.length,
    });
    const where = `${esc(p.location)}, ${esc(p.country)}`;
    if (events.length === 1) {
      m.bindTooltip(`<b>${esc(p.event_date)}</b> ${esc(p.sub_event_type || p.event_type)}<br>${where}`);
      m.on("click", () => showEvent(p.event_id_cnty));
    } else {
      m.bindTooltip(`<b>${events.length} events</b><br>${where}`);
      m.bindPopup(`<b>${where}</b><ul class="popup-list">${events.map((e) =>
        `<li><a class="doc" data-event-id="${esc(e.event_id_cnty)}"><span class="dot" style="background:${color(e.event_type)}"></span>${esc(e.event_date)} ${esc(e.sub_event_type || e.event_type)}${e.actor1 ? " · " + esc(e.actor1) : ""}</a></li>`).join("")}</ul>`);
      m.on("popupopen", (ev) => ev.popup.getElement().querySelectorAll("a[data-event-id]").forEach((a) =>
        a.addEventListener("click", () => showEvent(a.dataset.eventId))));
    }
    m.on("add", () => {
      const el = m.getElement();
      if (el) { el.setAttribute("data-event-id", p.event_id_cnty); el.setAttribute("data-events", events.length); }
    });
    layers.push(m);
  }
  markers.addLayers(layers);
  /* Not animated: Leaflet drops a setView asked for while a zoom animation runs, so a
     filter applied during the first fit (or any fit) would leave the map where it was. */
  if (fit && gj.features.length) map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 6, animate: false });
}

// -- timeline (SVG histogram with a brush) ---------------------------------------------
let bars = [];
/* The timeline's axis: the latest months holding 95% of events (dates such as "1800"
   that an article mentions in passing would squash the rest into one bar), and
   a bin (day, week, month) that gives a readable number of bars. */
async function chooseAxis() {
  const months = (await api("/api/stats", { by: "month" })).buckets;
  const totals = new Map();
  for (const b of months) totals.set(b.period, (totals.get(b.period) || 0) + b.events);
  const sorted = [...totals.keys()].sort();
  if (!sorted.length) { state.axis = null; return; }
  const all = [...totals.values()].reduce((a, b) => a + b, 0), need = Math.ceil(all * 0.95);
  const index = (p) => { const [y, m] = p.split("-").map(Number); return y * 12 + m - 1; };
  // Up to the latest month (news is about now; stray dates are mentions of the past),
  // back as far as needed to hold 95% of events.
  const hi = sorted.length - 1;
  let lo = hi;
  for (let sum = totals.get(sorted[hi]); sum < need && lo > 0;) sum += totals.get(sorted[--lo]);
  const [y1, m1] = sorted[hi].split("-").map(Number);
  const span = index(sorted[hi]) - index(sorted[lo]) + 1;
  const outside = all - sorted.slice(lo, hi + 1).reduce((n, p) => n + totals.get(p), 0);
  state.bin = span > 36 ? "month" : span > 4 ? "week" : "day";
  const end = new Date(Date.UTC(y1, m1, 0)).toISOString().slice(0, 10);
  state.axis = { since: `${sorted[lo]}-01`, until: end, outside };
}

function periodOf(day) {
  if (state.bin === "month") return day.slice(0, 7);
  if (state.bin === "day") return day;
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

async function drawTimeline() {
  const axis = state.axis || { since: "", until: "", outside: 0 };
  // The bars show every date (the brush picks among them); the legend counts what is selected.
  const [stats, selected] = await Promise.all([
    api("/api/stats", { ...filters({ dates: false }), by: state.bin, since: axis.since, until: axis.until }),
    api("/api/stats", { ...filters(), by: "month" })]);
  const periods = state.axis ? allPeriods(periodOf(axis.since), periodOf(axis.until)) : [];
  bars = periods.map((p) => ({ period: p, types: stats.buckets.filter((b) => b.period === p) }));
  const svg = $("#timeline");
  const W = svg.clientWidth || 600, H = 110, top = 6, bottom = 18;
  const max = Math.max(1, ...bars.map((b) => b.types.reduce((s, t) => s + t.events, 0)));
  const bw = bars.length ? W / bars.length : W;
  let html = "";
  bars.forEach((b, i) => {
    const inside = inRange(b.period);
    let y = H - bottom;
    html += `<g class="bar ${inside ? "in" : "out"}" data-period="${esc(b.period)}" data-index="${i}">`;
    html += `<rect class="bar-bg" x="${i * bw}" y="0" width="${bw}" height="${H - bottom}"></rect>`;
    for (const t of b.types) {
      const h = ((H - top - bottom) * t.events) / max;
      y -= h;
      html += `<rect class="seg" x="${i * bw + 0.5}" y="${y}" width="${Math.max(1, bw - 1)}" height="${h}" fill="${color(t.event_type)}"><title>${esc(b.period)}: ${t.events} ${esc(t.event_type)}</title></rect>`;
    }
    html += "</g>";
  });
  const labels = bars.length ? [0, Math.floor(bars.length / 2), bars.length - 1] : [];
  for (const i of new Set(labels)) html += `<text x="${Math.min(W - 60, i * bw)}" y="${H - 4}">${esc(bars[i].period)}</text>`;
  html += `<text x="${W - 2}" y="12" text-anchor="end">max ${max}</text>`;
  svg.innerHTML = html;
  $("#bin").textContent = state.bin;
  $("#range").textContent = (state.since || state.until ? `${state.since || "…"} → ${state.until || "…"}` : "all dates") +
    (axis.outside ? ` · ${axis.outside} event(s) dated outside ${axis.since.slice(0, 7)} – ${axis.until.slice(0, 7)} not drawn` : "");
  $("#legend").innerHTML = Object.entries(selected.by_type).map(([t, n]) => `<span data-type="${esc(t)}"><i style="background:${color(t)}"></i>${esc(t)} (<b>${n}</b>)</span>`).join("");
}

/* Every period from the first to the last, so that empty weeks show as gaps on the axis. */
function allPeriods(first, last, pad = 0) {
  const out = [];
  let p = shift(first, -pad);
  const end = shift(last, pad);
  for (let guard = 0; p <= end && guard < 2000; guard++) {
    out.push(p);
    const [, last] = periodRange(p);
    const d = new Date(last + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    p = d.toISOString().slice(0, state.bin === "month" ? 7 : 10);
  }
  // A short range (a lone day) gets empty bins around it, so it still reads as a timeline.
  return out.length < 24 && !pad ? allPeriods(first, last, Math.ceil((24 - out.length) / 2)) : out;
}

/* The period ``n`` bins before (negative) or after a period. */
function shift(period, n) {
  if (!n) return period;
  if (period.length === 7) {
    const [y, m] = period.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
  }
  const d = new Date(period + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n * (state.bin === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

function inRange(period) {
  const [a, b] = periodRange(period);
  return (!state.since || b >= state.since) && (!state.until || a <= state.until);
}

/* First and last day of a histogram bar. */
function periodRange(period) {
  if (state.bin === "month" || period.length === 7) {
    const [y, m] = period.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    return [`${period}-01`, last];
  }
  if (state.bin === "week") {
    const d = new Date(period + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 6);
    return [period, d.toISOString().slice(0, 10)];
  }
  return [period, period];
}

function barAt(evt) {
  const svg = $("#timeline");
  const r = svg.getBoundingClientRect();
  const i = Math.floor(((evt.clientX - r.left) / r.width) * bars.length);
  return bars[Math.max(0, Math.min(bars.length - 1, i))];
}

/* Pointer events, so a mouse, a pen or a finger can tap a bar or drag across bars.
   The strip lets vertical swipes scroll the page (touch-action: pan-y). */
let drag = null;
const timelineSvg = $("#timeline");
timelineSvg.addEventListener("pointerdown", (e) => {
  if (!bars.length || (e.pointerType === "mouse" && e.button !== 0)) return;
  drag = { start: barAt(e), x: e.clientX, id: e.pointerId };
  timelineSvg.setPointerCapture(e.pointerId);
  e.preventDefault();
});
timelineSvg.addEventListener("pointermove", (e) => {
  if (!drag || e.pointerId !== drag.id) return;
  const r = timelineSvg.getBoundingClientRect();
  let brush = timelineSvg.querySelector(".brush");
  if (!brush) { brush = document.createElementNS("http://www.w3.org/2000/svg", "rect"); brush.setAttribute("class", "brush"); timelineSvg.appendChild(brush); }
  const x0 = Math.min(drag.x, e.clientX) - r.left, x1 = Math.max(drag.x, e.clientX) - r.left;
  brush.setAttribute("x", x0); brush.setAttribute("width", Math.max(1, x1 - x0)); brush.setAttribute("y", 0); brush.setAttribute("height", 92);
});
timelineSvg.addEventListener("pointerup", (e) => {
  if (!drag || e.pointerId !== drag.id) return;
  const a = drag.start, b = barAt(e);
  drag = null;
  const [first, last] = a.period <= b.period ? [a, b] : [b, a];
  setDates(periodRange(first.period)[0], periodRange(last.period)[1]);
});
timelineSvg.addEventListener("pointercancel", () => {
  drag = null;
  const brush = timelineSvg.querySelector(".brush");
  if (brush) brush.remove();
});
$("#clear-dates").addEventListener("click", () => setDates("", ""));

function setDates(since, until) {
  state.since = since; state.until = until;
  form.elements.since.value = since; form.elements.until.value = until;
  refresh();
}

// -- table ------------------------------------------------------------------------------
async function drawTable(append) {
  const page = await api("/api/events", { ...filters(), limit: 100, cursor: append ? state.cursor : "" });
  const rows = page.items.map((e) => `<tr data-event-id="${esc(e.event_id_cnty)}"${e.event_id_cnty === state.selected ? ' class="selected"' : ""}>
    <td class="date">${esc(e.event_date)}</td>
    <td><span class="dot" style="background:${color(e.event_type)}"></span>${esc(e.sub_event_type || e.event_type)}</td>
    <td>${[e.actor1, e.actor2].filter(Boolean).map(esc).join(" — ")}</td>
    <td>${esc(e.location)}${e.admin1 ? ", " + esc(e.admin1) : ""}<br><span class="muted">${esc(e.country)}</span></td>
    <td>${e.fatalities == null ? "" : e.fatalities}</td><td>${e.n_sources || 1}</td></tr>`).join("");
  const body = $("#events tbody");
  body.innerHTML = (append ? body.innerHTML : "") + rows;
  state.cursor = page.next_cursor;
  $("#more").hidden = !page.next_cursor;
  $("#summary").textContent = `${page.total} events match`;
}
$("#events tbody").addEventListener("click", (e) => { const tr = e.target.closest("tr"); if (tr) showEvent(tr.dataset.eventId); });
$("#more").addEventListener("click", () => drawTable(true));

// -- event view: fields, sources, the article with every evidence span ---------------------
const FIELD_ORDER = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
  "location", "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities", "quantities", "plover_type", "plover_mode", "modality", "confidence"];
const show = (v) => (Array.isArray(v) ? v.map((q) => (q && q.kind ? `${q.kind} ${q.value}` : JSON.stringify(q))).join(", ")
  : typeof v === "object" ? JSON.stringify(v) : v);

async function showEvent(id, docId, push = true) {
  state.selected = id;
  saveHash(push);
  tab("event");
  document.querySelectorAll("#events tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.eventId === id));
  const ev = await api(`/api/events/${encodeURIComponent(id)}`);
  const source = ev.sources.find((s) => s.doc_id === docId) || ev.sources.find((s) => s.doc_id === ev.doc_id) || ev.sources[0];
  const doc = source ? await api(`/api/documents/${encodeURIComponent(source.doc_id)}`) : null;
  const evidence = (source && source.evidence) || ev.evidence || {};
  const fields = FIELD_ORDER.filter((f) => ev[f] != null && ev[f] !== "" && !(Array.isArray(ev[f]) && !ev[f].length))
    .map((f) => `<dt>${f}</dt><dd class="${evidence[f] ? "has-evidence" : ""}">${esc(show(ev[f]))}</dd>`).join("");
  const sources = ev.sources.map((s) => `<li class="${source && s.doc_id === source.doc_id ? "current" : ""}"><a class="doc" data-doc="${esc(s.doc_id)}">${esc(s.title || s.origin || s.url || s.doc_id)}</a> <span class="muted">${esc(s.source || "")} ${esc(s.published || "")}</span></li>`).join("");
  const claims = ev.claims.map((c) => `<li><b>${esc(c.speaker)}</b>: “${esc(c.quote)}”</li>`).join("");
  $("#tab-event").innerHTML = `
    <h3><span class="dot" style="background:${color(ev.event_type)}"></span>${esc(ev.sub_event_type || ev.event_type)} — ${esc(ev.location)}, ${esc(ev.event_date)}</h3>
    <div class="muted">${esc(ev.event_id_cnty)} · reported by ${ev.sources.length} article(s)</div>
    <dl class="fields">${fields}</dl>
    ${ev.notes ? `<p class="notes"><span class="muted">notes</span> ${esc(ev.notes)}</p>` : ""}
    <h3>Sources</h3><ul class="sources">${sources}</ul>
    ${claims ? `<h3>Claims about it</h3><ul>${claims}</ul>` : ""}
    <h3>Article text <label class="muted" style="font-weight:normal"><input type="checkbox" id="all-spans"> show every record's evidence</label></h3>
    <div id="article" class="article"></div>`;
  const draw = () => {
    const box = $("#article");
    box.innerHTML = doc ? highlight(doc, id, $("#all-spans").checked) : "<i>no source text</i>";
    const first = box.querySelector("mark.ev:not(.other):not(.claim)") || box.querySelector("mark.ev");
    box.scrollTop = first ? Math.max(0, first.offsetTop - 60) : 0;  // evidence in view
  };
  $("#all-spans").addEventListener("change", draw);
  $("#tab-event").querySelectorAll("a.doc").forEach((a) => a.addEventListener("click", () => showEvent(id, a.dataset.doc)));
  draw();
}

/* The article text with evidence spans as <mark>s. Spans may overlap: the text is cut at
   every span boundary and each piece is marked by the spans covering it. Each span gets
   one label listing every field it supports (a place name supports location, admin1,
   country, coordinates…). The notes span (a whole sentence) is a light underline only,
   so the field marks inside it stay readable. */
function highlight(doc, eventId, all) {
  const text = doc.text;
  const spans = doc.spans.filter((s) => all || (s.record === "event" && s.id === eventId))
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const groups = new Map();  // "start:end" -> the spans with exactly that extent
  for (const s of spans) {
    const key = `${s.start}:${s.end}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(s);
  }
  const kindOfAll = (list) => (list.some((s) => kindOf(s, eventId) === "") ? "" : kindOf(list[0], eventId));
  const fieldsOf = (list) => [...new Set(list.map((s) => s.field))];
  const cuts = new Set([0, text.length]);
  spans.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const starting = [...groups.values()].filter((g) => g[0].start === a).sort((x, y) => y[0].end - x[0].end);
    for (const g of starting) {
      const fields = fieldsOf(g);
      if (fields.length === 1 && fields[0] === "notes") continue;  // the underline says it
      const records = [...new Set(g.map((s) => `${s.record} ${s.id}`))].join(", ");
      html += `<span class="label ${kindOfAll(g)}" title="${esc(records)}">${fields.map(esc).join(" · ")}</span>`;
    }
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = esc(text.slice(a, b));
    if (!cover.length) { html += piece; continue; }
    const strong = cover.filter((s) => s.field !== "notes");
    const fields = fieldsOf(cover).join(" ");
    const cls = strong.length ? `ev ${kindOfAll(strong)}` : `note ${kindOfAll(cover)}`;
    html += `<mark class="${cls}" data-fields="${esc(fields)}" title="${esc(fields)}">${piece}</mark>`;
  }
  return html;
}
const kindOf = (s, eventId) => (s.record === "claim" ? "claim" : !eventId || s.id === eventId ? "" : "other");

// -- claims ----------------------------------------------------------------------------
/* Claims of the articles that reported an event matching the filters (country, types, actor,
   dates); the search box searches the quotes. */
async function drawClaims() {
  const f = filters();
  const params = { q: f.q, country: f.country, event_type: f.event_type, plover_type: f.plover_type, actor: f.actor,
    since: f.since, until: f.until, limit: 100 };
  const [disputedPage, otherPage] = await Promise.all([
    api("/api/claims", { ...params, disputed: true }), api("/api/claims", { ...params, disputed: false })]);
  const page = { items: [...disputedPage.items, ...otherPage.items] };
  const card = (c, cls) => `<div class="claim-card ${cls || ""}"><div class="who">${esc(c.speaker || "unknown speaker")}</div>
    ${c.speaker_role ? `<div class="muted">${esc(c.speaker_role)}</div>` : ""}<q>${esc(c.quote)}</q>
    <div class="muted">${esc(c.stance || "")} · <a class="doc" data-doc="${esc(c.doc_id)}">article</a></div></div>`;
  const disputed = page.items.filter((c) => c.disputes.length);
  const shown = new Set(disputed.flatMap((c) => [c.claim_id, ...c.disputes.map((d) => d.claim_id)]));
  const rest = page.items.filter((c) => !shown.has(c.claim_id));
  const scope = [f.country, f.event_type, f.plover_type, f.actor, f.since, f.until].some(Boolean)
    ? '<p class="muted" id="claims-scope">Claims in articles that reported a matching event.</p>' : "";
  $("#tab-claims").innerHTML = `${scope}<h3>Disputed claims (${disputedPage.total})</h3>
    ${disputed.map((c) => `<div class="claim-pair">${card(c, "disputed")}<div>${c.disputes.map((d) => card(d, "disputing")).join("")}</div></div>`).join("") || '<p class="muted">none</p>'}
    <h3>Other claims (${otherPage.total}${otherPage.total > rest.length ? `, first ${rest.length} shown` : ""})</h3>${rest.map((c) => `<div class="claim-single">${card(c)}</div>`).join("")}`;
  $("#tab-claims").querySelectorAll("a.doc").forEach((a) => a.addEventListener("click", () => showDocument(a.dataset.doc)));
}

async function showDocument(docId) {
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  tab("event");
  $("#tab-event").innerHTML = `<h3>${esc(doc.title || doc.doc_id)}</h3><div class="muted">${esc(doc.source || "")} ${esc(doc.published || "")} ${link(doc.url)}</div>
    <p class="muted">Every evidence span of the article's ${doc.events.length} event(s) and ${doc.claims.length} claim(s).</p>
    <div id="article" class="article">${highlight(doc, null, true)}</div>`;
}

// -- wiring ----------------------------------------------------------------------------
function tab(name) {
  state.tab = name;
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t.id === `tab-${name}`));
  if (name === "claims") drawClaims().catch((err) => { $("#summary").textContent = `error: ${err.message}`; });
}
document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => { tab(b.dataset.tab); saveHash(true); }));

/* Filters, the open event and the tab live in the URL's #fragment, so a view can be bookmarked
   or shared; each change is a history entry, so back and forward walk through views. */
function hashOf() {
  const h = new URLSearchParams();
  for (const [k, v] of Object.entries(filters({ dates: false }))) if (v && k !== "bbox") h.set(k, v);
  if (state.since) h.set("since", state.since);
  if (state.until) h.set("until", state.until);
  if (state.selected) h.set("event", state.selected);
  if (state.tab === "claims") h.set("tab", "claims");
  return h.toString() ? `#${h}` : "";
}

function saveHash(push = false) {
  const hash = hashOf();
  if (hash === location.hash) return;
  const url = hash || location.pathname + location.search;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function loadHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const name of ["q", "country", "event_type", "plover_type", "actor"]) form.elements[name].value = h.get(name) || "";
  state.since = form.elements.since.value = h.get("since") || "";
  state.until = form.elements.until.value = h.get("until") || "";
  return { event: h.get("event"), tab: h.get("tab") };
}

/* A fragment opened in this tab (a bookmark, a pasted link) or reached by back/forward. */
async function applyHash() {
  if (location.hash === hashOf()) return;
  const open = loadHash();
  state.selected = open.event;
  state.tab = open.event ? "event" : open.tab === "claims" ? "claims" : "table";
  await refresh({ fit: true, push: false });
  if (open.event) await showEvent(open.event, undefined, false).catch(() => {});
  else tab(state.tab);
}
window.addEventListener("popstate", applyHash);
window.addEventListener("hashchange", applyHash);

let pending = 0;
async function refresh({ fit = !form.elements.inview.checked, map: withMap = true, push = true } = {}) {
  const n = ++pending;
  document.body.dataset.loading = "1";
  try {
    const claimsShown = $("#tab-claims").classList.contains("active");
    await Promise.all([withMap ? drawMap(fit) : null, drawTimeline(), drawTable(false), claimsShown ? drawClaims() : null]);
  } catch (err) {
    $("#summary").textContent = `error: ${err.message}`;
  }
  if (n === pending) delete document.body.dataset.loading;
  saveHash(push);
}

let typing;
form.addEventListener("input", (e) => {
  if (e.target.name === "since" || e.target.name === "until") {
    state.since = form.elements.since.value; state.until = form.elements.until.value;
  }
  clearTimeout(typing);
  typing = setTimeout(() => refresh(), e.target.type === "search" || e.target.type === "text" ? 300 : 0);
});
form.addEventListener("submit", (e) => e.preventDefault());
/* Back to everything. The form's own reset() is called through the prototype: a control
   named or id'd "reset" would shadow it. */
$("#reset-filters").addEventListener("click", async () => {
  HTMLFormElement.prototype.reset.call(form);
  state.since = state.until = "";
  state.selected = null;
  tab("table");
  await chooseAxis();
  await refresh({ fit: true });
});

async function start() {
  const facets = await api("/api/facets");
  for (const name of ["country", "event_type", "plover_type"]) {
    form.elements[name].insertAdjacentHTML("beforeend",
      Object.entries(facets[name]).map(([v, n]) => `<option value="${esc(v)}">${esc(v)} (${n})</option>`).join(""));
  }
  await chooseAxis();
  const open = loadHash();
  state.selected = open.event;
  await refresh({ fit: true, push: false });
  if (open.event) await showEvent(open.event, undefined, false).catch(() => {});
  else if (open.tab === "claims") tab("claims");
  document.body.dataset.ready = "1";
}
start();

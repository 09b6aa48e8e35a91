// newsprism web UI: vanilla JS, no build step. Every view is backed by an API call.
// All data is put on the page with textContent / createElement only (never innerHTML),
// so article text, titles and URLs can never run as code. Titles, outlets, authors and names
// sit in their own <bdi> elements (bidi), so direction controls in one (U+202E ...) cannot
// reorder or disguise the text around it.
"use strict";

const API = "/api/v1";
const SVGNS = "http://www.w3.org/2000/svg";
const main = document.getElementById("main");
const TOKEN_KEY = "newsprism-token";

// ------------------------------------------------------------ DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, String(v));
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

// A title, outlet, author or name in its own bidi-isolated element.
function bidi(text) {
  return el("bdi", { text: text === null || text === undefined ? "" : String(text) });
}

// Each item in its own <bdi>, with `sep` between them.
function bidiList(items, sep) {
  return items.flatMap((item, i) => (i ? [sep, bidi(item)] : [bidi(item)]));
}

function show(...nodes) {
  main.replaceChildren(...nodes);
}

function safeLink(url, label) {
  // Only http(s) URLs become links; anything else (javascript:, data:) is shown as text.
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: label || url });
  }
  return el("span", { class: "muted", text: url ? String(url) : "" });
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function outletOf(doc) {
  return doc.outlet || "unknown outlet";
}

// ------------------------------------------------------------ API

async function api(path, options) {
  const response = await fetch(API + path, options);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : String(response.status);
    const error = new Error(detail);
    error.problem = body;
    throw error;
  }
  return body;
}

function errorBox(error) {
  const box = el("div", { class: "problem", role: "alert" }, el("strong", { text: "Error: " }), error.message);
  const items = (error.problem && error.problem.errors) || [];
  if (items.length) {
    box.append(el("ul", {}, items.map((e) => el("li", {}, bidi(e.item || e.pointer || ""), ` ${e.reason || ""}`))));
  }
  return box;
}

// ------------------------------------------------------------ highlighting

// The text with the given [start, end) ranges wrapped in <mark> elements (built as DOM nodes).
function highlighted(text, ranges) {
  const frag = document.createDocumentFragment();
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, pos);
    if (start >= r.end) continue;
    frag.append(document.createTextNode(text.slice(pos, start)));
    frag.append(el("mark", { class: r.cls || "", title: r.label || null, text: text.slice(start, r.end) }));
    pos = r.end;
  }
  frag.append(document.createTextNode(text.slice(pos)));
  return frag;
}

// ------------------------------------------------------------ views: story list

async function viewStories() {
  const data = await api("/stories?limit=200");
  const list = el("ul", { class: "stories" });
  for (const s of data.items) {
    list.append(el("li", { class: "card" },
      el("a", { href: `#/story/${encodeURIComponent(s.id)}`, class: "story-link" }, bidi(s.title || s.id)),
      el("div", { class: "muted" },
        `${s.documents.length} article${s.documents.length === 1 ? "" : "s"} · `, bidiList(s.outlets, ", "),
        s.published[0] ? ` · ${s.published[0]}` : "")));
  }
  show(el("h1", { text: "Stories" }),
    data.items.length ? list : el("p", {}, "No story yet. ", el("a", { href: "#/add", text: "Add articles" }), "."),
    el("p", { class: "muted", text: `${data.total} stor${data.total === 1 ? "y" : "ies"}` }));
}

// ------------------------------------------------------------ views: add articles

function viewAdd() {
  const token = el("input", { id: "token", type: "password", autocomplete: "off", placeholder: "write token" });
  token.value = sessionStorage.getItem(TOKEN_KEY) || "";
  const title = el("input", { id: "paste-title", placeholder: "title (optional)" });
  const outlet = el("input", { id: "paste-outlet", placeholder: "outlet (optional)" });
  const url = el("input", { id: "paste-url", placeholder: "https://… (optional)" });
  const text = el("textarea", { id: "paste-text", rows: 12, placeholder: "Paste an article's text here" });
  const files = el("input", { id: "files", type: "file", multiple: true, accept: ".txt,.html,.htm,.jsonl,.warc,.gz" });
  const status = el("div", { id: "add-status" });

  async function submit(event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    const headers = { Authorization: `Bearer ${token.value.trim()}` };
    let body;
    if (files.files.length) {
      body = new FormData();
      for (const f of files.files) body.append("files", f, f.name);
      if (text.value.trim()) body.append("text", text.value);
    } else {
      const article = { text: text.value };
      for (const [k, input] of [["title", title], ["outlet", outlet], ["url", url]]) {
        if (input.value.trim()) article[k] = input.value.trim();
      }
      body = JSON.stringify(article);
      headers["Content-Type"] = "application/json";
    }
    status.replaceChildren(el("p", { class: "muted", text: "Uploading…" }));
    try {
      const result = await api("/articles", { method: "POST", headers, body });
      location.hash = `#/job/${encodeURIComponent(result.job.id)}`;
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  }

  show(el("h1", { text: "Add articles" }),
    el("form", { class: "add", onsubmit: submit },
      el("label", {}, "Write token ", token),
      el("fieldset", {}, el("legend", { text: "Paste one article" }), title, outlet, url, text),
      el("fieldset", {}, el("legend", { text: "…or upload files (.txt, .html, .jsonl, .warc)" }), files),
      el("button", { type: "submit", id: "add-submit", text: "Add and analyse" })),
    status);
}

// ------------------------------------------------------------ views: job progress

async function viewJob(jobId) {
  const bar = el("progress", { id: "job-progress", max: 1, value: 0 });
  const line = el("p", { id: "job-stage", class: "muted", text: "queued" });
  show(el("h1", { text: "Analysing" }), bar, line);
  for (;;) {
    if (location.hash !== `#/job/${encodeURIComponent(jobId)}`) return;
    const job = await api(`/jobs/${encodeURIComponent(jobId)}`);
    const p = job.progress;
    line.textContent = `${job.stage}${p.total ? ` ${p.done}/${p.total}` : ""}`;
    if (p.total) { bar.max = p.total; bar.value = p.done; }
    if (job.state === "error") {
      main.append(errorBox(new Error(job.error || "the analysis failed")));
      return;
    }
    if (job.state === "done") {
      if (job.stories.length) location.hash = `#/story/${encodeURIComponent(job.stories[0])}`;
      else main.append(el("p", { text: "Done, but no story was formed." }));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

// ------------------------------------------------------------ views: story page

function indexData(data) {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const outlets = new Map();
  for (const d of data.story.documents.map((id) => docs.get(id)).filter(Boolean)) {
    if (!outlets.has(outletOf(d))) outlets.set(outletOf(d), []);
    outlets.get(outletOf(d)).push(d);
  }
  return { data, docs, entities, outlets };
}

// The plain names of discrepancy kinds and what each severity means (lang/kinds.py), fetched once.
let kindLabels = null;
function discrepancyKinds() {
  if (!kindLabels) kindLabels = api("/discrepancy-kinds").catch((error) => { kindLabels = null; throw error; });
  return kindLabels;
}

async function viewStory(storyId) {
  const [data, kinds] = await Promise.all([
    api(`/stories/${encodeURIComponent(storyId)}/report-data`), discrepancyKinds()]);
  const ix = indexData(data);
  ix.kinds = kinds;
  const evidence = el("section", { id: "evidence", class: "evidence" },
    el("p", { class: "muted", text: "Click a claim, a quote or a discrepancy to see the source sentences." }));
  ix.showEvidence = (heading, groups) => showEvidence(ix, evidence, heading, groups);
  show(
    el("h1", { id: "story-title" }, bidi(data.story.title)),
    el("p", { class: "muted", text: `${data.story.documents.length} articles from ${ix.outlets.size} outlets` }),
    section("Outlets side by side", outletColumns(ix)),
    el("div", { class: "split" },
      el("div", { class: "left" },
        section("Claims × outlets", claimMatrix(ix)),
        section("Discrepancies", discrepancyList(ix)),
        section("Quotes by speaker", quoteGroups(ix)),
        section("Timeline", timeline(ix)),
        section("Actor network", network(ix))),
      el("div", { class: "right" }, evidence)));
}

function section(title, body) {
  return el("section", { class: "block" }, el("h2", { text: title }), body);
}

// An article without a stored title shows its first line (usually the headline of a plain-text
// article), in italics, with the file name on hover; never a bare file name.
// A source's file name without the folders above it: no machine path reaches a reader.
const fileName = (source) => (source || "").replace(/[\\/]+$/, "").split(/[\\/]/).pop() || source || "";

function docTitle(d) {
  if (d.title) return el("div", { class: "doc-title" }, bidi(d.title));
  const first = (d.text || "").trim().split("\n")[0].trim();
  const shown = first ? (first.length > 90 ? first.slice(0, 89) + "\u2026" : first) : "Untitled article";
  return el("div", { class: "doc-title untitled", title: fileName(d.source) }, bidi(shown));
}

function outletColumns(ix) {
  const wrap = el("div", { class: "outlets" });
  const claimsOf = (doc) => ix.data.claims.filter((c) => c.support.includes(doc.id)).length;
  for (const [name, docs] of ix.outlets) {
    wrap.append(el("div", { class: "outlet card" }, el("h3", {}, bidi(name)),
      docs.map((d) => el("div", { class: "doc" },
        docTitle(d),
        el("div", { class: "muted" }, [d.published, (d.authors || []).length ? bidiList(d.authors, ", ") : null, d.genre]
          .filter(Boolean).flatMap((part, i) => (i ? [" · ", part] : [part]))),
        el("div", { class: "muted" },
          `${plural(claimsOf(d), "claim")} · ${plural(ix.data.quotes.filter((q) => q.doc === d.id).length, "quote")}`,
          d.url ? [" · ", safeLink(d.url, "source")] : [])))));
  }
  return wrap;
}

const CELL = {
  supported: ["\u2713", "states the same fact"],
  contradicted: ["\u2717", "states an incompatible fact"],
  mixed: ["\u00b1", "one article supports, another contradicts"],
  related: ["\u223c", "speaks of the same thing without stating it"],
  silent: ["\u00b7", "does not mention it"],
};
const VARIANT = ["*", "a variant: a name spelled or a quote worded differently, not a contradiction"];

function cellState(claim, docs) {
  const ids = docs.map((d) => d.id);
  const sup = ids.some((id) => claim.support.includes(id));
  const con = ids.some((id) => claim.contradicted_by.includes(id));
  const rel = ids.some((id) => (claim.related || []).includes(id));
  return sup && con ? "mixed" : sup ? "supported" : con ? "contradicted" : rel ? "related" : "silent";
}

// Documents a variant finding (name spelling, quote wording) shows stating the claim.
function variantDocs(ix, claim) {
  const out = new Set();
  for (const d of ix.data.discrepancies) {
    if (d.variant && d.claims.includes(claim.id)) d.mentions.forEach((m) => out.add(m.doc));
  }
  return out;
}

function cellLegend() {
  return el("p", { class: "legend muted" }, [
    ...Object.entries(CELL).map(([state, [sym, label]]) =>
      el("span", {}, el("span", { class: `cell ${state}`, text: sym }), ` ${state}: ${label} `)),
    el("span", {}, el("span", { class: "cell supported variant", text: CELL.supported[0] + VARIANT[0] }), ` ${VARIANT[1]}`),
  ]);
}

const CLAIM_PAGE = 25;

// Contested claims first, then the ones most outlets report: what a reader checks first.
function claimOrder(ix) {
  const outlets = (claim) => new Set([...claim.support, ...claim.contradicted_by]
    .map((id) => ix.docs.get(id)).filter(Boolean).map(outletOf)).size;
  return ix.data.claims.map((c, i) => ({ c, i, k: [c.contradicted_by.length ? 0 : 1, -outlets(c)] }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i).map((x) => x.c);
}

function claimMatrix(ix) {
  if (!ix.data.claims.length) return el("p", { class: "muted", text: "No claims." });
  const outlets = [...ix.outlets.entries()];
  const head = el("tr", {}, el("th", { text: "Claim" }), outlets.map(([name]) => el("th", { class: "col" }, bidi(name))));
  const claims = claimOrder(ix);
  const row = (claim) => el("tr", {},
    el("td", {}, el("button", { class: "linkish claim", "data-claim": claim.id, text: claim.text,
      onclick: () => showClaim(ix, claim) })),
    outlets.map(([, docs]) => {
      const state = cellState(claim, docs);
      const variants = variantDocs(ix, claim);
      const variant = state === "supported" && docs.some((d) => claim.support.includes(d.id) && variants.has(d.id));
      return el("td", { class: `cell ${state}${variant ? " variant" : ""}`,
        title: CELL[state][1] + (variant ? ` (${VARIANT[1]})` : ""), text: CELL[state][0] + (variant ? VARIANT[0] : "") });
    }));
  const body = el("tbody", {}, claims.slice(0, CLAIM_PAGE).map(row));
  const wrap = el("div", { class: "scroll" }, cellLegend(), el("table", { class: "matrix" }, el("thead", {}, head), body));
  if (claims.length > CLAIM_PAGE) {
    const more = el("button", { class: "more", id: "more-claims", text: `Show all ${claims.length} claims`,
      onclick: () => { body.append(...claims.slice(CLAIM_PAGE).map(row)); more.remove(); } });
    wrap.append(more);
  }
  return wrap;
}

function showClaim(ix, claim) {
  const groups = [];
  const cells = new Map((claim.cells || []).map((c) => [c.doc, c]));
  const role = (id) => claim.contradicted_by.includes(id) ? "contradicts" : claim.support.includes(id) ? "supports"
    : (claim.related || []).includes(id) ? "related" : "silent";
  const docIds = [...new Set([...claim.support, ...claim.contradicted_by, ...claim.mentions.map((m) => m.doc),
    ...(claim.related || [])])];
  for (const id of docIds) {
    const cell = cells.get(id);
    let spans = claim.mentions.filter((m) => m.doc === id);
    let detail = null;
    if (cell && cell.state === "contradicts" && cell.span && cell.other) {
      const kind = (ix.data.discrepancies.find((d) => d.id === cell.discrepancy) || { kind: "discrepancy" }).kind;
      detail = `${kind.replaceAll("_", " ")}: “${cell.span.text}” here vs “${cell.other.text}” in ${outletOf(ix.docs.get(cell.other.doc) || {})}`;
    } else if (cell && cell.state === "related" && cell.span) {
      spans = [cell.span];  // a related document: its closest sentence
    }
    groups.push({ doc: id, note: role(id), detail, ranges: spans.map((m) => ({ ...m, cls: role(id) })) });
  }
  ix.showEvidence(["Claim: ", bidi(claim.text)], groups);
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 };

// Most severe first (stable: the analysis order within a severity), each under its plain name.
function discrepancyList(ix) {
  const rank = (d) => SEVERITY_RANK[d.severity] ?? 3;
  const items = [...ix.data.discrepancies].sort((a, b) => rank(a) - rank(b));
  if (!items.length) return el("p", { class: "muted", text: "No discrepancies found." });
  const label = (d) => ix.kinds.kinds[d.kind] || { name: d.kind.replaceAll("_", " "), explain: "" };
  return el("ul", { class: "plain" }, items.map((d) => el("li", { "data-kind": d.kind },
    el("span", { class: `sev ${d.severity}`, text: d.severity, title: ix.kinds.severity[d.severity] || null }), " ",
    el("span", { class: "kind-name", text: label(d).name, title: label(d).explain || null }), " ",
    el("span", { class: d.variant ? "tag variant" : "tag contradiction",
      text: d.variant ? "variant, not a contradiction" : "contradiction" }), " ",
    el("button", { class: "linkish discrepancy", "data-discrepancy": d.id, text: d.description,
      onclick: () => {
        const docs = [...new Set(d.mentions.map((m) => m.doc))];
        ix.showEvidence(["Discrepancy: ", label(d).name, " \u2014 ", bidi(d.description)], docs.map((id) => ({
          doc: id, note: label(d).name, ranges: d.mentions.filter((m) => m.doc === id).map((m) => ({ ...m, cls: "contradicts" })),
        })));
      } }))));
}

function quoteGroups(ix) {
  const groups = new Map();
  for (const q of ix.data.quotes) {
    const ent = q.speaker ? ix.entities.get(q.speaker) : null;
    const name = ent ? ent.name : q.speaker_text || "unattributed";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(q);
  }
  if (!groups.size) return el("p", { class: "muted", text: "No quotes." });
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return el("div", { class: "quotes" }, sorted.map(([name, quotes]) => el("details", { open: sorted.length <= 8 || quotes.length > 1 || null },
    el("summary", {}, el("strong", {}, bidi(name)), ` (${quotes.length})`),
    el("ul", { class: "plain" }, quotes.map((q) => {
      const doc = ix.docs.get(q.doc);
      return el("li", {}, el("button", { class: "linkish quote", "data-quote": q.id, text: `“${q.text}”`,
        onclick: () => {
          const ranges = [{ start: q.start, end: q.end, cls: "quote" }];
          for (const s of [q.speaker_span, q.cue_span]) if (s) ranges.push({ start: s.start, end: s.end, cls: "speaker" });
          ix.showEvidence(["Quote by ", bidi(name)], [{ doc: q.doc, note: q.kind, ranges }]);
        } }), el("span", { class: "muted" }, " — ", bidi(doc ? outletOf(doc) : q.doc), `, ${q.cue || q.kind}`));
    })))));
}

function showEvidence(ix, box, heading, groups) {
  box.replaceChildren(el("h2", {}, heading));
  let first = null;
  for (const g of groups) {
    const doc = ix.docs.get(g.doc);
    if (!doc) continue;
    const body = el("div", { class: "article-text" }, highlighted(doc.text, g.ranges));
    box.append(el("article", { class: "source card", "data-doc": doc.id },
      el("h3", {}, bidi(outletOf(doc)), " ", el("span", { class: `role ${g.note}`, text: g.note })),
      el("div", { class: "muted" }, bidi(doc.title || fileName(doc.source))),
      g.detail ? el("div", { class: "detail", text: g.detail }) : null, body));
    first = first || body.querySelector("mark");
  }
  if (!box.querySelector("article")) box.append(el("p", { class: "muted", text: "No source sentence for this item." }));
  box.scrollIntoView({ block: "start" });
  for (const mark of box.querySelectorAll(".article-text")) {
    const m = mark.querySelector("mark");
    if (m) mark.scrollTop = Math.max(0, m.offsetTop - mark.offsetTop - 40);
  }
}

// ------------------------------------------------------------ charts (SVG built with DOM APIs)

function dayOf(value) {
  if (!value) return null;
  const first = String(value).split("/")[0];
  const t = Date.parse(first.length === 7 ? `${first}-01` : first.slice(0, 10));
  return Number.isNaN(t) ? null : t;
}

function timeline(ix) {
  const items = ix.data.events.filter((e) => dayOf(e.date) !== null)
    .map((e) => ({ t: dayOf(e.date), label: `${e.date}: ${e.action}`, cat: e.category }))
    .sort((a, b) => a.t - b.t).slice(0, 30);
  if (!items.length) return el("p", { class: "muted", text: "No dated events." });
  const lo = items[0].t, hi = items[items.length - 1].t, W = 640, rowH = 22, left = 14;
  const H = items.length * rowH + 30;
  const x = (t) => left + (hi === lo ? 0 : ((t - lo) / (hi - lo)) * 200);
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": "timeline of events" });
  g.append(svg("line", { x1: left, x2: left + 200, y1: H - 12, y2: H - 12, class: "axis" }));
  g.append(svg("text", { x: left, y: H - 1, class: "tick", text: new Date(lo).toISOString().slice(0, 10) }));
  if (hi !== lo) g.append(svg("text", { x: left + 200, y: H - 1, class: "tick", "text-anchor": "end", text: new Date(hi).toISOString().slice(0, 10) }));
  items.forEach((it, i) => {
    const y = 14 + i * rowH;
    g.append(svg("circle", { cx: x(it.t), cy: y, r: 5, class: "dot" }, svg("title", { text: it.cat })));
    g.append(svg("text", { x: left + 215, y: y + 4, class: "label", text: `${it.label} (${it.cat})`.slice(0, 80) }));
  });
  return g;
}

function network(ix) {
  const weight = new Map();
  const edges = new Map();
  for (const e of ix.data.events) {
    for (const s of e.source) for (const t of e.target) {
      if (s === t) continue;
      const key = [s, t].sort().join("|");
      edges.set(key, (edges.get(key) || 0) + 1);
      for (const id of [s, t]) weight.set(id, (weight.get(id) || 0) + 1);
    }
  }
  const nodes = [...weight.keys()].filter((id) => ix.entities.has(id))
    .sort((a, b) => weight.get(b) - weight.get(a)).slice(0, 14);
  if (nodes.length < 2) return el("p", { class: "muted", text: "Not enough actor interactions to draw." });
  const W = 640, H = 420, cx = W / 2, cy = H / 2, R = 150;
  const pos = new Map(nodes.map((id, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": "actor network" });
  for (const [key, n] of edges) {
    const [a, b] = key.split("|");
    if (!pos.has(a) || !pos.has(b)) continue;
    g.append(svg("line", { x1: pos.get(a)[0], y1: pos.get(a)[1], x2: pos.get(b)[0], y2: pos.get(b)[1],
      class: "edge", "stroke-width": Math.min(1 + n, 6) }, svg("title", { text: `${n} event(s)` })));
  }
  for (const id of nodes) {
    const [px, py] = pos.get(id);
    const ent = ix.entities.get(id);
    g.append(svg("circle", { cx: px, cy: py, r: 5 + Math.sqrt(weight.get(id)) * 2, class: `node ${ent.type}` },
      svg("title", { text: `${ent.name} (${ent.type})` })));
    g.append(svg("text", { x: px, y: py + (py < cy ? -14 : 22), class: "label", "text-anchor": "middle", text: ent.name }));
  }
  return g;
}

// ------------------------------------------------------------ router

async function route() {
  const hash = location.hash || "#/";
  const [, view, arg] = hash.match(/^#\/([a-z]*)\/?(.*)$/) || [];
  try {
    if (view === "story" && arg) await viewStory(decodeURIComponent(arg));
    else if (view === "job" && arg) await viewJob(decodeURIComponent(arg));
    else if (view === "add") viewAdd();
    else await viewStories();
  } catch (error) {
    show(errorBox(error));
  }
}

window.addEventListener("hashchange", route);
route();

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
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
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
      storyCache.clear();
      if (job.stories.length) location.hash = `#/story/${encodeURIComponent(job.stories[0])}`;
      else main.append(el("p", { text: "Done, but no story was formed." }));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

// ------------------------------------------------------------ story data

// A story's analysis (report-data: documents with text, claims, quotes...) and the report's own
// view of it (views: key findings, matrix rows, discrepancies with plain names and both sides,
// outlet profiles, grouped quotes, actors, events), fetched once per story and kept while the
// reader moves between its views.
const storyCache = new Map();

async function storyData(storyId) {
  if (!storyCache.has(storyId)) {
    const id = encodeURIComponent(storyId);
    const loading = Promise.all([api(`/stories/${id}/report-data`), api(`/stories/${id}/views`), discrepancyKinds()])
      .then(([data, views, kinds]) => indexData(storyId, data, views, kinds));
    storyCache.set(storyId, loading);
    loading.catch(() => storyCache.delete(storyId));
  }
  return storyCache.get(storyId);
}

function indexData(storyId, data, views, kinds) {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  // the outlet of each document as the report names it (an unnamed outlet by its file name)
  const named = new Map(views.documents.map((d) => [d.doc, d.outlet]));
  const outletName = (d) => named.get(d.id) || outletOf(d);
  const outlets = new Map();
  for (const d of data.story.documents.map((id) => docs.get(id)).filter(Boolean)) {
    if (!outlets.has(outletName(d))) outlets.set(outletName(d), []);
    outlets.get(outletName(d)).push(d);
  }
  return { storyId, data, views, kinds, docs, entities, claims, outlets, outletName };
}

// The plain names of discrepancy kinds and what each severity means (lang/kinds.py), fetched once.
let kindLabels = null;
function discrepancyKinds() {
  if (!kindLabels) kindLabels = api("/discrepancy-kinds").catch((error) => { kindLabels = null; throw error; });
  return kindLabels;
}

function kindName(ix, kind) {
  const label = ix.kinds.kinds[kind];
  return label ? label.name : String(kind || "discrepancy").replaceAll("_", " ");
}

// "#/story/<id>", "#/story/<id>/actor/<entity>" ...: every view of a story has its own address.
function storyHref(storyId, sub, id) {
  let href = `#/story/${encodeURIComponent(storyId)}`;
  if (sub) href += `/${sub}`;
  if (id !== undefined && id !== null) href += `/${encodeURIComponent(id)}`;
  return href;
}

function link(href, attrs, ...children) {
  return el("a", { href, ...attrs }, ...children);
}

function actorLink(ix, id, name) {
  return ix.entities.has(id) ? link(storyHref(ix.storyId, "actor", id), { class: "actor-link" }, bidi(name)) : bidi(name);
}

function outletLink(ix, name) {
  return link(storyHref(ix.storyId, "outlet", name), { class: "outlet-link" }, bidi(name));
}

function backLink(ix) {
  return el("p", { class: "crumbs" }, link(storyHref(ix.storyId), { class: "back" }, "\u2190 ", bidi(ix.views.story.title)));
}

// A document named for a reader: outlet, title (or its first line) and file name; never a path.
const fileName = (source) => (source || "").replace(/[\\/]+$/, "").split(/[\\/]/).pop() || source || "";

function docName(ix, ref) {
  const doc = ix.docs.get(ref.doc);
  const title = ref.title || (doc && doc.title) || firstLine(doc) || "Untitled article";
  return [bidi(ref.outlet || (doc ? ix.outletName(doc) : "")), ": ", link(storyHref(ix.storyId, "document", ref.doc),
    { class: "doc-link" }, bidi(title))];
}

function firstLine(doc) {
  const first = ((doc && doc.text) || "").trim().split("\n")[0].trim();
  return first ? (first.length > 90 ? first.slice(0, 89) + "\u2026" : first) : "";
}

// An article without a stored title shows its first line (usually the headline of a plain-text
// article), in italics, with the file name on hover; never a bare file name.
function docTitle(d) {
  if (d.title) return el("div", { class: "doc-title" }, bidi(d.title));
  return el("div", { class: "doc-title untitled", title: fileName(d.source) }, bidi(firstLine(d) || "Untitled article"));
}

function section(title, body, id) {
  return el("section", { class: "block", id: id || null }, el("h2", { text: title }), body);
}

function signed(v) {
  return `${v >= 0 ? "+" : "\u2212"}${Math.abs(v).toFixed(2)}`;
}

// ------------------------------------------------------------ views: story page

async function viewStory(storyId, then) {
  const ix = await storyData(storyId);
  const v = ix.views;
  const evidence = el("section", { id: "evidence", class: "evidence" },
    el("p", { class: "muted", text: "Click a claim, a quote or a discrepancy to see the source sentences." }));
  ix.showEvidence = (heading, groups) => showEvidence(ix, evidence, heading, groups);
  const dated = v.events.filter((e) => e.first).length;
  show(
    el("h1", { id: "story-title" }, bidi(v.story.title)),
    el("p", { class: "muted" }, `${plural(v.findings.documents, "article")} from ${plural(v.findings.outlets, "outlet")} · `,
      link(storyHref(storyId, "timeline"), { id: "open-timeline" }, `Timeline (${plural(dated, "dated event")})`)),
    v.lineage.map((l) => el("p", { class: "lineage muted" }, l.note, l.stories.length ? [" ", bidiList(l.stories, ", "), "."] : [])),
    keyFindings(ix),
    el("div", { class: "split" },
      el("div", { class: "left" },
        section("Discrepancies", discrepancyList(ix), "discrepancies"),
        section("Claims × outlets", claimMatrix(ix), "claims"),
        section("Quotes by speaker", quoteGroups(ix), "quotes"),
        section("Outlets side by side", outletSection(ix), "outlets"),
        section("Documents, copies and rewrites", documentList(ix), "documents"),
        section("Timeline", timelinePreview(ix), "timeline"),
        section("Actors", actorSection(ix), "actors")),
      el("div", { class: "right" }, evidence)));
  if (then) then(ix);
}

// ------------------------------------------------------------ key findings (report/findings.py via the API)

const FINDING_GROUPS = [
  ["serious", "Most serious discrepancies", "No discrepancies found between the outlets.", "under Discrepancies"],
  ["agreed", "What most outlets agree on", "No fact is reported by most outlets.", "in the claims table"],
  ["contested", "Contested", "No claim is contradicted by another outlet.", "in the claims table"],
  ["single", "Resting on a single source", "No fact rests on a single source.", "in the claims table"],
];

function findingHref(ix, target) {
  if (target.kind === "claim") return storyHref(ix.storyId, "claim", target.id);
  if (target.kind === "discrepancy") return storyHref(ix.storyId, "discrepancy", target.id);
  if (target.kind === "document") return storyHref(ix.storyId, "document", target.id);
  return storyHref(ix.storyId);
}

function keyFindings(ix) {
  const f = ix.views.findings;
  const copies = f.copies.length;
  const box = el("section", { class: "findings block", id: "findings" }, el("h2", { text: "Key findings" }),
    el("p", { class: "muted" }, `${plural(f.documents, "document")} from ${plural(f.outlets, "outlet")}`,
      copies ? `, ${copies} of them ${copies === 1 ? "a copy or rewrite" : "copies or rewrites"} of another` : "", "."));
  const grid = el("div", { class: "finding-groups" });
  for (const [key, title, empty, where] of FINDING_GROUPS) {
    const g = f[key];
    grid.append(el("div", { class: "finding-group", "data-group": key },
      el("h3", {}, title, g.total ? el("span", { class: "muted", text: ` (${g.total})` }) : null),
      g.items.length ? el("ul", { class: "plain" }, g.items.map((item) => el("li", {},
        link(findingHref(ix, item.target), { class: "finding", "data-target": item.target.kind }, item.text),
        el("span", { class: "muted" }, " \u2014 ", item.note, item.only.length ? [" ", bidiList(item.only, ", ")] : [])))) :
        el("p", { class: "muted", text: empty }),
      g.total > g.items.length ? el("p", { class: "muted", text: `${g.total - g.items.length} more ${where} below.` }) : null));
  }
  grid.append(el("div", { class: "finding-group", "data-group": "copies" },
    el("h3", {}, "Copies and rewrites", copies ? el("span", { class: "muted", text: ` (${copies})` }) : null),
    copies ? el("ul", { class: "plain" }, f.copies.map((c) => el("li", {},
      docName(ix, c.copy), " repeats ", docName(ix, c.original), el("span", { class: "muted" }, " \u2014 ", c.evidence))))
      : el("p", { class: "muted", text: "Every document reads as independent." })));
  box.append(grid);
  return box;
}

// ------------------------------------------------------------ claims matrix (report/views.py rows via the API)

const CLAIM_PAGE = 25;

function cellLegend(ix) {
  return el("p", { class: "legend muted" }, ix.views.legend.map((item) =>
    el("span", { class: "legend-item" }, el("span", { class: `cell ${item.state === "variant" ? "supported variant" : item.state}`,
      text: item.symbol }), item.state === "variant" ? ` ${item.label}` : ` ${item.state}: ${item.label}`)),
    el("span", { class: "legend-item" }, el("span", { class: "cell contradicted", text: "\u2717" }),
      " a contradicting cell links to its discrepancy"),
    el("span", { class: "legend-item" }, el("span", { class: "tag single", text: "single source" }),
      " only one independent outlet supports it"),
    el("span", { class: "legend-item" }, el("span", { class: "tag", text: "opinion" }), " a view, not a checkable fact"),
    el("span", { class: "legend-item" }, el("span", { class: "tag modality", text: MODALITY.expectation }),
      " a plan or preview: it never supports what then happened"),
    el("span", { class: "legend-item" }, el("span", { class: "tag modality", text: MODALITY.hypothetical }),
      " / ", el("span", { class: "tag modality", text: MODALITY.denial }), " supported only by the same kind of statement"));
}

// what kind of statement a claim is, when it is not a plain statement of fact
const MODALITY = { expectation: "plan / preview", hypothetical: "hypothetical", denial: "denial" };

function claimMatrix(ix) {
  const m = ix.views.matrix;
  if (!m.rows.length) return el("p", { class: "muted", text: "No claims." });
  const head = el("tr", {}, el("th", { text: "Claim" }), m.columns.map((c) => el("th", { class: "col" }, bidi(c.outlet))));
  const row = (r) => {
    const claim = ix.claims.get(r.claim);
    return el("tr", { "data-claim-row": r.claim },
      el("td", {}, claim ? el("button", { class: "linkish claim", "data-claim": r.claim, text: r.text,
        onclick: () => showClaim(ix, claim) }) : r.text,
      r.kind !== "factual" ? [" ", el("span", { class: "tag", text: r.kind })] : null,
      r.single_source ? [" ", el("span", { class: "tag single", text: "single source" })] : null,
      MODALITY[r.modality] ? [" ", el("span", { class: "tag modality", text: MODALITY[r.modality] })] : null,
      r.modality === "attributed" && r.attributed_to ? el("span", { class: "muted", text: ` (says ${r.attributed_to})` }) : null,
      r.independent_support ? el("span", { class: "muted", text: ` (${r.independent_support} independent)` }) : null),
      r.cells.map((cell) => el("td", { class: `cell ${cell.state}${cell.variant ? " variant" : ""}`, title: cell.tip,
        "data-state": cell.state },
        cell.discrepancy ? link(storyHref(ix.storyId, "discrepancy", cell.discrepancy), { class: "cell-link",
          "aria-label": `${cell.tip} (open the discrepancy)` }, cell.symbol) : cell.symbol)));
  };
  const body = el("tbody", {}, m.rows.slice(0, CLAIM_PAGE).map(row));
  const wrap = el("div", {}, cellLegend(ix),
    el("div", { class: "scroll" }, el("table", { class: "matrix" }, el("thead", {}, head), body)));
  if (m.rows.length > CLAIM_PAGE) {
    const more = el("button", { class: "more", id: "more-claims", text: `Show all ${m.rows.length} claims`,
      onclick: () => { body.append(...m.rows.slice(CLAIM_PAGE).map(row)); more.remove(); } });
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
      const disc = ix.data.discrepancies.find((d) => d.id === cell.discrepancy);
      detail = [`${kindName(ix, disc ? disc.kind : "discrepancy")}: “${cell.span.text}” here vs “${cell.other.text}” in `,
        bidi(ix.outletName(ix.docs.get(cell.other.doc) || {})), disc ? [" \u00b7 ", link(storyHref(ix.storyId, "discrepancy", disc.id),
          { class: "disc-link" }, "open the discrepancy")] : null];
    } else if (cell && cell.state === "related" && cell.span) {
      spans = [cell.span];  // a related document: its closest sentence
    }
    groups.push({ doc: id, note: role(id), detail, ranges: spans.map((m) => ({ ...m, cls: role(id) })) });
  }
  ix.showEvidence(["Claim: ", bidi(claim.text)], groups);
}

// ------------------------------------------------------------ discrepancies (report/views.py via the API)

function sideSentence(side) {
  return el("p", { class: "side-text" }, side.cut_before ? "\u2026" : "", side.before,
    el("mark", { class: "contradicts", text: side.marked }), side.after, side.cut_after ? "\u2026" : "");
}

function discrepancyHead(ix, d) {
  return [
    el("span", { class: `sev ${d.severity}`, text: d.severity, title: d.severity_meaning || ix.kinds.severity[d.severity] || null }), " ",
    el("span", { class: "kind-name", text: d.name, title: d.explain || null }), " ",
    el("span", { class: d.variant ? "tag variant" : "tag contradiction",
      text: d.variant ? "variant, not a contradiction" : "contradiction" })];
}

function discrepancySides(ix, d) {
  if (!d.sides.length) return el("p", { class: "muted", text: "No text spans recorded for this discrepancy." });
  return el("div", { class: "sides" }, d.sides.map((s) => el("div", { class: "side" },
    el("div", { class: "who muted" }, docName(ix, { doc: s.doc, outlet: s.outlet }), s.exact ? "" : " (offsets do not match the text)"),
    sideSentence(s))));
}

function showDiscrepancy(ix, d) {
  const docs = [...new Set(d.mentions.map((m) => m.doc))];
  ix.showEvidence(["Discrepancy: ", d.name, " \u2014 ", d.description], docs.map((id) => ({
    doc: id, note: d.name, ranges: d.mentions.filter((m) => m.doc === id).map((m) => ({ ...m, cls: "contradicts" })),
  })));
}

// Most severe first (contradictions before variants), each under its plain name, with both sides.
function discrepancyList(ix) {
  const items = ix.views.discrepancies;
  if (!items.length) return el("p", { class: "muted", text: "No discrepancies found." });
  return el("ul", { class: "plain discrepancies" }, items.map((d) => el("li", { "data-kind": d.kind, id: `disc-${d.id}` },
    discrepancyHead(ix, d), " ",
    el("button", { class: "linkish discrepancy", "data-discrepancy": d.id, text: d.description,
      onclick: () => showDiscrepancy(ix, d) }), " ",
    link(storyHref(ix.storyId, "discrepancy", d.id), { class: "open-disc" }, "details \u2192"),
    discrepancySides(ix, d))));
}

async function viewDiscrepancy(storyId, discId) {
  const ix = await storyData(storyId);
  const d = ix.views.discrepancies.find((x) => x.id === discId);
  if (!d) throw new Error(`no discrepancy ${discId} in this story`);
  const evidence = el("section", { id: "evidence", class: "evidence wide" });
  ix.showEvidence = (heading, groups) => showEvidence(ix, evidence, heading, groups, false);
  show(backLink(ix),
    el("h1", { id: "disc-title" }, d.name),
    el("p", {}, discrepancyHead(ix, d)),
    el("p", { class: "muted", text: `${d.severity} severity: ${d.severity_meaning}` }),
    d.explain ? el("p", { class: "muted", text: d.explain }) : null,
    el("p", { class: "description", text: d.description }),
    d.claims.length ? el("div", {}, el("h2", { text: d.claims.length > 1 ? "Claims concerned" : "Claim concerned" }),
      el("ul", { class: "plain" }, d.claims.map((c) => el("li", {}, link(storyHref(storyId, "claim", c.id), { class: "claim-link" }, c.text)))))
      : null,
    section("What each side says", discrepancySides(ix, d), "sides"),
    evidence);
  showDiscrepancy(ix, d);
  window.scrollTo(0, 0);
}

// ------------------------------------------------------------ quotes

// Direct quotes in quotation marks; reported (indirect) speech never is.
function quoteText(entry) {
  return entry.kind === "direct" ? `\u201c${entry.text}\u201d` : entry.text;
}

function showQuoteEntry(ix, entry, speaker) {
  ix.showEvidence([entry.kind === "direct" ? "Quote by " : "Reported speech of ", bidi(speaker)], entry.quotes.map((q) => {
    const ranges = [{ start: q.start, end: q.end, cls: "quote" }];
    for (const s of [q.speaker_span, q.cue_span]) if (s) ranges.push({ start: s.start, end: s.end, cls: "speaker" });
    return { doc: q.doc, note: entry.kind, ranges };
  }));
}

function quoteEntry(ix, entry, speaker) {
  const many = entry.outlets.length > 1;
  return el("li", { class: `quote-entry ${entry.kind}`, "data-outlets": entry.outlets.length },
    el("button", { class: `linkish quote ${entry.kind}`, "data-quote": entry.quotes[0].id, text: quoteText(entry),
      onclick: () => showQuoteEntry(ix, entry, speaker) }),
    el("span", { class: "muted" }, " \u2014 ", entry.kind === "direct" ? "" : "reported speech, ",
      many ? [`the same words in ${entry.outlets.length} outlets: `, bidiList(entry.outlets, ", ")] : bidi(entry.outlets[0]),
      entry.cue ? `, ${entry.cue}` : ""));
}

function quoteGroups(ix) {
  const groups = ix.views.quotes;
  const scare = ix.views.scare_quotes;
  if (!groups.length && !scare.length) return el("p", { class: "muted", text: "No quotes." });
  const open = groups.length <= 8;
  return el("div", { class: "quotes" },
    el("p", { class: "muted", text: "Direct quotes are in quotation marks; reported speech (what someone said, in the outlet's words) is not." }),
    groups.map((g) => {
      const count = g.entries.reduce((n, e) => n + e.quotes.length, 0);
      return el("details", { open: open || count > 1 || null, "data-speaker": g.entity || g.name },
        el("summary", {}, el("strong", {}, g.entity ? actorLink(ix, g.entity, g.name) : bidi(g.name)), ` (${count})`),
        g.speaker_texts.length ? el("p", { class: "muted" }, "Named as: ", bidiList(g.speaker_texts, "; ")) : null,
        el("ul", { class: "plain" }, g.entries.map((e) => quoteEntry(ix, e, g.name))));
    }),
    scare.length ? el("details", { class: "scare", open: null },
      el("summary", {}, el("strong", { text: "Words in quotation marks without a speaker" }), ` (${scare.length})`),
      el("p", { class: "muted", text: "Scare quotes: a word or phrase an outlet sets apart in quotation marks, attributed to nobody. Not quotes of what someone said." }),
      el("ul", { class: "plain" }, scare.map((e) => el("li", { class: "scare-entry" },
        el("button", { class: "linkish scare-quote", text: `\u2018${e.text}\u2019`,
          onclick: () => showQuoteEntry(ix, e, "nobody (scare quote)") }),
        el("span", { class: "muted" }, " \u2014 ", bidiList(e.outlets, ", ")))))) : null);
}

// ------------------------------------------------------------ outlets, tone

const TONE_NOTE = "Tone is the mean sentiment score of an outlet's own sentences (quotations left out), " +
  "from \u22121 (negative wording) through 0 (neutral) to +1 (positive wording). It describes word choice only: " +
  "it does not say whether the reporting is accurate, fair or biased, nor what the outlet thinks of anyone.";

// A bar from the centre (0) of a −1 … +1 track to the value, drawn with CSS (no inline styles).
function toneBar(value) {
  const track = el("span", { class: "tone-track", "aria-hidden": "true" }, el("span", { class: "tone-zero" }));
  if (value !== null && value !== undefined) {
    const bar = el("span", { class: `tone-bar ${value >= 0 ? "pos" : "neg"}` });
    const width = Math.min(1, Math.abs(value)) * 50;
    bar.style.width = `${width}%`;
    bar.style.left = value >= 0 ? "50%" : `${50 - width}%`;
    track.append(bar);
  }
  return track;
}

function toneScale() {
  return el("div", { class: "tone-row tone-scale muted", "aria-hidden": "true" }, el("span", { class: "tone-name" }),
    el("span", { class: "tone-axis" }, el("span", { text: "\u22121 negative" }), el("span", { text: "0" }),
      el("span", { text: "+1 positive" })), el("span", { class: "tone-value" }));
}

function toneChart(rows, caption, note = true) {
  if (!rows.length) return el("p", { class: "muted", text: "No tone scores." });
  return el("figure", { class: "tone-chart" }, el("figcaption", { text: caption }), toneScale(),
    rows.map(([name, value]) => el("div", { class: "tone-row" }, el("span", { class: "tone-name" }, name),
      toneBar(value), el("span", { class: "tone-value", text: value === null ? "n/a" : signed(value) }))),
    note ? el("p", { class: "muted tone-note", text: TONE_NOTE }) : null);
}

function outletSection(ix) {
  const profiles = new Map(ix.views.outlets.map((o) => [o.name, o]));
  const wrap = el("div", { class: "outlets" });
  for (const [name, docs] of ix.outlets) {
    const o = profiles.get(name);
    wrap.append(el("div", { class: "outlet card" }, el("h3", {}, outletLink(ix, name)),
      o ? el("div", { class: "muted" }, `tone ${o.tone === null ? "n/a" : signed(o.tone)} · covers ${o.covered} claims, omits ${o.omitted}`) : null,
      docs.map((d) => el("div", { class: "doc" },
        docTitle(d),
        el("div", { class: "muted" }, [d.published, (d.authors || []).length ? bidiList(d.authors, ", ") : null, d.genre]
          .filter(Boolean).flatMap((part, i) => (i ? [" · ", part] : [part]))),
        el("div", { class: "muted" },
          `${plural(ix.data.claims.filter((c) => c.support.includes(d.id)).length, "claim")} · ${plural(ix.data.quotes.filter((q) => q.doc === d.id).length, "quote")}`,
          d.url ? [" · ", safeLink(d.url, "source")] : [])))));
  }
  return el("div", {},
    toneChart(ix.views.outlets.map((o) => [outletLink(ix, o.name), o.tone]), "Overall tone by outlet"), wrap);
}

async function viewOutlet(storyId, name) {
  const ix = await storyData(storyId);
  const o = ix.views.outlets.find((x) => x.name === name);
  if (!o) throw new Error(`no outlet ${JSON.stringify(name)} in this story`);
  const evidence = el("section", { id: "evidence", class: "evidence wide" });
  ix.showEvidence = (heading, groups) => showEvidence(ix, evidence, heading, groups);
  const docs = ix.views.documents.filter((d) => d.outlet === name);
  const top = Math.max(1, ...o.quoted.map((q) => q.count));
  show(backLink(ix),
    el("h1", { id: "outlet-title" }, bidi(o.name)),
    el("p", { class: "muted" }, `${plural(o.documents, "article")} · ${o.genres.join(", ") || "genre unknown"}`),
    el("ul", { class: "plain facts" },
      el("li", { text: `Covers ${o.covered} of the story's claims and omits ${o.omitted}.` }),
      el("li", { text: `Supports ${o.supports} claims; contradicts ${o.contradicts}.` })),
    section("Articles", el("ul", { class: "plain" }, docs.map((d) => el("li", {}, docName(ix, d),
      el("span", { class: "muted" }, ` \u00b7 file ${d.file || "?"}${d.published ? ` \u00b7 ${d.published}` : ""}`),
      d.derived_from.map((x) => el("div", { class: "muted" }, "copies or rewrites ", docName(ix, x), ` (${x.evidence})`)))))),
    section("Tone", el("div", {},
      toneChart([["overall", o.tone]], `Overall tone of ${o.name}`),
      o.tone_toward.length ? toneChart(o.tone_toward.map((t) => [bidi(t.name), t.tone]),
        "Tone of the sentences that name each actor (the strongest six)", false) : null,
      o.tone_method ? el("p", { class: "muted" }, "How sentences were scored: ", o.tone_method) : null,
      el("h3", { text: "Evidence: its most strongly toned sentences" }),
      o.tone_evidence.length ? el("ul", { class: "plain tone-evidence" }, o.tone_evidence.map((e) => el("li", {},
        el("button", { class: "linkish tone-sentence", text: e.text,
          onclick: () => ix.showEvidence(["Toned sentence in ", bidi(o.name)], [{ doc: e.doc, note: `tone ${signed(e.score)}`,
            ranges: [{ start: e.start, end: e.end, cls: "tone" }] }]) }),
        el("span", { class: "muted", text: ` (score ${signed(e.score)})` }))))
        : el("p", { class: "muted", text: "No scored sentences." })), "tone"),
    section("Whom it quotes", o.quoted.length ? el("div", { class: "hbars" }, el("p", { class: "muted", text: "Number of quotes per speaker." }),
      o.quoted.map((q) => {
        const bar = el("span", { class: "hbar" });
        bar.style.width = `${(100 * q.count) / top}%`;
        return el("div", { class: "hbar-row" }, el("span", { class: "hbar-name" }, bidi(q.name)),
          el("span", { class: "hbar-track" }, bar), el("span", { class: "hbar-value", text: String(q.count) }));
      })) : el("p", { class: "muted", text: "No quotes." })),
    evidence);
  window.scrollTo(0, 0);
}

// ------------------------------------------------------------ documents

function documentList(ix) {
  return el("ul", { class: "plain documents" }, ix.views.documents.map((d) => el("li", { "data-doc": d.doc },
    docName(ix, d), el("span", { class: "muted" }, ` \u00b7 file ${d.file || "?"}`),
    d.derived_from.length ? d.derived_from.map((x) => el("div", { class: "derived" },
      el("span", { class: "tag", text: "copy or rewrite" }), " of ", docName(ix, x),
      el("span", { class: "muted", text: ` \u2014 score ${x.score.toFixed(2)}: ${x.evidence}` })))
      : el("span", { class: "muted", text: " \u00b7 independent" }))));
}

async function viewDocument(storyId, docId) {
  const ix = await storyData(storyId);
  const d = ix.views.documents.find((x) => x.doc === docId);
  const doc = ix.docs.get(docId);
  if (!d || !doc) throw new Error(`no document ${docId} in this story`);
  const copies = ix.views.documents.filter((x) => x.derived_from.some((y) => y.doc === docId));
  show(backLink(ix),
    el("h1", { id: "document-title" }, bidi(d.title || firstLine(doc) || "Untitled article")),
    el("p", { class: "muted" }, outletLink(ix, d.outlet), ` \u00b7 file ${d.file || "?"}`,
      d.published ? ` \u00b7 ${d.published}` : "", d.genre ? ` \u00b7 ${d.genre}` : "",
      d.authors.length ? [" \u00b7 ", bidiList(d.authors, ", ")] : [], d.url ? [" \u00b7 ", safeLink(d.url, "source")] : []),
    d.derived_from.map((x) => el("p", { class: "derived" }, el("span", { class: "tag", text: "copy or rewrite" }), " of ",
      docName(ix, x), el("span", { class: "muted", text: ` \u2014 score ${x.score.toFixed(2)}: ${x.evidence}` }))),
    copies.map((x) => el("p", { class: "derived" }, "Copied or rewritten by ", docName(ix, x))),
    el("div", { class: "article-text full", text: doc.text }));
  window.scrollTo(0, 0);
}

// ------------------------------------------------------------ evidence pane

function showEvidence(ix, box, heading, groups, scroll = true) {
  box.replaceChildren(el("h2", {}, heading));
  for (const g of groups) {
    const doc = ix.docs.get(g.doc);
    if (!doc) continue;
    const body = el("div", { class: "article-text" }, highlighted(doc.text, g.ranges));
    box.append(el("article", { class: "source card", "data-doc": doc.id },
      el("h3", {}, bidi(ix.outletName(doc)), " ", el("span", { class: `role ${g.note}`, text: g.note })),
      el("div", { class: "muted" }, bidi(doc.title || firstLine(doc) || fileName(doc.source))),
      g.detail ? el("div", { class: "detail" }, g.detail) : null, body));
  }
  if (!box.querySelector("article")) box.append(el("p", { class: "muted", text: "No source sentence for this item." }));
  if (scroll) box.scrollIntoView({ block: "start" });
  for (const text of box.querySelectorAll(".article-text")) {
    const m = text.querySelector("mark");
    if (m) text.scrollTop = Math.max(0, m.offsetTop - text.offsetTop - 40);
  }
}

// ------------------------------------------------------------ timeline (events with actors and outlets)

const CATEGORY_COLOURS = ["#1f5fae", "#b3261e", "#1e7a3c", "#a05a00", "#6a3d9a", "#00838f", "#c2185b", "#5d4037", "#455a64", "#827717"];

function categoryColours(events) {
  const cats = [...new Set(events.map((e) => e.category))].sort();
  return new Map(cats.map((c, i) => [c, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]]));
}

const DAY = 86400000;
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

function actorsOf(ix, names, ids) {
  return names.flatMap((name, i) => [i ? " & " : "", ids[i] ? actorLink(ix, ids[i], name) : bidi(name)]);
}

function eventLabel(ix, e) {
  return [actorsOf(ix, e.source, e.source_ids), " ", el("strong", { text: e.action }), " ", actorsOf(ix, e.target, e.target_ids),
    el("span", { class: "muted" }, ` (${e.category}${e.date_text ? `, \u201c${e.date_text}\u201d` : ""}) \u00b7 `,
      e.outlets.flatMap((o, i) => [i ? ", " : "", outletLink(ix, o)]))];
}

// Each dated event is a bar over its day or period on a shared time axis, labelled with who did
// what to whom and which outlets report it. HTML rows (not an SVG scaled down), so the labels
// stay at the page's type size on a phone.
function timelineChart(ix, events, colours) {
  if (!events.length) return el("p", { class: "muted", text: "No dated events." });
  const lo = Math.min(...events.map((e) => dayOf(e.first)));
  const hi = Math.max(...events.map((e) => dayOf(e.last))) + DAY;
  const pos = (t) => (100 * (t - lo)) / (hi - lo);
  const axis = el("div", { class: "tl-row tl-axis muted" }, el("span", { class: "tl-date", text: "Date" }),
    el("span", { class: "tl-ticks" }, el("span", { text: isoDay(lo) }),
      hi - lo > 2 * DAY ? el("span", { text: isoDay(lo + Math.floor((hi - lo) / DAY / 2) * DAY) }) : null,
      el("span", { text: isoDay(hi - DAY) })),
    el("span", { class: "tl-label", text: "Who did what, to whom \u00b7 outlets reporting it" }));
  return el("figure", { class: "timeline-chart" },
    el("figcaption", { text: `${plural(events.length, "dated event")}, ${isoDay(lo)} to ${isoDay(hi - DAY)}; bar: the day or period the event's date names; colour: its category` }),
    axis,
    events.map((e) => {
      const bar = el("span", { class: "tl-bar", title: e.category });
      bar.style.left = `${pos(dayOf(e.first))}%`;
      bar.style.width = `${Math.max(1.5, pos(dayOf(e.last) + DAY) - pos(dayOf(e.first)))}%`;
      bar.style.background = colours.get(e.category);
      return el("div", { class: "tl-row", "data-event": e.id },
        el("span", { class: "tl-date", text: e.first === e.last ? e.first : `${e.first} \u2013 ${e.last}` }),
        el("span", { class: "tl-track" }, bar), el("span", { class: "tl-label" }, eventLabel(ix, e)));
    }),
    categoryLegend(colours));
}

function categoryLegend(colours) {
  return el("p", { class: "legend muted" }, "Categories (PLOVER event types): ", [...colours].map(([cat, colour]) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    return el("span", { class: "legend-item" }, swatch, ` ${cat}`);
  }));
}

const TIMELINE_PREVIEW = 8;

function timelinePreview(ix) {
  const dated = ix.views.events.filter((e) => e.first);
  const colours = categoryColours(dated.slice(0, TIMELINE_PREVIEW));
  return el("div", {}, timelineChart(ix, dated.slice(0, TIMELINE_PREVIEW), colours),
    el("p", {}, link(storyHref(ix.storyId, "timeline"), { class: "open-timeline" },
      `The whole timeline: ${plural(dated.length, "dated event")}, ${ix.views.events.length - dated.length} undated \u2192`)));
}

async function viewTimeline(storyId) {
  const ix = await storyData(storyId);
  const dated = ix.views.events.filter((e) => e.first);
  const undated = ix.views.events.filter((e) => !e.first);
  show(backLink(ix), el("h1", { id: "timeline-title", text: "Timeline of events" }),
    el("div", { class: "block" }, timelineChart(ix, dated, categoryColours(dated))),
    section("Events without a date", undated.length ? el("ul", { class: "plain undated" }, undated.map((e) =>
      el("li", { "data-event": e.id }, eventLabel(ix, e)))) : el("p", { class: "muted", text: "None." })));
  window.scrollTo(0, 0);
}

// ------------------------------------------------------------ actors: network and pages

function actorSection(ix) {
  const shown = ix.views.entities.slice(0, 30);
  return el("div", {}, network(ix),
    el("h3", { text: "Most mentioned actors" }),
    el("ul", { class: "plain actors" }, shown.map((e) => el("li", { "data-entity": e.id }, actorLink(ix, e.id, e.name),
      el("span", { class: "muted", text: ` \u2014 ${e.type}${e.roles.length ? `; ${e.roles.join(", ")}` : ""}${e.country ? `; ${e.country}` : ""}; ${plural(e.mentions, "mention")}` })))),
    ix.views.entities.length > shown.length ? el("p", { class: "muted", text: `${ix.views.entities.length - shown.length} less-mentioned actors are not listed.` }) : null);
}

const NODE_TYPES = [["PERSON", "person"], ["ORG", "organisation"], ["GPE", "country, city or state"], ["other", "other"]];
const NETWORK_DRAWN = 20;  // the most-mentioned actors drawn; more make the labels unreadable on a phone

// The report's actor network (figures.network and its layout, via the API): circles sized by
// mentions, grey lines for actors named in one sentence, arrows for events (source acts on target).
function labelPlace(angle, x, y, gap) {
  const c = Math.cos(angle), s = Math.sin(angle);
  const anchor = Math.abs(c) < 0.3 ? "middle" : c > 0 ? "start" : "end";
  return { x: x + c * gap, y: y + s * gap + (s > 0.3 ? 11 : s < -0.3 ? -3 : 5), "text-anchor": anchor };
}

function network(ix) {
  const all = ix.views.network.nodes;
  const nodes = all.slice(0, NETWORK_DRAWN);
  if (nodes.length < 2) return el("p", { class: "muted", text: "Not enough actors to draw a network." });
  // on a circle, most mentioned first from the top, each label outside the circle
  const W = 720, H = 480, cx = W / 2, cy = H / 2, R = 170;
  const top = Math.max(...nodes.map((n) => n.mentions));
  const at = new Map(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, { n, angle, x: cx + R * Math.cos(angle), y: cy + R * Math.sin(angle), r: 5 + 11 * Math.sqrt(n.mentions / top) }];
  }));
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "img",
    "aria-label": "actor network: the most mentioned actors and the links between them" },
  svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
    markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }))));
  for (const kind of ["sentence", "event"]) {
    for (const e of ix.views.network.edges) {
      const a = at.get(e.a), b = at.get(e.b);
      if (e.kind !== kind || !a || !b || a === b) continue;
      const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 1e-3);
      const ux = (b.x - a.x) / d, uy = (b.y - a.y) / d;
      const line = svg("line", { x1: a.x + ux * a.r, y1: a.y + uy * a.r, x2: b.x - ux * (b.r + 2), y2: b.y - uy * (b.r + 2),
        class: `edge ${kind}`, "stroke-width": Math.min(1 + Math.log(e.weight) * 1.5, 6) },
      svg("title", { text: `${a.n.name} \u2192 ${b.n.name}: ${kind === "event" ? "events" : "named in one sentence"} \u00d7${e.weight}` }));
      if (kind === "event") line.setAttribute("marker-end", "url(#arrow)");
      g.append(line);
    }
  }
  for (const { n, angle, x, y, r } of at.values()) {
    const type = ["PERSON", "ORG", "GPE"].includes(n.type) ? n.type : "other";
    const href = storyHref(ix.storyId, "actor", n.id);
    g.append(svg("g", { class: "node-link", "data-entity": n.id, tabindex: 0, role: "link", "aria-label": n.name,
      onclick: () => { location.hash = href; }, onkeydown: (ev) => { if (ev.key === "Enter") location.hash = href; } },
    svg("circle", { cx: x, cy: y, r, class: `node ${type}` }, svg("title", { text: `${n.name} (${n.type}), ${plural(n.mentions, "mention")}` })),
    svg("text", { ...labelPlace(angle, x, y, r + 5), class: "label",
      text: n.name.length > 22 ? `${n.name.slice(0, 21)}\u2026` : n.name })));
  }
  const legend = el("p", { class: "legend muted" }, NODE_TYPES.map(([type, label]) =>
    el("span", { class: "legend-item" }, el("span", { class: `swatch node-${type}` }), ` ${label}`)),
  " Circle size: number of mentions. Grey line: named in the same sentence (only the strongest links). " +
  "Arrow: the source acts on the target in an event. Click an actor for its page.");
  return el("figure", { class: "network-figure" }, el("div", { class: "scroll" }, g), legend,
    all.length > nodes.length ? el("p", { class: "muted", text: `${all.length - nodes.length} less-mentioned actors are not drawn; the list below has them.` }) : null);
}

async function viewActor(storyId, entityId) {
  const ix = await storyData(storyId);
  const ent = ix.entities.get(entityId);
  if (!ent) throw new Error(`no actor ${entityId} in this story`);
  const listed = ix.views.entities.find((e) => e.id === entityId);
  const evidence = el("section", { id: "evidence", class: "evidence wide" });
  ix.showEvidence = (heading, groups) => showEvidence(ix, evidence, heading, groups);
  const group = ix.views.quotes.find((g) => g.entity === entityId);
  const events = ix.views.events.filter((e) => e.source_ids.includes(entityId) || e.target_ids.includes(entityId));
  const toward = ix.views.outlets.flatMap((o) => o.tone_toward.filter((t) => t.name === ent.name).map((t) => [outletLink(ix, o.name), t.tone]));
  const outlets = [...new Set(ent.mentions.filter((m) => ix.docs.has(m.doc)).map((m) => ix.outletName(ix.docs.get(m.doc))))];
  const evidenceRows = Object.entries(ent.evidence || {});
  show(backLink(ix),
    el("h1", { id: "actor-title" }, bidi(ent.name)),
    el("dl", { class: "facts" },
      el("dt", { text: "Type" }), el("dd", { text: ent.type }),
      ent.aliases.length ? [el("dt", { text: "Also named" }), el("dd", {}, bidiList(ent.aliases, ", "))] : null,
      el("dt", { text: "Roles" }), el("dd", { text: ent.roles.length ? ent.roles.join(", ") : "none found" }),
      el("dt", { text: "Country" }), el("dd", { text: ent.country || "not known" }),
      evidenceRows.map(([what, why]) => [el("dt", { text: `Evidence (${what})` }), el("dd", { class: "evidence-note", text: why })]),
      el("dt", { text: "Mentioned by" }), el("dd", {}, outlets.flatMap((o, i) => [i ? ", " : "", outletLink(ix, o)]),
        listed ? ` (${plural(listed.mentions, "mention")})` : "")),
    section("Quotes", group ? el("ul", { class: "plain" }, group.entries.map((e) => quoteEntry(ix, e, ent.name)))
      : el("p", { class: "muted", text: "No quotes from this actor." }), "actor-quotes"),
    section("Events", events.length ? el("ul", { class: "plain" }, events.map((e) => el("li", { "data-event": e.id },
      el("span", { class: "muted", text: e.first ? `${e.first === e.last ? e.first : `${e.first} \u2013 ${e.last}`}: ` : "undated: " }),
      eventLabel(ix, e)))) : el("p", { class: "muted", text: "No events name this actor." }), "actor-events"),
    section("Tone of the sentences that name it", toward.length ? toneChart(toward, `Tone toward ${ent.name}, by outlet`)
      : el("p", { class: "muted", text: "No outlet's tone is measured toward this actor (only each outlet's strongest six are kept)." })),
    evidence);
  window.scrollTo(0, 0);
}

// ------------------------------------------------------------ router

async function route() {
  const hash = location.hash || "#/";
  const [, view, arg] = hash.match(/^#\/([a-z]*)\/?(.*)$/) || [];
  try {
    if (view === "story" && arg) {
      const [sid, sub, ...rest] = arg.split("/");
      const storyId = decodeURIComponent(sid);
      const id = decodeURIComponent(rest.join("/"));
      if (sub === "discrepancy") await viewDiscrepancy(storyId, id);
      else if (sub === "actor") await viewActor(storyId, id);
      else if (sub === "outlet") await viewOutlet(storyId, id);
      else if (sub === "document") await viewDocument(storyId, id);
      else if (sub === "timeline") await viewTimeline(storyId);
      else if (sub === "claim") {
        await viewStory(storyId, (ix) => {
          const claim = ix.claims.get(id);
          if (claim) showClaim(ix, claim);
        });
      } else {
        await viewStory(storyId);
        window.scrollTo(0, 0);
      }
    } else if (view === "job" && arg) await viewJob(decodeURIComponent(arg));
    else if (view === "add") viewAdd();
    else {
      storyCache.clear();
      await viewStories();
    }
  } catch (error) {
    show(errorBox(error));
  }
}

window.addEventListener("hashchange", route);
route();

// QTrust trusted-list browser: plain DOM, no build step. Data is only ever set as text, never as HTML.
"use strict";

const state = { at: "", territory: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function day(instant) {
  return instant ? instant.substring(0, 10) : "—";
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  return { status: response.status, body };
}

function query() {
  return state.at ? "?at=" + encodeURIComponent(state.at) : "";
}

function verdictBadge(list) {
  if (list.accepted && list.stale) return el("span", { class: "badge warn" }, "stale");
  if (list.accepted) return el("span", { class: "badge ok" }, "accepted");
  return el("span", { class: "badge bad", title: list.reason || "" }, list.reason || "rejected");
}

async function loadLists() {
  const { status, body } = await getJson("v1/trusted-lists" + query());
  const tbody = document.querySelector("#lists tbody");
  tbody.replaceChildren();
  if (status !== 200) {
    document.getElementById("lotl").textContent = body.message || "lists not available";
    return;
  }
  fillPolicies(body.policies || [], body.defaultPolicy || "");
  showCurrency(body);
  document.getElementById("snapshot-info").textContent = "judged at " + body.validationTime + " · loaded " + body.loadedAt;
  const lotl = body.lotl;
  document.getElementById("lotl").replaceChildren("LOTL seq " + lotl.sequenceNumber + ", issued " + day(lotl.issued) + ", next update "
      + day(lotl.nextUpdate) + " — ", verdictBadge(lotl));
  for (const list of body.lists) {
    const row = el("tr", { "data-territory": list.territory },
      el("td", {}, el("strong", {}, list.territory)),
      el("td", {}, verdictBadge(list)),
      el("td", {}, list.sequenceNumber ?? "—"),
      el("td", {}, day(list.issued)),
      el("td", {}, day(list.nextUpdate)),
      el("td", {}, list.freshness.fresh ? el("span", { class: "badge ok" }, "fresh")
        : el("span", { class: "badge bad", title: "now: " + (list.freshness.reasonNow || "not current") }, "not current")));
    row.addEventListener("click", () => showTerritory(list.territory));
    if (list.territory === state.territory) row.classList.add("selected");
    tbody.append(row);
  }
  showLotes(body.lotes || []);
}

/** When the loaded lists are not current now: say so, and offer to judge them at the last time they were. */
function showCurrency(body) {
  const notice = document.getElementById("not-current");
  const button = document.getElementById("judge-last-current");
  notice.hidden = body.currentNow !== false;
  if (notice.hidden) return;
  const lotl = body.lotl || {};
  const why = lotl.freshness && lotl.freshness.reasonNow ? " (LOTL now: " + lotl.freshness.reasonNow + ")" : "";
  document.getElementById("not-current-text").textContent = "The loaded lists are not current now" + why
    + ": verdicts about the present will not be trusted."
    + (body.lastCurrent ? " They were last current at " + body.lastCurrent + "." : "");
  button.hidden = !body.lastCurrent;
  if (body.lastCurrent) {
    button.textContent = "Judge at " + body.lastCurrent;
    button.dataset.at = body.lastCurrent;
  }
}

function judgeAt(instant) {
  document.getElementById("judge-at").value = instant;
  document.getElementById("certificate-at").value = instant;
  state.at = instant;
  loadLists().then(() => state.territory && showTerritory(state.territory));
}

/** The lists of trusted entities (TS 119 602) the server was started with, if any. */
function showLotes(lotes) {
  document.getElementById("lotes-block").hidden = lotes.length === 0;
  const tbody = document.querySelector("#lotes tbody");
  tbody.replaceChildren();
  for (const lote of lotes) {
    const type = lote.type ? lote.type.substring(lote.type.lastIndexOf("/") + 1) : lote.location;
    tbody.append(el("tr", { "data-location": lote.location, title: lote.location },
      el("td", {}, el("strong", {}, type), lote.territory ? " (" + lote.territory + ")" : ""),
      el("td", {}, verdictBadge(lote)),
      el("td", {}, lote.sequenceNumber ?? "—"),
      el("td", {}, day(lote.issued)),
      el("td", {}, day(lote.nextUpdate)),
      el("td", {}, lote.providers),
      el("td", {}, lote.freshness.fresh ? el("span", { class: "badge ok" }, "fresh")
        : el("span", { class: "badge bad", title: "now: " + (lote.freshness.reasonNow || "not current") }, "not current"))));
  }
}

function statusClass(status) {
  return "s-" + (/^[a-z]+$/.test(status) ? status : "unknown");
}

/** One bar per status period, scaled between the earliest status start and now. */
function timeline(service, from, to, at) {
  const bar = el("div", { class: "timeline", title: service.history.map(h => day(h.start) + " " + h.status).join("\n") });
  const span = to - from || 1;
  for (const period of service.history) {
    const start = Math.max(Date.parse(period.start), from);
    const end = period.end ? Date.parse(period.end) : to;
    const part = el("div", { class: "period " + statusClass(period.status), title: period.status + " " + day(period.start) + " → " + (period.end ? day(period.end) : "now") });
    part.style.left = ((start - from) / span * 100) + "%";
    part.style.width = (Math.max(end - start, 0) / span * 100) + "%";
    bar.append(part);
  }
  if (at >= from && at <= to) {
    const marker = el("div", { class: "marker", title: "validation time" });
    marker.style.left = ((at - from) / span * 100) + "%";
    bar.append(marker);
  }
  return bar;
}

async function showTerritory(territory) {
  state.territory = territory;
  document.querySelectorAll("#lists tbody tr").forEach(r => r.classList.toggle("selected", r.dataset.territory === territory));
  const { status, body } = await getJson("v1/trusted-lists/" + encodeURIComponent(territory) + query());
  const title = document.getElementById("territory-title");
  const providers = document.getElementById("providers");
  providers.replaceChildren();
  if (status !== 200) {
    title.textContent = territory;
    document.getElementById("territory-summary").textContent = body.message;
    return;
  }
  title.textContent = body.territory + " — " + (body.operator || "");
  document.getElementById("territory-summary").replaceChildren(verdictBadge(body), " seq " + body.sequenceNumber + ", issued "
      + day(body.issued) + ", next update " + day(body.nextUpdate) + ", signature " + body.signature.status + " · "
      + body.providers + " providers, " + body.services + " services");
  const starts = body.trustServiceProviders.flatMap(p => p.services.flatMap(s => s.history.map(h => Date.parse(h.start))));
  const now = Date.parse(body.now);
  const at = Date.parse(body.validationTime);
  const from = Math.min(...starts, at);
  const to = Math.max(now, at);
  const statuses = new Set();
  for (const provider of body.trustServiceProviders) {
    const block = el("div", { class: "provider" }, el("h3", {}, provider.name));
    for (const service of provider.services) {
      service.history.forEach(h => statuses.add(h.status));
      block.append(el("div", { class: "service" },
        el("div", { class: "name", title: service.typeUri }, service.name, el("br"),
          el("span", { class: "muted" }, service.type + " · " + service.status + " since " + day(service.since)
            + (service.statusAtValidationTime ? " · at validation time: " + service.statusAtValidationTime : " · not listed at validation time"))),
        timeline(service, from, to, at)));
    }
    providers.append(block);
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren(...[...statuses].sort().map(s => el("span", {}, el("i", { class: "swatch " + statusClass(s) }), s)),
    el("span", {}, "▎ validation time; bars run " + day(new Date(from).toISOString()) + " → " + day(new Date(to).toISOString())));
  legend.hidden = false;
}

function showVerdict(status, body, kind) {
  const box = document.getElementById("verdict");
  box.replaceChildren();
  if (status !== 200) {
    box.append(el("div", { class: "head" }, el("span", { class: "badge bad" }, body.code || String(status)), " ", body.message || ""));
    return;
  }
  const trusted = body.trusted ?? body.valid;
  box.append(el("div", { class: "head", id: "verdict-head" },
    el("span", { class: "badge " + (trusted ? "ok" : "bad") }, trusted ? "trusted" : "not trusted"), " ", el("code", {}, body.code)));
  if (kind === "certificate") {
    const dl = el("dl");
    const add = (term, value) => dl.append(el("dt", {}, term), el("dd", {}, value ?? "—"));
    add("subject", body.certificate && body.certificate.subject);
    add("issuer", body.certificate && body.certificate.issuer);
    add("territory", body.territory);
    add("provider", body.provider);
    add("service", body.service && (body.service.name + " (" + body.service.type + ")"));
    add("status at issuance", body.service && body.service.statusAtIssuance);
    add("status at validation", body.service && body.service.statusAtValidationTime);
    add("qualification", body.qualification.atIssuance + " at issuance, " + body.qualification.atValidationTime + " at validation time");
    add("policy / time", body.policy + " · " + body.validationTime);
    box.append(dl);
  }
  box.append(el("h3", {}, "Trace"), el("ol", {}, ...(body.trace || []).map(line => el("li", {}, line))));
}

async function post(url, payload) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) });
  return { status: response.status, body: await response.json() };
}

function optional(payload, key, value) {
  if (value && value.trim()) payload[key] = value.trim();
  return payload;
}

async function verifyCertificate(event) {
  event.preventDefault();
  const payload = { certificate: document.getElementById("certificate").value };
  const chain = document.getElementById("chain").value;
  // The server splits PEM bundles: the whole text goes as one element.
  if (chain.trim()) payload.chain = [chain.trim()];
  optional(payload, "at", document.getElementById("certificate-at").value);
  optional(payload, "policy", document.getElementById("certificate-policy").value);
  const { status, body } = await post("v1/certificates/verify", payload);
  showVerdict(status, body, "certificate");
}

async function verifyCredential(event) {
  event.preventDefault();
  const payload = { presentation: document.getElementById("presentation").value,
    aud: document.getElementById("credential-aud").value, nonce: document.getElementById("credential-nonce").value };
  optional(payload, "at", document.getElementById("credential-at").value);
  const { status, body } = await post("v1/credentials/verify", payload);
  showVerdict(status, body, "credential");
}

/** A dropped or chosen file: PEM text as is, DER as base64. */
async function readCertificateFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder("ascii").decode(bytes);
  document.getElementById("certificate").value = text.includes("-----BEGIN") ? text : btoa(String.fromCharCode(...bytes));
}

function selectTab(name) {
  document.getElementById("tab-certificate").setAttribute("aria-selected", String(name === "certificate"));
  document.getElementById("tab-credential").setAttribute("aria-selected", String(name === "credential"));
  document.getElementById("certificate-form").hidden = name !== "certificate";
  document.getElementById("credential-form").hidden = name !== "credential";
}

function fillPolicies(policies, defaultPolicy) {
  const select = document.getElementById("certificate-policy");
  if (select.options.length > 1) return;
  select.options[0].textContent = "default (" + defaultPolicy + ")";
  for (const name of policies) select.append(el("option", { value: name }, name));
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("time-form").addEventListener("submit", event => {
    event.preventDefault();
    state.at = document.getElementById("judge-at").value.trim();
    loadLists().then(() => state.territory && showTerritory(state.territory));
  });
  document.getElementById("judge-last-current").addEventListener("click", e => judgeAt(e.target.dataset.at));
  document.getElementById("certificate-form").addEventListener("submit", verifyCertificate);
  document.getElementById("credential-form").addEventListener("submit", verifyCredential);
  document.getElementById("tab-certificate").addEventListener("click", () => selectTab("certificate"));
  document.getElementById("tab-credential").addEventListener("click", () => selectTab("credential"));
  document.getElementById("certificate-file").addEventListener("change", e => e.target.files[0] && readCertificateFile(e.target.files[0]));
  const area = document.getElementById("certificate");
  area.addEventListener("dragover", e => { e.preventDefault(); area.classList.add("drop"); });
  area.addEventListener("dragleave", () => area.classList.remove("drop"));
  area.addEventListener("drop", e => { e.preventDefault(); area.classList.remove("drop"); if (e.dataTransfer.files[0]) readCertificateFile(e.dataTransfer.files[0]); });
  loadLists();
});

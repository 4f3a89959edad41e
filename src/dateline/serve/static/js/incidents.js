// The actor's incidents in date order: how many independent sources back each one, the
// mix of asserted / claimed / denied reports, a flag on claims nobody else asserts;
// choosing one lists its reports.
import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";

const incidentUrl = (id) => `/api/incidents/${encodeURIComponent(id)}`;

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function dates(incident) {
  if (!incident.start) return "undated";
  return incident.end && incident.end !== incident.start ? `${incident.start} – ${incident.end}` : incident.start;
}

// Whether an incident's dates meet the page's From / To filters (undated ones do not,
// once either is set).
function withinDates(incident, since, until) {
  if (!since && !until) return true;
  const start = incident.start || incident.end;
  const end = incident.end || incident.start;
  if (!start) return false;
  return (!since || end >= since) && (!until || start <= until);
}

function statusMix(status) {
  return Object.entries(status || {}).sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(" · ");
}

export class IncidentTimeline {
  // onOpenEvent({doc_id, local_id}) opens a report's document.
  constructor(root, { onOpenEvent }) {
    this.root = root;
    this.list = root.querySelector("#incidents");
    this.note = root.querySelector("#incidents-note");
    this.reports = root.querySelector("#incident-reports");
    this.onOpenEvent = onOpenEvent;
    // The latest list and detail asked for: answers to older requests are dropped.
    this.listRequest = 0;
    this.detailRequest = 0;
  }

  // The actor's incidents whose dates meet the page's date filters.
  async load({ actor, since, until }) {
    const request = ++this.listRequest;
    this.detailRequest += 1;
    this.root.dataset.state = "loading";
    clear(this.list);
    clear(this.reports);
    if (!actor) {
      this.note.textContent = "Choose an actor above to list its incidents.";
      this.root.dataset.state = "ready";
      return;
    }
    try {
      const data = await getJSON("/api/timeline", { actor });
      if (request !== this.listRequest) return;
      const shown = data.incidents.filter((incident) => withinDates(incident, since, until));
      const dated = since || until ? ` from ${since || "the start"} to ${until || "the end"}` : "";
      this.note.textContent = shown.length
        ? `${plural(shown.length, "incident")} of ${data.actor}${dated}, in date order.`
        : `No incidents of ${data.actor}${dated}.`;
      for (const incident of shown) this.list.append(this.item(incident));
    } catch (err) {
      if (request !== this.listRequest) return;
      this.note.textContent = `Could not load the incidents: ${err.message}`;
    }
    this.root.dataset.state = "ready";
  }

  item(incident) {
    const parties = [(incident.source || []).join(", ") || "—", (incident.target || []).join(", ") || "—"].join(" → ");
    const button = el("button", {
      type: "button", class: "incident-open", "aria-expanded": "false",
      onclick: () => this.open(incident.incident_id),
    }, `${dates(incident)} ${incident.type}${incident.place ? ` · ${incident.place}` : ""}`);
    const badges = el("span", { class: "badges" },
      el("span", { class: "badge sources", dataset: { count: incident.independent_sources } },
        plural(incident.independent_sources, "independent source")),
      el("span", { class: "badge reports", dataset: { count: incident.reports } }, plural(incident.reports, "report")),
      el("span", { class: "badge status" }, statusMix(incident.status)));
    if (incident.unconfirmed_claim) {
      badges.append(el("span", { class: "badge flag", title: "claimed, and no independent report asserts it" },
        "unconfirmed claim"));
    }
    return el("li", {
      class: incident.unconfirmed_claim ? "incident unconfirmed" : "incident",
      dataset: { incident: incident.incident_id, sources: incident.independent_sources },
    }, button, badges, el("span", { class: "parties" }, parties));
  }

  async open(incidentId) {
    const request = ++this.detailRequest;
    this.reports.dataset.state = "loading";
    clear(this.reports);
    for (const node of this.list.querySelectorAll(".incident.selected")) node.classList.remove("selected");
    for (const node of this.list.querySelectorAll("button[aria-expanded=true]")) node.setAttribute("aria-expanded", "false");
    const item = this.list.querySelector(`li[data-incident="${CSS.escape(incidentId)}"]`);
    if (item) {
      item.classList.add("selected");
      item.querySelector("button.incident-open").setAttribute("aria-expanded", "true");
    }
    try {
      const incident = await getJSON(incidentUrl(incidentId));
      if (request !== this.detailRequest) return;
      this.renderReports(incident);
    } catch (err) {
      if (request !== this.detailRequest) return;
      this.reports.append(el("p", { class: "error" }, `Could not open the incident: ${err.message}`));
    }
    this.reports.dataset.incident = incidentId;
    this.reports.dataset.state = "ready";
  }

  renderReports(incident) {
    this.reports.append(el("h3", {}, `${incident.type} ${dates(incident)}${incident.place ? `, ${incident.place}` : ""}: `
      + `${plural(incident.report_list.length, "report")} from ${plural(incident.independent_sources, "independent source")}`));
    const disagreements = Object.entries(incident.disagreements || {});
    for (const [field, said] of disagreements) {
      const versions = said.map((v) => `${Array.isArray(v.value) ? v.value.filter(Boolean).join(" – ") : v.value}`
        + ` (${v.reports.map((r) => [r.outlet, r.attribution].filter(Boolean).join(": ")).join(", ")})`);
      this.reports.append(el("p", { class: "notice disagreement", dataset: { field } },
        `Reports disagree on ${field}: ${versions.join("; ")}`));
    }
    const list = el("ol", { class: "incident-reports" });
    for (const report of incident.report_list) {
      const localId = report.event_id.startsWith(`${report.doc_id}:`) ? report.event_id.slice(report.doc_id.length + 1) : null;
      list.append(el("li", { dataset: { event: report.event_id, status: report.status } },
        el("span", { class: "meta" }, [report.outlet || report.doc_id, report.published, report.status,
          report.attribution ? `according to ${report.attribution}` : ""].filter(Boolean).join(" · ")),
        el("q", { class: "sentence" }, report.sentence || ""),
        el("button", { type: "button", class: "open-event", onclick: () => this.onOpenEvent({ doc_id: report.doc_id, local_id: localId }) }, "read")));
    }
    this.reports.append(list);
  }
}

// The workbench page: shared filters feeding the map, timeline, network and event list.
import { getAll } from "./api.js";
import { ClaimsPanel, groundColours, groundLabel, OUTSIDE_REPORT } from "./claims.js";
import { DocumentView } from "./docview.js";
import { clear, el, partyLine } from "./dom.js";
import { EventMap } from "./map.js";
import { drawNetwork } from "./network.js";
import { IncidentTimeline } from "./incidents.js";
import { drawTimeline } from "./timeline.js";

const LIST_PAGE = 100;
const TIMELINE_CELLS = 20000;

class Workbench {
  constructor() {
    this.form = document.getElementById("filters");
    this.summary = document.getElementById("summary");
    this.error = document.getElementById("error");
    this.tableBody = document.querySelector("#events tbody");
    this.moreButton = document.getElementById("more");
    this.interval = document.getElementById("interval");
    this.documentView = new DocumentView(document.getElementById("doc-view"));
    this.map = new EventMap(document.getElementById("map"), document.getElementById("ground-legend"),
      (event) => this.openEvent(event));
    this.claims = new ClaimsPanel(document.getElementById("claims-panel"), {
      onReport: (report) => this.colourByGround(report), onOpenEvent: (event) => this.openEvent(event),
    });
    this.incidents = new IncidentTimeline(document.getElementById("incident-timeline"), {
      onOpenEvent: (event) => this.openEvent(event),
    });
    this.events = [];
    this.shown = 0;
    this.form.addEventListener("submit", (ev) => { ev.preventDefault(); this.refresh(); });
    document.getElementById("f-reset").addEventListener("click", () => { this.form.reset(); this.refresh(); });
    this.interval.addEventListener("change", () => this.refreshTimeline(this.filters()));
    this.moreButton.addEventListener("click", () => this.showMoreRows());
  }

  filters() {
    const data = new FormData(this.form);
    const out = {};
    for (const [key, value] of data.entries()) if (String(value).trim()) out[key] = String(value).trim();
    return out;
  }

  setError(message) {
    this.error.hidden = !message;
    this.error.textContent = message || "";
  }

  async start() {
    try {
      const types = await getAll("/api/aggregates/types", "counts");
      const select = document.getElementById("f-type");
      for (const row of types.items) select.append(el("option", { value: row.type }, `${row.type} (${row.count})`));
      await this.map.loadOutlines();
    } catch (err) {
      this.setError(`Could not start: ${err.message}`);
    }
    await this.refresh();
    const wanted = new URLSearchParams(window.location.hash.slice(1));
    if (wanted.get("doc")) await this.openEvent({ doc_id: wanted.get("doc"), local_id: wanted.get("event") });
  }

  async refresh() {
    document.body.dataset.state = "loading";
    const filters = this.filters();
    this.setError("");
    try {
      const [events, pairs] = await Promise.all([
        getAll("/api/events", "events", filters),
        getAll("/api/aggregates/actor-pairs", "pairs", filters, 200),
        this.refreshTimeline(filters),
        this.claims.update(filters),
        this.incidents.load(filters),
      ]);
      this.events = events.items;
      const placed = this.map.show(this.events);
      drawNetwork(document.getElementById("network"), pairs.items, (name) => this.pickActor(name));
      clear(this.tableBody);
      this.shown = 0;
      this.showMoreRows();
      this.summary.textContent = `${this.events.length}${events.truncated ? "+" : ""} events, ${placed} places on the map`;
    } catch (err) {
      this.setError(err.message);
    }
    document.body.dataset.state = "ready";
  }

  async refreshTimeline(filters) {
    const data = await getAll("/api/aggregates/time", "counts", { ...filters, interval: this.interval.value }, TIMELINE_CELLS);
    drawTimeline(document.getElementById("timeline"), document.getElementById("legend"), data.items);
  }

  // While the claims panel shows a report, markers take the colour of who held the ground.
  colourByGround(report) {
    if (!report) {
      this.map.colourByGround(null);
      return;
    }
    const events = report.events;
    this.map.colourByGround({
      labelOf: (id) => (Object.hasOwn(events, id) ? groundLabel(events[id]) : undefined),
      colours: groundColours(report), outside: OUTSIDE_REPORT,
    });
  }

  showMoreRows() {
    const next = this.events.slice(this.shown, this.shown + LIST_PAGE);
    for (const event of next) {
      this.tableBody.append(el("tr", { dataset: { event: event.event_id } },
        el("td", {}, event.event_date || ""), el("td", {}, event.type),
        el("td", {}, partyLine(event.source_names)), el("td", {}, partyLine(event.target_names)),
        el("td", {}, event.place_name || ""), el("td", { class: "sentence" }, event.sentence || ""),
        el("td", {}, el("button", { type: "button", class: "open-event", onclick: () => this.openEvent(event) }, "read"))));
    }
    this.shown += next.length;
    this.moreButton.hidden = this.shown >= this.events.length;
  }

  pickActor(name) {
    document.getElementById("f-actor").value = name;
    this.refresh();
  }

  async openEvent(event) {
    try {
      await this.documentView.open(event.doc_id, event.local_id);
      const link = new URLSearchParams({ doc: event.doc_id });
      if (event.local_id) link.set("event", event.local_id);
      history.replaceState(null, "", `#${link}`);
    } catch (err) {
      this.setError(`Could not open the document: ${err.message}`);
    }
  }
}

const workbench = new Workbench();
workbench.start();

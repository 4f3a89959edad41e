// The claims panel: what an actor says it targets, next to where its asserted attacks
// landed (by admin1 area and by who held the ground), every count opening its sentences.
import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";

export const UNKNOWN_GROUND = "unknown";
export const OUTSIDE_REPORT = "not in the claims report";

const GROUND_PALETTE = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
  "#e377c2", "#17becf", "#bcbd22", "#393b79"];
const FIXED_COLOURS = new Map([[UNKNOWN_GROUND, "#6b7280"], [OUTSIDE_REPORT, "#d0d5dc"]]);

// The ground controller of an event of the report ("unknown" where none is known).
export function groundLabel(ref) {
  return (ref && ref.ground && ref.ground.controller) || UNKNOWN_GROUND;
}

// One colour per controller, in the order the report ranks them (asserted first).
export function groundColours(report) {
  const colours = new Map();
  const keys = [...report.asserted.by_ground, ...report.claimed.by_ground].map((g) => g.key);
  for (const key of keys) {
    if (colours.has(key)) continue;
    const fixed = FIXED_COLOURS.get(key);
    const known = [...colours.keys()].filter((k) => !FIXED_COLOURS.has(k)).length;
    colours.set(key, fixed || GROUND_PALETTE[known % GROUND_PALETTE.length]);
  }
  colours.set(OUTSIDE_REPORT, FIXED_COLOURS.get(OUTSIDE_REPORT));
  return colours;
}

function percent(share) {
  return share === null || share === undefined ? "" : `${Math.round(share * 100)}%`;
}

export class ClaimsPanel {
  // onReport(report | null) is told whenever the panel shows a report or closes;
  // onOpenEvent({doc_id, local_id}) opens an event's document.
  constructor(root, { onReport, onOpenEvent }) {
    this.root = root;
    this.body = root.querySelector("#claims-body");
    this.toggle = root.querySelector("#claims-toggle");
    this.note = root.querySelector("#claims-note");
    this.targets = root.querySelector("#claims-targets tbody");
    this.landed = root.querySelector("#claims-landed");
    this.eventList = root.querySelector("#claims-events");
    this.onReport = onReport;
    this.onOpenEvent = onOpenEvent;
    this.report = null;
    this.filters = {};
    this.request = 0;   // the latest load; answers to older ones are dropped
    this.toggle.addEventListener("click", () => this.setOpen(this.body.hidden));
  }

  get isOpen() {
    return !this.body.hidden;
  }

  async setOpen(open) {
    this.body.hidden = !open;
    this.toggle.textContent = open ? "Hide" : "Show";
    this.toggle.setAttribute("aria-expanded", String(open));
    if (open) {
      await this.load(this.filters);
    } else {
      this.request += 1;
      this.onReport(null);
    }
  }

  // Called with the page's filters whenever they change; loads only while open.
  async update(filters) {
    this.filters = filters;
    if (this.isOpen) await this.load(filters);
  }

  async load(filters) {
    const request = ++this.request;
    this.root.dataset.state = "loading";
    this.report = null;
    clear(this.targets);
    clear(this.landed);
    clear(this.eventList);
    const actor = filters.actor;
    if (!actor) {
      this.note.textContent = "Choose an actor above to see what it says it targets and where its attacks landed.";
      this.onReport(null);
      this.root.dataset.state = "ready";
      return;
    }
    try {
      const report = await getJSON("/api/claims", { actor, since: filters.since, until: filters.until });
      if (request !== this.request) return;
      this.report = report;
      this.render(report);
      this.onReport(report);
    } catch (err) {
      if (request !== this.request) return;
      this.note.textContent = `Could not load the claims report: ${err.message}`;
      this.onReport(null);
    }
    this.root.dataset.state = "ready";
  }

  countButton(count, events, title, dataset) {
    return el("button", {
      type: "button", class: "count", dataset: { ...dataset, count },
      onclick: () => this.showEvents(title, events),
    }, String(count));
  }

  render(report) {
    const claimed = report.claimed.total;
    const asserted = report.asserted.total;
    this.note.textContent = `${report.actor}: ${claimed} claimed attack${claimed === 1 ? "" : "s"} `
      + `(what it says it strikes), ${asserted} asserted attack${asserted === 1 ? "" : "s"} (reported by others).`;
    this.renderTargets(report);
    this.renderLanded(report);
  }

  renderTargets(report) {
    const onGround = new Map(report.claimed_targets_vs_ground.map((row) => [row.target, row]));
    if (!report.claimed.by_target.length) {
      this.targets.append(el("tr", {}, el("td", { colspan: 3, class: "empty" }, "No claimed attacks.")));
    }
    for (const group of report.claimed.by_target) {
      const hits = onGround.get(group.key);
      this.targets.append(el("tr", { dataset: { target: group.key } },
        el("th", { scope: "row" }, group.key),
        el("td", {}, this.countButton(group.count, group.events, `Claimed against ${group.key}`,
          { side: "claimed", kind: "target", key: group.key }), ` ${percent(group.share)}`),
        el("td", {}, hits ? this.countButton(hits.on_its_ground, hits.events,
          `Asserted attacks on ground held by ${group.key}`, { side: "asserted", kind: "on-ground", key: group.key }) : "—",
        hits && hits.share !== null ? ` of ${hits.asserted_attacks} (${percent(hits.share)})` : "")));
    }
  }

  // Admin1 areas down, ground controllers across; each cell the events in both.
  renderLanded(report) {
    const side = report.asserted;
    const table = this.landed;
    if (!side.total) {
      table.append(el("tbody", {}, el("tr", {}, el("td", { class: "empty" }, "No asserted attacks."))));
      return;
    }
    const controllers = side.by_ground;
    const head = el("tr", {}, el("th", { scope: "col" }, "Admin1 \\ held by"));
    for (const g of controllers) head.append(el("th", { scope: "col", dataset: { ground: g.key } }, g.key));
    head.append(el("th", { scope: "col" }, "All"));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    for (const area of side.by_admin1) {
      const row = el("tr", { dataset: { admin1: area.key } }, el("th", { scope: "row" }, area.key));
      const inArea = new Set(area.events);
      for (const g of controllers) {
        const events = g.events.filter((id) => inArea.has(id));
        row.append(el("td", { dataset: { ground: g.key } }, events.length ? this.countButton(events.length, events,
          `Asserted attacks in ${area.key} on ground held by ${g.key}`,
          { side: "asserted", kind: "admin1-ground", admin1: area.key, ground: g.key }) : ""));
      }
      row.append(el("td", { class: "total" }, this.countButton(area.count, area.events,
        `Asserted attacks in ${area.key}`, { side: "asserted", kind: "admin1", key: area.key })));
      body.append(row);
    }
    const totals = el("tr", { class: "totals" }, el("th", { scope: "row" }, "All"));
    for (const g of controllers) {
      totals.append(el("td", { class: "total" }, this.countButton(g.count, g.events,
        `Asserted attacks on ground held by ${g.key}`, { side: "asserted", kind: "ground", key: g.key }),
      ` ${percent(g.share)}`));
    }
    totals.append(el("td", { class: "total" }, String(side.total)));
    body.append(totals);
    table.append(body);
  }

  showEvents(title, ids) {
    clear(this.eventList);
    this.eventList.append(el("h3", {}, `${title}: ${ids.length} event${ids.length === 1 ? "" : "s"}`));
    const list = el("ol", { class: "claim-events" });
    for (const id of ids) {
      const ref = this.report.events[id];
      if (!ref) continue;
      const ground = ref.ground ? `held by ${groundLabel(ref)} (${ref.ground.basis})` : "ground unknown";
      const localId = id.startsWith(`${ref.doc_id}:`) ? id.slice(ref.doc_id.length + 1) : null;
      list.append(el("li", { dataset: { event: id } },
        el("span", { class: "meta" }, [ref.date || "undated", ref.status, ref.place || "no place", ground].join(" · ")),
        el("q", { class: "sentence" }, ref.sentence || ""),
        el("button", { type: "button", class: "open-event", onclick: () => this.onOpenEvent({ doc_id: ref.doc_id, local_id: localId }) }, "read")));
    }
    this.eventList.append(list);
    this.eventList.scrollIntoView({ block: "nearest" });
  }
}

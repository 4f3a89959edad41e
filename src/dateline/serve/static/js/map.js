// The map: country outlines from world-atlas (TopoJSON) and one marker per place,
// coloured by event type, or by who held the ground while the claims panel is open.
import { clear, el, partyLine, typeColour } from "./dom.js";

const OUTLINES_URL = "/static/vendor/countries-110m.json";

export class EventMap {
  constructor(container, legend, onOpenEvent) {
    this.onOpenEvent = onOpenEvent;
    this.legend = legend;
    this.placed = [];
    this.ground = null;
    this.map = L.map(container, { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 12 })
      .setView([20, 10], 2);
    this.markers = L.layerGroup().addTo(this.map);
  }

  async loadOutlines() {
    const response = await fetch(OUTLINES_URL);
    if (!response.ok) throw new Error(`country outlines: ${response.status}`);
    const topology = await response.json();
    const countries = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8a94a6", weight: 0.7, fillColor: "#eef1f5", fillOpacity: 1 },
    }).addTo(this.map);
    this.markers.bringToFront?.();
  }

  // events: flat rows; grouped by coordinates into one marker each.
  show(events) {
    this.markers.clearLayers();
    this.placed = [];
    const groups = new Map();
    for (const event of events) {
      if (event.lat === null || event.lon === null) continue;
      const key = `${event.lat},${event.lon}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(event);
    }
    const bounds = [];
    for (const group of groups.values()) {
      const first = group[0];
      const marker = L.circleMarker([first.lat, first.lon], {
        radius: Math.min(6 + 2 * Math.sqrt(group.length), 18),
        color: "#ffffff", weight: 1.5, fillColor: typeColour(first.type), fillOpacity: 0.85,
        className: "event-marker",
      });
      marker.bindPopup(() => this.popup(group), { maxWidth: 360 });
      marker.addTo(this.markers);
      const path = marker.getElement();
      if (path) {
        path.dataset.place = first.place_name || "";
        path.dataset.events = group.map((e) => e.event_id).join(" ");
      }
      this.placed.push({ marker, group });
      bounds.push([first.lat, first.lon]);
    }
    this.paint();
    if (bounds.length === 1) this.map.setView(bounds[0], 5);
    else if (bounds.length > 1) this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
    return groups.size;
  }

  popup(group) {
    const list = el("ul", { class: "popup-events" });
    for (const event of group) {
      list.append(el("li", {},
        el("button", {
          type: "button", class: "open-event", dataset: { event: event.event_id },
          onclick: () => this.onOpenEvent(event),
        }, `${event.event_date || "undated"} ${event.type}: ${partyLine(event.source_names)} → ${partyLine(event.target_names)}`)));
    }
    return el("div", { class: "popup" }, el("strong", {}, group[0].place_name || "place"), list);
  }

  // ground: null (colour by type) or { labelOf: event id -> controller label or undefined,
  // colours: Map label -> colour, outside: the label of markers with no event in it }.
  colourByGround(ground) {
    this.ground = ground;
    this.paint();
  }

  paint() {
    const used = new Map();
    for (const { marker, group } of this.placed) {
      const label = this.ground ? this.groundOf(group) : null;
      const colour = label === null ? typeColour(group[0].type) : this.ground.colours.get(label);
      marker.setStyle({ fillColor: colour });
      const path = marker.getElement();
      if (path) {
        if (label === null) delete path.dataset.ground;
        else path.dataset.ground = label;
      }
      if (label !== null) used.set(label, (used.get(label) || 0) + group.length);
    }
    this.drawLegend(used);
  }

  // The controller most of the group's events fall under.
  groundOf(group) {
    const votes = new Map();
    for (const event of group) {
      const label = this.ground.labelOf(event.event_id);
      if (label !== undefined) votes.set(label, (votes.get(label) || 0) + 1);
    }
    if (!votes.size) return this.ground.outside;
    return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  }

  drawLegend(used) {
    clear(this.legend);
    this.legend.hidden = !this.ground;
    if (!this.ground) return;
    this.legend.append(el("span", { class: "legend-title" }, "Markers by who held the ground:"));
    for (const [label, colour] of this.ground.colours) {
      if (!used.has(label)) continue;
      const swatch = el("span", { class: "swatch", dataset: { ground: label, colour } });
      swatch.style.background = colour;
      this.legend.append(el("span", { class: "legend-item", dataset: { ground: label } }, swatch, label));
    }
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

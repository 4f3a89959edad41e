// The document view: the cleaned article with every coded event's sentence marked,
// and the fields of each event beside it. Article text enters the page as text only.
import { documentViewUrl, getJSON } from "./api.js";
import { clear, el } from "./dom.js";

function field(list, name, value) {
  if (value === undefined || value === null || value === "") return;
  list.append(el("dt", {}, name), el("dd", {}, value));
}

function names(ids, actors) {
  return (ids || []).map((id) => (actors.get(id) ? `${actors.get(id).name} (${actors.get(id).code})` : id)).join("; ");
}

function eventCard(event, actors, places, onSelect) {
  const place = places.get(event.place);
  const when = event.when || {};
  const dates = when.start && when.end && when.start !== when.end ? `${when.start} – ${when.end}` : (when.start || when.end || "");
  const list = el("dl");
  field(list, "type", [event.type, event.mode].filter(Boolean).join(" / "));
  field(list, "CAMEO", event.cameo);
  field(list, "ACLED", event.acled);
  field(list, "source", names(event.source, actors));
  field(list, "target", names(event.target, actors));
  field(list, "place", place ? `${place.name}${place.country ? `, ${place.country}` : ""}` : null);
  field(list, "when", [dates, when.text ? `“${when.text}”` : ""].filter(Boolean).join(" "));
  field(list, "status", event.status);
  field(list, "according to", event.attribution);
  field(list, "fatalities", event.fatalities);
  return el("article", {
    class: "event-card", id: `card-${event.id}`, tabindex: 0, dataset: { event: event.id },
    onclick: () => onSelect(event.id),
  }, el("h3", {}, `${event.id} · ${event.type}`), list);
}

export class DocumentView {
  constructor(root) {
    this.root = root;
    this.title = root.querySelector("#doc-title");
    this.meta = root.querySelector("#doc-meta");
    this.notice = root.querySelector("#doc-notice");
    this.text = root.querySelector("#doc-text");
    this.events = root.querySelector("#doc-events");
    root.querySelector("#doc-close").addEventListener("click", () => this.close());
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && !root.hidden) this.close(); });
  }

  async open(docId, eventLocalId) {
    this.root.dataset.state = "loading";
    const view = await getJSON(documentViewUrl(docId));
    this.render(view);
    this.root.hidden = false;
    if (eventLocalId) this.select(eventLocalId);
    this.root.dataset.state = "ready";
  }

  close() {
    if (window.location.hash) history.replaceState(null, "", window.location.pathname + window.location.search);
    this.root.hidden = true;
    this.root.dataset.state = "closed";
  }

  render(view) {
    const doc = view.doc;
    this.root.dataset.doc = doc.id;
    this.title.textContent = doc.title || doc.id;
    this.meta.textContent = [doc.source, doc.published, doc.url].filter(Boolean).join(" · ");
    this.notice.hidden = view.text_available;
    this.notice.textContent = view.text_available ? "" :
      "The article could not be read again from where it was stored from; only the coded sentences are shown.";
    const actors = new Map(view.actors.map((a) => [a.id, { name: a.name, code: `${a.country || "---"}${a.sector || ""}` }]));
    const places = new Map(view.places.map((p) => [p.id, p]));
    clear(this.text);
    for (const paragraph of view.paragraphs) {
      const p = el("p");
      for (const piece of paragraph) {
        if (piece.events.length) {
          p.append(el("mark", {
            class: "event-sentence", dataset: { events: piece.events.join(" ") },
            title: piece.events.join(", "),
            onclick: () => this.select(piece.events[0]),
          }, piece.text));
        } else {
          p.append(document.createTextNode(piece.text));
        }
      }
      this.text.append(p);
    }
    clear(this.events);
    if (!view.events.length) this.events.append(el("p", { class: "empty" }, "No events coded in this document."));
    for (const event of view.events) {
      this.events.append(eventCard(event, actors, places, (id) => this.select(id)));
    }
  }

  select(localId) {
    for (const node of this.root.querySelectorAll(".selected")) node.classList.remove("selected");
    const marks = [...this.text.querySelectorAll("mark.event-sentence")]
      .filter((m) => m.dataset.events.split(" ").includes(localId));
    for (const mark of marks) mark.classList.add("selected");
    const card = this.events.querySelector(`#card-${CSS.escape(localId)}`);
    if (card) {
      card.classList.add("selected");
      card.scrollIntoView({ block: "nearest" });
    }
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
    this.root.dataset.selected = localId;
  }
}

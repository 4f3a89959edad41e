// Calls to the workbench's JSON API.

export const PAGE_SIZE = 500;
export const MAX_EVENTS = 5000;

export class ApiError extends Error {}

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== "") {
      search.set(key, String(value).trim());
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function getJSON(path, params = {}) {
  const response = await fetch(path + queryString(params), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.detail) detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (_) { /* not JSON */ }
    throw new ApiError(detail);
  }
  return response.json();
}

// Every page of a paged list, up to `cap` items.
export async function getAll(path, key, params = {}, cap = MAX_EVENTS) {
  const items = [];
  let offset = 0;
  while (offset !== null && items.length < cap) {
    const page = await getJSON(path, { ...params, limit: PAGE_SIZE, offset });
    items.push(...page[key]);
    offset = page.next_offset;
  }
  return { items: items.slice(0, cap), truncated: offset !== null };
}

export const eventUrl = (id) => `/api/events/${encodeURIComponent(id)}`;
export const documentViewUrl = (id) => `/api/documents/${encodeURIComponent(id)}/view`;

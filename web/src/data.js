// Loads the site's build-time data (dist/data/*.json) once per file.
// URLs are relative so the site works under any sub-path.

const cache = new Map();

export function loadJson(path) {
  if (!cache.has(path)) {
    const promise = fetch(path).then((response) => {
      if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status})`);
      return response.json();
    });
    promise.catch(() => cache.delete(path));
    cache.set(path, promise);
  }
  return cache.get(path);
}

/** Title, overview and per topic its number, title, summary, demo ids and
 * exercise names (data/overview.json, written by tools/build_site.mjs): all
 * the home page and the progress summaries need, without any topic's data. */
export const loadOverview = () => loadJson('data/overview.json');
export const loadTopic = (id) => loadJson(`data/topics/${encodeURIComponent(id)}.json`);
export const loadDemos = () => loadJson('data/demos.json');

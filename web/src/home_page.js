// The course home: overview text and one card per topic in data/overview.json.
import { loadOverview } from './data.js';
import { el } from './dom.js';

export async function renderHome(main) {
  const course = await loadOverview();
  document.title = course.title || 'Memory & Performance';
  const overview = el('div', { class: 'overview prose' });
  overview.innerHTML = course.overviewHtml;   // trusted build output
  const cards = course.topics.map((t) => el('li', { class: 'topic-card', dataset: { topic: t.id } },
    el('a', { href: `#/${t.id}` },
      el('span', { class: 'topic-number' }, t.number),
      el('span', { class: 'topic-title' }, t.title)),
    el('p', { class: 'topic-summary' }, t.summary),
    el('p', { class: 'topic-progress', dataset: { progressFor: t.id } })));
  main.replaceChildren(
    el('section', { class: 'hero' },
      el('h1', {}, course.title || 'Memory & Performance'),
      el('p', { class: 'lead' }, 'See how Python really stores objects and how code really grows — measured live in your browser, not asserted.')),
    el('section', { 'aria-labelledby': 'topics-heading' },
      el('h2', { id: 'topics-heading' }, 'Topics'),
      el('ol', { class: 'topic-grid' }, cards)),
    overview);
  document.dispatchEvent(new CustomEvent('course:page', { detail: { page: 'home' } }));
}

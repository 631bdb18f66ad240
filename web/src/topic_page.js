// A topic page: lesson (trusted build HTML) with live demos placed where the
// lesson names them, then the topic's examples, exercises and quiz.
import { loadOverview, loadTopic, loadDemos } from './data.js';
import { el } from './dom.js';

// The demo panel (and the core worker client) loads with the first topic page.
const loadDemoPanel = () => import('./demo_panel.js').then((m) => m.DemoPanel);

const sectionHooks = [];

/** Other features (examples, exercises, quiz, progress) add sections here. */
export function addTopicSection(hook) {
  sectionHooks.push(hook);
}

function tableOfContents(lesson) {
  const headings = [...lesson.querySelectorAll('h2[id]')];
  if (!headings.length) return null;
  return el('nav', { class: 'toc', 'aria-label': 'On this page' },
    el('h2', { class: 'toc-title' }, 'On this page'),
    el('ol', {}, headings.map((h) => el('li', {}, el('a', { href: `#/${lesson.dataset.topic}/${h.id}` }, h.textContent)))));
}

// The sections added after the lesson (examples, exercises, quiz) join the
// outline, so a learner can jump straight to them.
function addSectionLinks(toc, sections, topicId) {
  const list = toc?.querySelector('ol');
  if (!list) return;
  for (const section of sections.querySelectorAll(':scope > section[id]')) {
    const title = section.id === 'quiz' ? 'Quiz' : section.querySelector('h2')?.textContent;
    if (title) list.append(el('li', { class: 'toc-extra' }, el('a', { href: `#/${topicId}/${section.id}` }, title)));
  }
}

function mountDemos(lesson, topic, demos, DemoPanel) {
  const byId = new Map(demos.map((d) => [d.id, d]));
  const placed = new Set();
  for (const slot of lesson.querySelectorAll('.demo-slot[data-demo]')) {
    const info = byId.get(slot.dataset.demo);
    if (!info) { slot.textContent = `Demo "${slot.dataset.demo}" is not available in this build.`; continue; }
    new DemoPanel(slot, info);
    placed.add(info.id);
  }
  // Demos of this topic that the lesson does not place go after it.
  const rest = demos.filter((d) => d.topic === topic.id && !placed.has(d.id));
  if (!rest.length) return null;
  return el('section', { class: 'more-demos', 'aria-labelledby': 'more-demos-title' },
    el('h2', { id: 'more-demos-title' }, 'More live demos'),
    rest.map((info) => { const slot = el('div'); new DemoPanel(slot, info); return slot; }));
}

function neighbours(course, topicId) {
  const index = course.topics.findIndex((t) => t.id === topicId);
  const prev = course.topics[index - 1], next = course.topics[index + 1];
  return el('nav', { class: 'pager', 'aria-label': 'Topics' },
    prev ? el('a', { href: `#/${prev.id}`, class: 'prev' }, `← ${prev.number} ${prev.title}`) : el('span'),
    next ? el('a', { href: `#/${next.id}`, class: 'next' }, `${next.number} ${next.title} →`) : el('span'));
}

export async function renderTopic(main, route) {
  const [course, topic, demos, DemoPanel] = await Promise.all([loadOverview(), loadTopic(route.topic), loadDemos(), loadDemoPanel()]);
  document.title = `${topic.number} ${topic.title} · ${course.title || 'Memory & Performance'}`;
  const lesson = el('article', { class: 'lesson prose', dataset: { topic: topic.id } });
  lesson.innerHTML = topic.lessonHtml;   // trusted build output (tools/content/build.mjs escapes text)
  const header = el('header', { class: 'topic-header' },
    el('p', { class: 'breadcrumb' }, el('a', { href: '#/' }, 'Course'), ' / ', `Topic ${topic.number}`),
    el('h1', {}, el('span', { class: 'topic-number' }, topic.number), ' ', topic.title),
    el('div', { class: 'topic-progress', dataset: { progressFor: topic.id } }));
  const toc = tableOfContents(lesson);
  const extra = mountDemos(lesson, topic, demos, DemoPanel);
  const sections = el('div', { class: 'topic-sections' });
  main.replaceChildren(el('div', { class: 'topic-layout' },
    toc ? el('aside', { class: 'toc-column' }, toc) : el('span'),
    el('div', { class: 'topic-main' }, header, lesson, extra, sections, neighbours(course, topic.id))));
  // To the top now, not once the sections are in: a learner who has
  // scrolled down by then must not be thrown back up.
  if (!route.section) window.scrollTo(0, 0);
  // Every section starts at once (their modules download side by side) and
  // joins the page in the order the hooks were added.
  const pending = sectionHooks.map((hook) => Promise.resolve().then(() => hook(topic, { lesson, sections })));
  for (const result of pending) {
    try {
      const node = await result;
      if (node) sections.append(node);
    } catch (err) {
      sections.append(el('p', { class: 'error' }, `Part of this page failed to load: ${err.message}`));
    }
  }
  addSectionLinks(toc, sections, topic.id);
  if (route.section) document.getElementById(route.section)?.scrollIntoView();
  document.dispatchEvent(new CustomEvent('course:page', { detail: { page: 'topic', topic: topic.id } }));
}

// Entry point: start each feature module and render the page for the route.
// Only what the home page needs is loaded here. A topic page's sections
// load as their own chunks (esbuild splits every import()) the first time a
// topic is opened: the examples and exercises bring CodeMirror, the quiz
// brings its player, and Chart.js waits for the first chart (chart_loader.js).
import * as theme from './theme.js';
import { onRouteChange } from './router.js';
import { renderHome } from './home_page.js';
import { renderTopic, addTopicSection } from './topic_page.js';
import { el } from './dom.js';
import * as progress from './progress.js';
import * as offline from './offline.js';
import { preloadWhenIdle } from './python_client.js';

const main = document.getElementById('main');
let lastTopic = null;

/** A topic section whose module loads the first time a topic page renders. */
function lazySection(load, render) {
  return async (topic, parts) => (await load())[render](topic, parts);
}

async function show(route) {
  try {
    if (route.page === 'topic') {
      if (route.topic === lastTopic && route.section) {
        document.getElementById(route.section)?.scrollIntoView();
        return;
      }
      lastTopic = route.topic;
      await renderTopic(main, route);
    } else {
      lastTopic = null;
      await renderHome(main);
    }
    main.focus({ preventScroll: true });   // move focus for screen readers without jumping
  } catch (err) {
    lastTopic = null;
    main.replaceChildren(el('div', { class: 'error-page' },
      el('h1', {}, 'This page could not be shown'),
      el('p', {}, err.message),
      el('p', {}, el('a', { href: '#/' }, 'Back to the course home'))));
  }
}

offline.init();   // first: it may reload the page once to make it cross-origin isolated
theme.init();
// Section order on a topic page: examples, exercises, "mark as read", quiz.
addTopicSection(lazySection(() => import('./examples_section.js'), 'renderExamples'));
addTopicSection(lazySection(() => import('./exercise_section.js'), 'renderExercises'));
progress.init();
addTopicSection(lazySection(() => import('./quiz.js'), 'quizSection'));
// A page with a Python editor starts Python in the background.
document.addEventListener('course:page', () => { if (main.querySelector('.py-runner')) preloadWhenIdle(); });
onRouteChange(show);

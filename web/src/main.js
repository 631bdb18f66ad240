// Entry point: start each feature module and render the page for the route.
import * as theme from './theme.js';
import { onRouteChange } from './router.js';
import { renderHome } from './home_page.js';
import { renderTopic } from './topic_page.js';
import { el } from './dom.js';
import * as pythonSections from './python_sections.js';
import * as quiz from './quiz.js';
import { preloadWhenIdle } from './python_client.js';

const main = document.getElementById('main');
let lastTopic = null;

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

theme.init();
pythonSections.init();
quiz.init();
// A page with a Python editor starts Python in the background.
document.addEventListener('course:page', () => { if (main.querySelector('.py-runner')) preloadWhenIdle(); });
onRouteChange(show);

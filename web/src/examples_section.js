// Runnable examples on a topic page: the ones the lesson places
// (<div class="example-slot" data-example="N">) are mounted in place, the
// rest are listed in an "Examples" section after the lesson.
import { CodeRunner } from './editor.js';
import { el } from './dom.js';

function exampleBlock(topic, example, headingTag) {
  const runner = new CodeRunner({
    topic: topic.id, name: `example${example.index}`, code: example.code,
    label: `Example ${example.index}: ${example.title}`,
  });
  return el('section', { class: 'py-example', dataset: { example: String(example.index) } },
    el('header', { class: 'py-example-header' },
      el('span', { class: 'badge' }, `Example ${example.index}`),
      el(headingTag, { class: 'py-example-title' }, example.title)),
    runner.node);
}

export function renderExamples(topic, { lesson }) {
  const examples = topic.examples || [];
  const byIndex = new Map(examples.map((e) => [e.index, e]));
  const placed = new Set();
  for (const slot of lesson.querySelectorAll('.example-slot[data-example]')) {
    const example = byIndex.get(Number(slot.dataset.example));
    if (!example) { slot.textContent = `Example ${slot.dataset.example} is not available.`; continue; }
    slot.replaceChildren(exampleBlock(topic, example, 'h4'));
    placed.add(example.index);
  }
  const rest = examples.filter((e) => !placed.has(e.index));
  if (!rest.length) return null;
  return el('section', { class: 'py-examples', id: 'examples', 'aria-labelledby': 'examples-title' },
    el('h2', { id: 'examples-title' }, 'Examples'),
    el('p', { class: 'caption' }, 'Each example runs in Python in your browser. Edit it and run it again; your changes are kept on this device.'),
    rest.map((e) => exampleBlock(topic, e, 'h3')));
}

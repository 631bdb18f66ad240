// The Python parts of a topic page, in page order: examples, then exercises.
import * as examples from './examples_section.js';
import * as exercises from './exercise_section.js';

export function init() {
  examples.init();
  exercises.init();
}

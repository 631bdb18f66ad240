// Hash routing, so deep links work on any static server and sub-path:
//   #/                      course home
//   #/03_time_complexity    a topic
//   #/03_time_complexity/measuring-with-timeit   a section of a topic

export function parseRoute(hash = location.hash) {
  const path = decodeURIComponent(hash.replace(/^#\/?/, ''));
  const [topic = '', section = ''] = path.split('/');
  if (!topic) return { page: 'home' };
  return { page: 'topic', topic, section };
}

export function onRouteChange(handler) {
  window.addEventListener('hashchange', () => handler(parseRoute()));
  handler(parseRoute());
}

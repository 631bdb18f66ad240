// The memory diagram: one step of a trace (web/py/tracer.py) drawn as SVG.
// Frames on the left with their names; heap objects on the right in columns
// by distance from the frames; arrows from names and container slots to
// objects. Each object is drawn once, so a cycle is a back arrow, not a loop.
// Names' arrows take Okabe-Ito colours and dash patterns (safe for
// colour-blind readers, and not colour alone); slot arrows are neutral.
// references(...) lists exactly the arrows and inline values drawn, for the
// text alternative: the picture and the table come from one list.

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = 6;                  // colour classes name-0 ... name-5 (diagram.css)
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '', '4 2'];
const HEAD_H = 24, ROW_H = 22, META_H = 18, GAP_Y = 18, TAG_H = 18, TOP = 12;

function node(tag, attrs = {}, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** The objects of one step by id, with their refcounts. */
export function stepObjects(trace, index) {
  const map = new Map();
  for (const [recordIndex, refcount] of trace.steps[index]?.heap || []) {
    const record = trace.records[recordIndex];
    map.set(record.id, { ...record, refcount, recordIndex });
  }
  return map;
}

/** Is this object drawn inside its slot when small shared objects are hidden? */
export function isHidden(obj, hideShared) {
  return Boolean(hideShared && obj && obj.shared);
}

function frameTitle(frame) {
  return frame.name === '<module>' ? 'Global names' : `${frame.name}()`;
}

// ------------------------------------------------------------- geometry --
// The names column is as wide as its longest name needs, within bounds. A
// figure narrower than COMPACT_BELOW px (a phone) gets the compact geometry:
// narrower gaps and boxes, and a names column of at most NAMES_SHARE of the
// width that leaves room for the first column of objects beside it (a
// longer name is cut with "…", whole in its tooltip and in the table).

export const COMPACT_BELOW = 560;
const NAMES_SHARE = 0.36;
const MONO_CH = 7.3, TITLE_CH = 7.6;   // px per character: 12px monospace, 13px bold sans
const NAME_PAD = 28;                   // name's left margin + room for the arrow's dot

function geometry(step, width) {
  const compact = width > 0 && width < COMPACT_BELOW;
  const title = (frame) => (compact && frame.name === '<module>' ? 'Globals' : frameTitle(frame));
  let need = 0;
  for (const frame of step.frames) {
    need = Math.max(need, title(frame).length * TITLE_CH + 20);
    for (const [name] of frame.locals) need = Math.max(need, name.length * MONO_CH + NAME_PAD);
  }
  const [frameX, heapGap, boxW] = compact ? [4, 30, 172] : [12, 68, 200];
  // Compact: at most NAMES_SHARE of the width, and less if the first column
  // of boxes would not fit beside it.
  const [min, max] = compact ? [72, Math.max(72, Math.min(Math.floor(width * NAMES_SHARE), width - frameX - heapGap - boxW - 6))] : [120, 190];
  const frameW = Math.ceil(Math.min(max, Math.max(min, need)));
  return { compact, title, frameX, frameW, heapX: frameX + frameW + heapGap,
    boxW, colGap: compact ? 40 : 80, nameChars: Math.floor((frameW - NAME_PAD) / MONO_CH) };
}

/** text cut to n characters with "…"; whole in a <title> when cut. */
function fitText(el, text, n) {
  if (text.length <= n) { el.textContent = text; return el; }
  el.textContent = `${text.slice(0, Math.max(1, n - 1))}…`;
  el.append(node('title', {}, text));
  return el;
}

/**
 * Every reference one step shows: {from, fromKind, slot, to, inline, type, value}.
 * from is a frame's name or "type id N"; inline means drawn inside the slot.
 */
export function references(trace, index, { hideShared = false } = {}) {
  const step = trace.steps[index];
  const objects = stepObjects(trace, index);
  const list = [];
  const describe = (id) => {
    const o = objects.get(id);
    return o ? { type: o.type, value: valueText(o), inline: isHidden(o, hideShared) } : { type: '?', value: '(not recorded: object limit)', inline: true };
  };
  for (const frame of step.frames) {
    for (const [name, id] of frame.locals) list.push({ frame: frameTitle(frame), from: name, fromKind: 'name', slot: '', to: id, ...describe(id) });
  }
  for (const o of objects.values()) {
    if (isHidden(o, hideShared)) continue;
    const owner = `${o.type} ${o.id}`;
    (o.items || []).forEach((id, i) => list.push({ frame: '', from: owner, fromKind: 'slot', slot: o.type === 'set' ? '' : `[${i}]`, to: id, ...describe(id) }));
    for (const [key, id, keyRepr] of o.entries || []) {
      list.push({ frame: '', from: owner, fromKind: 'key', slot: `key ${keyRepr}`, to: key, ...describe(key), inline: true });
      list.push({ frame: '', from: owner, fromKind: 'slot', slot: `[${keyRepr}]`, to: id, ...describe(id) });
    }
    for (const [name, id] of o.attrs || []) list.push({ frame: '', from: owner, fromKind: 'slot', slot: `.${name}`, to: id, ...describe(id) });
  }
  return list;
}

export function valueText(o) {
  if (o.kind === 'list' || o.kind === 'tuple' || o.kind === 'set' || o.kind === 'dict') return `${o.type} of ${o.len}`;
  return o.repr ?? o.type;
}

// What CPython shares (tracer.py's `shared`), said in the box: these are
// the facts other visualizers draw wrongly (a small int inside the frame,
// `is` on two equal large ints answering True).
const SHARED_TEXT = { 'small-int': 'small int', interned: 'interned', singleton: 'singleton' };

function metaText(o) {
  const parts = [];
  if (o.size !== null && o.size !== undefined) parts.push(`${o.size} B`);
  parts.push(o.immortal ? 'immortal' : `refcount ${o.refcount}`);
  if (SHARED_TEXT[o.shared]) parts.push(SHARED_TEXT[o.shared]);
  return parts.join(' · ');
}

function rowsOf(o, hideShared) {
  if (isHidden(o, hideShared)) return [];
  if (o.items) return o.items.map((id, i) => ({ label: o.kind === 'set' ? '•' : String(i), to: id }));
  if (o.entries) return o.entries.map(([, id, keyRepr]) => ({ label: keyRepr, to: id }));
  if (o.attrs) return o.attrs.map(([name, id]) => ({ label: `.${name}`, to: id }));
  return [];
}

/** Layout: columns by breadth-first distance; y near the first arrow's start. */
function layout(step, objects, hideShared, geo) {
  const frames = [];
  let y = TOP + TAG_H;
  for (const frame of step.frames) {
    const h = HEAD_H + Math.max(1, frame.locals.length) * ROW_H + 6;
    frames.push({ frame, x: geo.frameX, y, h });
    y += h + GAP_Y;
  }
  const placed = new Map();
  const columns = [];
  const queue = [];
  const visit = (id, col, wantY) => {
    const o = objects.get(id);
    if (!o || placed.has(id) || isHidden(o, hideShared)) return;
    const rows = rowsOf(o, hideShared);
    const h = HEAD_H + META_H + (o.kind === 'list' ? META_H : 0) + (rows.length ? rows.length * ROW_H : ROW_H) + 6;
    const column = columns[col] || (columns[col] = { bottom: TOP });
    const top = Math.max(column.bottom + TAG_H, wantY - HEAD_H / 2);
    const box = { o, rows, col, x: geo.heapX + col * (geo.boxW + geo.colGap), y: top, h };
    column.bottom = top + h + GAP_Y;
    placed.set(id, box);
    queue.push(box);
  };
  frames.forEach((f) => f.frame.locals.forEach(([, id], i) => visit(id, 0, f.y + HEAD_H + i * ROW_H + ROW_H / 2)));
  for (let q = 0; q < queue.length; q += 1) {
    const box = queue[q];
    const first = box.y + HEAD_H + META_H + (box.o.kind === 'list' ? META_H : 0);
    box.rows.forEach((row, i) => visit(row.to, box.col + 1, first + i * ROW_H + ROW_H / 2));
  }
  // Room right of the last column for back arrows is added by drawDiagram.
  const width = geo.heapX + Math.max(1, columns.length) * (geo.boxW + geo.colGap) - geo.colGap + 12;
  const height = Math.max(y, ...columns.map((c) => c.bottom)) + 10;
  return { frames, placed, width, height };
}

/** A path through points, its corners rounded (radius r). */
function rounded(points, r = 8) {
  let d = `M${points[0][0]},${points[0][1]}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const [[ax, ay], [bx, by], [cx, cy]] = [points[i - 1], points[i], points[i + 1]];
    const into = Math.min(r, Math.hypot(bx - ax, by - ay) / 2), out = Math.min(r, Math.hypot(cx - bx, cy - by) / 2);
    const u = (p, q, k) => { const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1; return [q[0] + ((p[0] - q[0]) * k) / len, q[1] + ((p[1] - q[1]) * k) / len]; };
    const [sx, sy] = u([ax, ay], [bx, by], into), [ex, ey] = u([cx, cy], [bx, by], out);
    d += ` L${sx},${sy} Q${bx},${by} ${ex},${ey}`;
  }
  const [lx, ly] = points[points.length - 1];
  return `${d} L${lx},${ly}`;
}

/**
 * The arrow's path and how far right it reaches. A back arrow (to an object
 * in the same or an earlier column: a cycle, or a second reference) enters
 * the target's head from the right. Within one column it is a curve on the
 * right; from a later column it leaves its box to the right, runs in the gap
 * under that box and comes down the gap right of the target's column, so it
 * never crosses the box it starts from.
 */
function arrowPath(x1, y1, box, back, geo, from) {
  const { boxW, colGap } = geo;
  if (back) {
    const x2 = box.x + boxW, y2 = box.y + HEAD_H / 2;
    if (!from || from.col === box.col) {
      const bend = 46 + Math.abs(y1 - y2) / 6;
      return [`M${x1},${y1} C${x1 + bend},${y1} ${x2 + bend},${y2} ${x2 + 2},${y2}`, Math.max(x1, x2) + bend * 0.75];
    }
    const out = from.x + boxW + Math.min(14, colGap / 3), lane = from.y + from.h + 8, down = x2 + Math.min(22, colGap / 2);
    return [rounded([[x1, y1], [out, y1], [out, lane], [down, lane], [down, y2], [x2 + 2, y2]]), out + 4];
  }
  const x2 = box.x - 2, y2 = box.y + HEAD_H / 2;
  const dx = Math.max(30, (x2 - x1) / 2);
  return [`M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`, x2];
}

/**
 * Draws step `index` of trace. options: {hideShared, previous (index or
 * -1), nameColours (Map name -> colour index), idPrefix, focusId, width
 * (the px the figure has: below COMPACT_BELOW the compact geometry; 0 or
 * absent, the wide one)}. Returns the <svg>.
 */
export function drawDiagram(trace, index, { hideShared = false, previous = -1, nameColours = new Map(), idPrefix = 'md', focusId = null, width: room = 0 } = {}) {
  const step = trace.steps[index];
  const objects = stepObjects(trace, index);
  const before = previous >= 0 ? stepObjects(trace, previous) : null;
  const geo = geometry(step, room);
  const { frameW, boxW } = geo;
  const { frames, placed, width, height } = layout(step, objects, hideShared, geo);
  let reach = width;
  const svg = node('svg', { class: `memory-diagram${geo.compact ? ' compact' : ''}`, 'aria-hidden': 'true', focusable: 'false' });
  const defs = node('defs');
  for (const cls of [...Array.from({ length: PALETTE }, (_, i) => `name-${i}`), 'slot']) {
    const marker = node('marker', { id: `${idPrefix}-${cls}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(node('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrowhead ${cls}` }));
    defs.append(marker);
  }
  svg.append(defs);
  const arrows = node('g', { class: 'arrows' });
  const boxes = node('g', { class: 'boxes' });

  // Names pointing at each object, for the alias tag.
  const namesOn = new Map();
  for (const f of step.frames) for (const [name, id] of f.locals) {
    if (!namesOn.has(id)) namesOn.set(id, []);
    namesOn.get(id).push(f.name === '<module>' ? name : `${f.name}.${name}`);
  }

  // A value written inside its slot, right-aligned, in the room `chars`
  // left after the slot's label.
  const slotValue = (g, x, y, id, chars) => {
    const o = objects.get(id);
    const text = o ? valueText(o) : '…';
    const n = Math.max(3, Math.min(14, Math.floor(chars)));
    const label = node('text', { x, y, class: 'inline-value', 'text-anchor': 'end' }, text.length > n ? `${text.slice(0, n - 1)}…` : text);
    label.append(node('title', {}, o ? `${o.type}, id ${o.id}, ${text} (shared by CPython; drawn inside the slot)` : 'past the object limit'));
    g.append(label);
  };

  // source: the box the arrow starts in (null for a name).
  const arrow = (x1, y1, source, id, cls, dash, from) => {
    const box = placed.get(id);
    if (!box) return false;
    const back = source !== null && box.col <= source.col;
    const [d, right] = arrowPath(x1, y1, box, back, geo, source);
    reach = Math.max(reach, right + 8);
    arrows.append(node('path', {
      d, class: `arrow ${cls}${back ? ' back' : ''}`, 'stroke-dasharray': dash || undefined,
      'marker-end': `url(#${idPrefix}-${cls})`, 'data-from': from, 'data-to': id,
    }));
    arrows.append(node('circle', { cx: x1, cy: y1, r: 3.5, class: `dot ${cls}` }));
    return true;
  };

  // Frames.
  for (const { frame, x, y, h } of frames) {
    const g = node('g', { class: 'frame' });
    g.append(node('rect', { x, y, width: frameW, height: h, rx: 8, class: 'frame-box' }));
    g.append(fitText(node('text', { x: x + 10, y: y + 16, class: 'frame-title' }), geo.title(frame), Math.floor((frameW - 20) / TITLE_CH)));
    if (!frame.locals.length) g.append(node('text', { x: x + 10, y: y + HEAD_H + 15, class: 'muted-text' }, geo.compact ? 'no names' : 'no names yet'));
    frame.locals.forEach(([name, id], i) => {
      const ry = y + HEAD_H + i * ROW_H;
      g.append(node('line', { x1: x + 6, x2: x + frameW - 6, y1: ry, y2: ry, class: 'row-rule' }));
      g.append(fitText(node('text', { x: x + 10, y: ry + 15, class: 'name-label' }), name, geo.nameChars));
      const colour = nameColours.get(name) ?? 0;
      const cls = `name-${colour % PALETTE}`;
      if (!arrow(x + frameW - 10, ry + ROW_H / 2, null, id, cls, DASHES[colour % PALETTE], `${frameTitle(frame)}:${name}`)) {
        slotValue(g, x + frameW - 10, ry + 15, id, (frameW - 26) / MONO_CH - Math.min(name.length, geo.nameChars));
      }
    });
    boxes.append(g);
  }

  // Heap objects.
  for (const box of placed.values()) {
    const { o, x, y, h, rows } = box;
    const old = before?.get(o.id);
    const state = !before ? '' : !old || old.type !== o.type ? 'new' : old.recordIndex !== o.recordIndex ? 'changed' : '';
    const aliased = (namesOn.get(o.id) || []).length > 1;
    const g = node('g', { class: `object kind-${o.kind}${state ? ` is-${state}` : ''}${aliased ? ' is-aliased' : ''}${o.shared ? ' is-shared' : ''}${focusId === o.id ? ' is-found' : ''}`, 'data-id': o.id, 'data-type': o.type });
    g.append(node('rect', { x, y, width: boxW, height: h, rx: 6, class: 'object-box' }));
    g.append(node('rect', { x, y, width: boxW, height: HEAD_H, rx: 6, class: 'object-head' }));
    g.append(node('text', { x: x + 8, y: y + 16, class: 'object-type' }, o.type));
    g.append(node('text', { x: x + boxW - 8, y: y + 16, class: 'object-id', 'text-anchor': 'end' }, `id ${o.id}`));
    const tags = [];
    if (state) tags.push(state);
    const names = namesOn.get(o.id) || [];
    if (names.length) tags.push(`${aliased ? '2+ names: ' : ''}${names.join(', ')}`);
    if (tags.length) g.append(fitText(node('text', { x: x + 2, y: y - 5, class: `object-tag${state ? ` tag-${state}` : ''}` }), tags.join(' · '), Math.floor((boxW + geo.colGap / 2) / 6.7)));
    let ly = y + HEAD_H + 13;
    g.append(node('text', { x: x + 8, y: ly, class: 'object-meta' }, metaText(o)));
    if (o.kind === 'list') {
      ly += META_H;
      g.append(node('text', { x: x + 8, y: ly, class: 'object-meta' }, `len ${o.len}, capacity ${o.cap}`));
    }
    const first = y + HEAD_H + META_H + (o.kind === 'list' ? META_H : 0);
    if (!rows.length) {
      const text = o.kind === 'leaf' || o.kind === 'function' || o.kind === 'instance' ? (o.repr ?? '') : '(empty)';
      g.append(fitText(node('text', { x: x + 8, y: first + 15, class: 'object-value' }), text, Math.floor((boxW - 16) / MONO_CH)));
    }
    rows.forEach((row, i) => {
      const ry = first + i * ROW_H;
      g.append(node('line', { x1: x + 4, x2: x + boxW - 4, y1: ry, y2: ry, class: 'row-rule' }));
      g.append(node('text', { x: x + 8, y: ry + 15, class: 'slot-label' }, row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label));
      if (!arrow(x + boxW - 10, ry + ROW_H / 2, box, row.to, 'slot', '', `${o.type} ${o.id}${row.label}`)) {
        slotValue(g, x + boxW - 10, ry + 15, row.to, (boxW - 26) / MONO_CH - Math.min(row.label.length, 16));
      }
    });
    boxes.append(g);
  }
  svg.append(boxes, arrows);
  const w = Math.ceil(reach);
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${w} ${height}`, width: w, height })) svg.setAttribute(k, String(v));
  return svg;
}

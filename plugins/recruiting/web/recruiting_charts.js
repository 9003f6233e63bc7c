// Charts for the recruiting analytics as inline SVG (no scripts or styles from elsewhere):
// horizontal bars of labelled values, one or two series.

const SVG = 'http://www.w3.org/2000/svg';

/// An SVG element with attributes and children (no markup parsing).
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A label that fits left of the bars (the whole label stays in the table beside the chart).
function shortLabel(label) {
  const text = String(label);
  return text.length > 26 ? `${text.slice(0, 25)}…` : text;
}

/// Horizontal bars: rows of {label, value, text?, second?} where `second` (drawn over the first,
/// e.g. hires over applications) is optional; `text` is what is written after the bar.
export function barChart(title, rows) {
  const width = 560;
  const barHeight = 20;
  const labelWidth = 170;
  const room = width - labelWidth - 90;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * (barHeight + 6) + 8;
  return svg('svg', { class: 'bar-chart', role: 'img', 'aria-label': title,
    viewBox: `0 0 ${width} ${height}`, width, height },
  svg('title', {}, title),
  rows.map((row, i) => {
    const y = 4 + i * (barHeight + 6);
    const length = Math.round((room * row.value) / max);
    const second = row.second === undefined ? null : Math.round((room * row.second) / max);
    return svg('g', { class: 'bar', 'data-label': row.label },
      svg('text', { x: 0, y: y + 14, class: 'bar-label' }, shortLabel(row.label)),
      svg('rect', { x: labelWidth, y, width: Math.max(length, 1), height: barHeight, rx: 3, class: 'first' }),
      second === null ? null : svg('rect', { x: labelWidth, y: y + 5, width: Math.max(second, 0), height: barHeight - 10, rx: 2, class: 'second' }),
      svg('text', { x: labelWidth + Math.max(length, 1) + 6, y: y + 14, class: 'bar-value' }, row.text ?? row.value));
  }));
}

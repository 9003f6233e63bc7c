// Tiny helpers to build DOM without innerHTML, so that no server text is ever parsed as markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function table(columns, rows) {
  return el('table', { class: 'data' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c.title)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map((c) => el('td', {}, c.render(row)))))));
}

export function errorBox(error) {
  return el('div', { class: 'error', role: 'alert' }, error.message,
    error.fields && error.fields.length
      ? el('ul', {}, error.fields.map((f) => el('li', {}, `${f.field}: ${f.message}`)))
      : null);
}

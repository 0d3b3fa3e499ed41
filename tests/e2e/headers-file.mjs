// Reads a `_headers` file, the format in which Netlify and Cloudflare Pages
// take response headers: a path pattern on a line of its own ("*" matches
// any run of characters), then its headers indented as "Name: value";
// "#" starts a comment line. The test server uses it to answer as such a
// host would, and the policy tests to compare it with the <meta> policy.

/** The rules of a `_headers` text, in order: `{ pattern, headers: [[name, value]] }`. */
export function parseHeadersFile(text) {
  const rules = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    if (rules.length === 0 || colon < 0) throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path, found ${JSON.stringify(line)}`);
    rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers every rule whose pattern matches `pathname` gives it, later rules adding to earlier ones. */
export function headersFor(rules, pathname) {
  const headers = {};
  for (const { pattern, headers: pairs } of rules) {
    const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    if (!new RegExp(`^${source}$`).test(pathname)) continue;
    for (const [name, value] of pairs) {
      const key = name.toLowerCase();
      headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
    }
  }
  return headers;
}

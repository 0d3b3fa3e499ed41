// Short names for what the app's wasm imports from its wasm-bindgen glue
// and for the closure entry points it exports to it.
//
// wasm-bindgen names each import after the JavaScript it calls plus a
// 16-digit hash (`__wbg_querySelector_0a4b3ba0f6b2e3d9`), and each closure
// entry point after its Rust symbol with its hash. The wasm and the glue
// both carry every such name, and the hashes do not compress: about 150
// names cost 3.3 KB of the wasm's gzip and 2 KB of the glue's. This gives
// each a short name (`$0`, `$1`, ... in base 36), the same in the wasm's
// import and export sections and in the glue, which refers to them only as
// property names. Nothing else in either file changes.
//
// Used by post-build.mjs on release builds; plain Node, no dependencies.

/** What stopped the renaming: the build must fail rather than ship a mismatch. */
export class NamesError extends Error {}

/** Names wasm-bindgen gives imports: its own and those of the JavaScript it calls. */
const IMPORT = /^__wb(?:g|indgen)_/;
/** Exports named after a Rust symbol with its hash: closures' entry points. */
const HASHED_EXPORT = /__h[0-9a-f]{16}$/;

/** An unsigned LEB128 number at `pos`: [value, position after it]. */
function readLeb(bytes, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    if (pos >= bytes.length) throw new NamesError('the wasm ends inside a number');
    byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

/** `value` as unsigned LEB128. */
function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A name as the wasm format writes it: its UTF-8 length, then its bytes. */
function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
}

/** The position after an import's description (its kind and type) at `pos`. */
function skipImportDescription(bytes, pos) {
  const kind = bytes[pos++];
  switch (kind) {
    case 0: // function: a type index
      return readLeb(bytes, pos)[1];
    case 1: { // table: a reference type, then limits
      pos += 1;
      return skipLimits(bytes, pos);
    }
    case 2: // memory: limits
      return skipLimits(bytes, pos);
    case 3: // global: a value type and mutability
      return pos + 2;
    default:
      throw new NamesError(`an import of unknown kind ${kind}`);
  }
}

/** The position after limits (a flag, a minimum, and a maximum if flagged). */
function skipLimits(bytes, pos) {
  const flags = bytes[pos++];
  pos = readLeb(bytes, pos)[1];
  return flags & 1 ? readLeb(bytes, pos)[1] : pos;
}

/** Reads a name at `pos`: [text, position after it]. */
function readName(bytes, pos) {
  const [length, start] = readLeb(bytes, pos);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

/**
 * Renames in `wasm` (a Buffer) and `glue` (the glue's source) every import
 * wasm-bindgen named and every export named after a hashed symbol.
 * Returns the new wasm, the new glue and how many names changed.
 */
export function shortenNames(wasm, glue) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new NamesError('not a wasm module');
  const renames = new Map();
  const short = () => `$${renames.size.toString(36)}`;
  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = readLeb(wasm, pos + 1);
    const end = start + size;
    if (id === 2 || id === 7) {
      const [count, first] = readLeb(wasm, start);
      const items = [leb(count)];
      let at = first;
      for (let i = 0; i < count; i++) {
        let module;
        if (id === 2) [module, at] = readName(wasm, at);
        let field;
        [field, at] = readName(wasm, at);
        const described = at;
        at = id === 2 ? skipImportDescription(wasm, at) : readLeb(wasm, at + 1)[1];
        if (id === 2 ? IMPORT.test(field) : HASHED_EXPORT.test(field)) {
          const renamed = renames.get(field) ?? short();
          renames.set(field, renamed);
          field = renamed;
        }
        if (id === 2) items.push(name(module));
        items.push(name(field), wasm.subarray(described, at));
      }
      if (at !== end) throw new NamesError(`section ${id} does not end where its size says`);
      const body = Buffer.concat(items);
      parts.push(Buffer.from([id]), leb(body.length), body);
    } else {
      parts.push(wasm.subarray(pos, end));
    }
    pos = end;
  }
  let renamedGlue = glue;
  for (const [from, to] of renames) {
    const whole = (text) => new RegExp(`(?<![\\w$])${text.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    if (whole(to).test(glue)) throw new NamesError(`the glue already uses the name ${to}`);
    const before = renamedGlue;
    renamedGlue = renamedGlue.replace(whole(from), () => to);
    if (renamedGlue === before) throw new NamesError(`the glue never names ${from}`);
  }
  return { wasm: Buffer.concat(parts), glue: renamedGlue, renamed: renames.size };
}

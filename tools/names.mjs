// Short names for the first-load engine's imports and exports (tools/minify.mjs): wasm-bindgen names each import
// `__wbg_<method>_<16 hex digits>` and exports closures' shims by their mangled Rust names, and both the .wasm and
// its glue spell each name out, which brotli cannot shrink (the hex digits). Here every import of the glue's module
// and every long export get a short name, in the .wasm's import and export sections and in the glue, where they
// appear only as the import object's keys (`NAME:`) and as the exports' properties (`.NAME`). A name left over in
// the glue, or one seen in another form, stops the build.

const leb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
};
const uleb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};
const name = (bytes, at) => {
  const [length, from] = leb(bytes, at);
  return [bytes.subarray(from, from + length).toString('utf8'), from + length];
};
const encode = (text) => Buffer.concat([uleb(Buffer.byteLength(text)), Buffer.from(text)]);

/** Where an import's description ends (function, table, memory, global or tag). */
function description(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    let q = leb(bytes, p)[1];
    if (flags & 1) q = leb(bytes, q)[1];
    return q;
  };
  if (kind === 0) return leb(bytes, at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  if (kind === 4) return leb(bytes, at + 1)[1];
  throw new Error(`unknown import kind ${kind}`);
}

/** The .wasm with short names and the glue with the same, or an error. */
export function shorten(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const renamed = new Map(); // old name → [new name, 'import' | 'export']
  const sections = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    let content = wasm.subarray(body, end);
    if (id === 2 || id === 7) {
      const parts = [];
      let [count, p] = leb(wasm, body);
      parts.push(uleb(count));
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          const [module, q] = name(wasm, p);
          const [field, r] = name(wasm, q);
          const done = description(wasm, r);
          let short = field;
          if (/^__wbg_/.test(field)) {
            short = `i${renamed.size.toString(36)}`;
            renamed.set(field, [short, 'import']);
          }
          parts.push(encode(module), encode(short), wasm.subarray(r, done));
          p = done;
        } else {
          const [field, q] = name(wasm, p);
          const [, r] = leb(wasm, q + 1);
          let short = field;
          if (/^(__wbindgen_|__externref_|wasm_bindgen__)/.test(field)) {
            short = `e${renamed.size.toString(36)}`;
            renamed.set(field, [short, 'export']);
          }
          parts.push(encode(short), wasm.subarray(q, r));
          p = r;
        }
      }
      content = Buffer.concat(parts);
    }
    sections.push(Buffer.from([id]), uleb(content.length), content);
    at = end;
  }
  let code = glue;
  for (const [old, [short, kind]] of renamed) {
    const pattern = kind === 'import' ? new RegExp(`(?<![\\w$])${old}(?=:)`, 'g') : new RegExp(`\\.${old}(?![\\w$])`, 'g');
    const found = code.match(pattern);
    if (!found && kind === 'import') throw new Error(`the glue does not define the import ${old}`);
    code = code.replace(pattern, kind === 'import' ? short : `.${short}`);
    if (new RegExp(`(?<![\\w$])${old}(?![\\w$])`).test(code)) throw new Error(`the glue names ${old} in another way`);
  }
  return { wasm: Buffer.concat(sections), glue: code, count: renamed.size };
}

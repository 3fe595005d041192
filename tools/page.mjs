// What the build tools read from a built page (dist/index.html): the element Trunk writes in place of the rust link
// (`#anju-glue`, Trunk.toml pattern_script), an attribute of a tag, and the file a page-relative URL names; and the
// subresource-integrity value they write for a file.
import path from 'node:path';
import crypto from 'node:crypto';

/** The `<link id="anju-glue" …>` tag naming the glue and the engine. */
export const GLUE_TAG = /<link\b[^>]*\bid="?anju-glue"?[^>]*>/;

/** The value of attribute `name` in `tag` (quoted or not, as the minifier left it), or undefined. */
export const attribute = (tag, name) => (tag.match(new RegExp(`\\s${name}=("[^"]*"|[^\\s>]*)`)) || [])[1]
  ?.replace(/"/g, '');

/** The URL relative to the page, without its `./`. */
export const local = (url) => url.replace(/^\.\//, '');

/** The file under `dir` that a page-relative URL names. */
export const fileOf = (dir, url) => path.join(dir, local(url));

/** The subresource-integrity value of a file's bytes (SHA-256), as the page names it. */
export const sri = (bytes) => `sha256-${crypto.createHash('sha256').update(bytes).digest('base64')}`;

/** The file tools/integrity.mjs writes: the integrity of every file fetched after the start. */
export const INTEGRITY_LIST = /^integrity-[0-9a-f]+\.txt$/;

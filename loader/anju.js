// Anju's JS API: the calculator without its page, for a host page's own scripts. An ES module; nothing here touches
// the DOM, stores anything or sends anything anywhere.
//
//   import { assess, compare, timeline, plan } from 'https://…/api/anju.js';
//   const result = await assess({ household: { adults: [{ currentPlace: 'guangxi/liuzhou/rongan' }] } });
//
// Each function takes the CLI's JSON request (assess) or plan (compare, timeline, plan), as an object or as JSON
// text, and resolves to the CLI's JSON result as plain objects (camelCase), exactly what `anju <command>` prints
// for the same input (docs/request-result.md, docs/scenarios.md, `anju schema`). `options.asOf` (`YYYY-MM`) is the
// month a request without its own `asOf` is evaluated at; by default this month on the device's calendar. A bad
// request rejects with an `Error` whose `path` is the JSON path of the bad field (`household.adults[0].birth`), or
// null when the input is not a JSON object. Types: anju.d.ts beside this file.
//
// `options.rules` is a place's own rules (a pack as `anju pack` prints it, object or JSON text), answered over the
// built-in rules as `anju … --rules` does; `checkRules(pack)` resolves to the pack's place, rule count and
// documents, or rejects with an `Error` whose `problems` are every problem (`{ path, message }`, `path` the JSON
// path in the pack) and whose `path` is the first one's. A host page fetches its own pack (same origin).
//
// The engine is a wasm module (anju-js_bg.wasm) loaded on the first call; a host's Content-Security-Policy must
// allow `script-src 'self' 'wasm-unsafe-eval'` for it.

const here = (path) => new URL(path, import.meta.url).href;
let engine;
const load = () => {
  engine = engine || import(here('anju-js.js'))
    .then((m) => m.default({ module_or_path: here('anju-js_bg.wasm') }).then(() => m));
  engine.catch(() => { engine = undefined; });
  return engine;
};

const thisMonth = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
};

const json = (input) => (typeof input === 'string' ? input : JSON.stringify(input ?? null));

const call = (name) => async (input, options = {}) => {
  const m = await load();
  const rules = options.rules == null ? '' : json(options.rules);
  return JSON.parse(m[name](json(input), options.asOf ?? thisMonth(), rules));
};

/** `anju assess`: the assessment of a request. */
export const assess = call('assess');
/** `anju compare`: the baseline and a plan's scenarios side by side. */
export const compare = call('compare');
/** `anju timeline`: the month each criterion and status changes, for the baseline and each scenario. */
export const timeline = call('timeline');
/** `anju plan`: the ways to each program not yet eligible. */
export const plan = call('plan');
/** A place's own rules checked: `{ place, rules, sources }`, or an `Error` with every problem. */
export const checkRules = async (pack) => JSON.parse((await load()).check_rules(json(pack)));

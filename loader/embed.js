/* The calculator on a host's page: one script and one element (docs/embedding.md).
 *
 *   <div data-anju data-place="shandong/linyi/linshu" data-lang="zh-CN">…what to show without JavaScript…</div>
 *   <script src="anju/embed.js" defer></script>
 *
 * tools/embed.mjs builds dist/embed.js from three parts: the build's facts (`window.anjuEmbed`: the page's markup
 * and the hashed files with their integrity), loader/check.js, and this file, which:
 * - attaches a shadow root to the first [data-anju] element and writes the page's markup into a frame inside it,
 *   with the app's style made for it (embed/app-HASH.css): the host's styles do not reach the app, the app's do not
 *   reach the host;
 * - measures the visitor's own text size (`medium`) for the frame's unit, so a host's html font-size changes nothing;
 * - reads the element's data attributes: `data-lang` (zh-CN or en), `data-place` (a place id: where the family
 *   lives, for the first question), `data-preset` (a preset family's id, opened at its results), `data-accent` (a
 *   CSS colour for the bars and buttons), `data-compact` (no introduction, tighter edges), `data-rules` (the
 *   county's own rules: a file `anju pack` made, on the host's own site);
 * - runs the engine check in the frame (the fallback shows there, never a blank element), then preloads the glue
 *   with its integrity (and names the integrity of what is fetched later) and starts loader/load.js, which mounts
 *   the app into the frame's #app.
 * The host's URL is left alone but for the hand-over link's `#s=…`, which opens a family as on the page; no service
 * worker is registered on the host's origin. Without shadow DOM the element keeps its own content.
 *
 * ES5 syntax on purpose, like check.js: it must run on the old engines it turns away. */
(function () {
  'use strict';

  var embed = window.anjuEmbed;
  var host = document.querySelector('[data-anju]');
  if (!embed || !embed.check || !host || !host.attachShadow || host.shadowRoot) return;
  var here = (document.currentScript && document.currentScript.src) || document.baseURI;
  var url = function (path) { return new URL(path, here).href; };
  var data = host.dataset;

  var shadow = host.attachShadow({ mode: 'open' });
  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = url(embed.css[0]);
  style.integrity = embed.css[1];
  shadow.appendChild(style);
  var frame = document.createElement('div');
  frame.className = 'anju-embed';
  frame.innerHTML = embed.markup;
  // The frame's unit: the visitor's own text size, whatever the host's page sets.
  var probe = document.createElement('span');
  probe.style.fontSize = 'medium';
  shadow.appendChild(probe);
  frame.style.setProperty('--anju-base', window.getComputedStyle(probe).fontSize);
  shadow.removeChild(probe);
  if (data.accent && window.CSS && CSS.supports('color', data.accent)) {
    frame.style.setProperty('--anju-accent', data.accent);
  }
  if (data.compact !== undefined && data.compact !== 'false') frame.setAttribute('data-compact', '');
  shadow.appendChild(frame);

  var english = /^en\b/i.test(data.lang || '');
  // A county's rules on the host's own site (`data-rules`, relative to the host's page): the app's build that takes
  // them (anju-app-rules, next to the engine) fetches and checks them (src/rules.rs).
  var rules = data.rules ? new URL(data.rules, document.baseURI).href : '';
  embed.config = [english ? 'en' : '', data.place || '', data.preset || '', rules].join('\n');
  frame.setAttribute('lang', english ? 'en' : 'zh-CN');
  embed.scope = shadow;
  embed.frame = frame;
  embed.style = url(embed.whatifCss[0]);
  embed.styleIntegrity = embed.whatifCss[1];
  embed.check(shadow, frame);
  if (frame.getAttribute('data-engine') !== 'ok') return;

  var glue = document.createElement('link');
  glue.id = 'anju-glue';
  glue.rel = 'modulepreload';
  // With rules, the build that takes them in place of the engine.
  glue.href = url(rules ? 'anju-app-rules.js' : embed.glue[0]);
  glue.integrity = rules ? embed.rules[0] : embed.glue[1];
  glue.setAttribute('data-wasm', url(rules ? 'anju-app-rules_bg.wasm' : embed.wasm[0]));
  glue.setAttribute('data-wasm-integrity', rules ? embed.rules[1] : embed.wasm[1]);
  // What the page fetches after it has started, each with its integrity (load.js).
  glue.setAttribute('data-integrity', embed.integrity || '');
  document.head.appendChild(glue);
  var load = document.createElement('script');
  load.type = 'module';
  load.src = url(embed.load[0]);
  load.integrity = embed.load[1];
  document.head.appendChild(load);
})();

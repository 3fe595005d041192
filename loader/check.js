/* Engine check, run before the app's .wasm is fetched.
 *
 * Why: the app is Rust compiled to WebAssembly that uses reference types (externref) and bulk memory, which current
 * Rust turns on by default. Engines below Chromium 96 / iOS 15 (old WeChat X5 or XWeb, old UC) cannot compile it, and
 * without this check the page would say "正在加载" for ever. See docs on the wasm floor (ux-china §3.3, R1).
 *
 * What: validates two tiny probe modules (a few bytes each, nothing is fetched). If WebAssembly is missing, a probe
 * fails or the engine has no ES modules (the loader is one), it shows the static fallback in index.html (#unsupported)
 * instead of the loading text. It marks the result on <html data-engine="ok|unsupported">; load.js fetches the
 * .wasm only when the engine is not "unsupported". It also fills in the page link the fallback offers to copy, and
 * shows the 重试 (reload) button when the app has not replaced the loading text after 10 s, whatever the reason,
 * even if load.js never ran.
 *
 * A host page's element (loader/embed.js, which carries this file) runs the same check in its own frame.
 *
 * ES5 syntax on purpose (var, function, no modules): it must parse and run on the old engines it turns away.
 */
(function () {
  'use strict';

  // (module (func (result externref) ref.null extern))
  var EXTERNREF_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 208, 111, 11];
  // (module (memory 1) (func i32.const 0 i32.const 0 i32.const 0 memory.fill))
  var BULK_MEMORY_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 13, 1, 11,
    0, 65, 0, 65, 0, 65, 0, 252, 11, 0, 11];

  function validates(bytes) {
    try {
      return WebAssembly.validate(new Uint8Array(bytes)) === true;
    } catch (e) {
      return false;
    }
  }

  function engineRunsApp() {
    if (typeof WebAssembly !== 'object' || WebAssembly === null || typeof WebAssembly.validate !== 'function') {
      return false;
    }
    if (!('noModule' in document.createElement('script'))) {
      return false;
    }
    return validates(EXTERNREF_PROBE) && validates(BULK_MEMORY_PROBE);
  }

  // The check, on this page (`scope` the document, `frame` its <html>) or in a host page's element (loader/embed.js
  // runs it on the element's shadow root and frame).
  function run(scope, frame) {
    // The page link, ready to copy: long-press the field, or the copy button where the engine can copy.
    var link = scope.getElementById('unsupported-link');
    var copy = scope.getElementById('unsupported-copy');
    if (link) {
      link.value = window.location.href;
      link.addEventListener('focus', function () { link.select(); });
    }
    if (link && copy) {
      copy.addEventListener('click', function () {
        var copied = false;
        link.focus();
        link.select();
        try {
          copied = document.execCommand('copy');
        } catch (e) {
          copied = false;
        }
        copy.textContent = copied ? '已复制 Copied' : '请长按上面的链接复制 Long-press the link to copy';
      });
    }

    var retry = scope.getElementById('loading-retry');
    var retryButton = retry && retry.getElementsByTagName('button')[0];
    if (retryButton) {
      retryButton.addEventListener('click', function () { window.location.reload(); });
      // The app empties #app when it starts, so a retry still in the page means it has not started.
      window.setTimeout(function () { retry.hidden = false; }, 10000);
    }

    if (engineRunsApp()) {
      frame.setAttribute('data-engine', 'ok');
    } else {
      frame.setAttribute('data-engine', 'unsupported');
      var app = scope.getElementById('app');
      var fallback = scope.getElementById('unsupported');
      if (app) app.hidden = true;
      if (fallback) fallback.hidden = false;
    }
  }

  // On a host's page embed.js, which carries this file, calls the check itself.
  if (window.anjuEmbed) window.anjuEmbed.check = run;
  else run(document, document.documentElement);
})();

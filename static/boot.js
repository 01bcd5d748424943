// The boot guard: never a blank page. Inlined into the page ahead of the app (Trunk's
// rel="inline"), as a classic script in ES5 so that it runs in every browser an office may
// still have (IE mode included). It checks what the app needs before the app's loader runs and
// watches the loader; when the app cannot start here it shows, without the app, what happened
// and what to do, in Chinese and English. The app sets data-nb-started on <html> when it mounts
// (src/main.rs); after that the guard does nothing.
//
// The floor named below and the features probed are checked against the build by
// tests/e2e/browsers.test.mjs: change them together.
(function () {
  'use strict';
  var FLOOR = { chromium: 97, firefox: 79 };
  var root = document.documentElement;
  var single = root.hasAttribute('data-nb-single');
  var shown = false;

  // Tiny modules that each use one WebAssembly feature the build needs (see the test above).
  function wasm(body) {
    var head = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    return new Uint8Array(head.concat(body));
  }
  var NO_PARAMS = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00];
  var ONE_FUNC = [0x03, 0x02, 0x01, 0x00];
  function code(body) {
    return [0x0a, body.length + 2, 0x01, body.length].concat(body);
  }
  var FEATURES = {
    'reference-types': wasm([0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x6f].concat(ONE_FUNC,
      code([0x00, 0xd0, 0x6f, 0x0b]))),
    'multivalue': wasm([0x01, 0x06, 0x01, 0x60, 0x00, 0x02, 0x7f, 0x7f].concat(ONE_FUNC,
      code([0x00, 0x41, 0x00, 0x41, 0x00, 0x0b]))),
    'bulk-memory': wasm(NO_PARAMS.concat(ONE_FUNC, [0x05, 0x03, 0x01, 0x00, 0x00],
      code([0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0b, 0x00, 0x0b]))),
    'sign-ext': wasm(NO_PARAMS.concat(ONE_FUNC, code([0x00, 0x41, 0x00, 0xc0, 0x1a, 0x0b]))),
    'nontrapping-float-to-int': wasm(NO_PARAMS.concat(ONE_FUNC,
      code([0x00, 0x43, 0x00, 0x00, 0x00, 0x00, 0xfc, 0x00, 0x1a, 0x0b]))),
    'mutable-globals': wasm([0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b,
      0x07, 0x05, 0x01, 0x01, 0x67, 0x03, 0x00])
  };
  window.nianbaoWasmProbes = FEATURES;

  function missing() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') {
      return 'WebAssembly';
    }
    for (var name in FEATURES) {
      if (Object.prototype.hasOwnProperty.call(FEATURES, name)) {
        var ok = false;
        try { ok = WebAssembly.validate(FEATURES[name]); } catch (e) { ok = false; }
        if (!ok) return 'WebAssembly ' + name;
      }
    }
    // The page's security policy allows compiling wasm by 'wasm-unsafe-eval' (Chromium 97); an
    // older Chromium refuses any module under that policy.
    try { new WebAssembly.Module(wasm([])); } catch (e) { return 'WebAssembly under a security policy'; }
    var script = document.createElement('script');
    if (!('noModule' in script)) return 'JavaScript modules';
    if (typeof Promise !== 'function' || typeof TextDecoder !== 'function') return 'ES2017';
    return null;
  }

  var BROWSERS = {
    zh: '能用的浏览器：Chromium 内核 ' + FLOOR.chromium + ' 版及以上（新版 Chrome、Edge，' +
      '360、奇安信、QQ 等浏览器的“极速模式”），或 Firefox ' + FLOOR.firefox +
      ' 版及以上（统信UOS、麒麟自带的 Firefox ESR）。IE 和“兼容模式”都不行。',
    en: 'Browsers that work: Chromium ' + FLOOR.chromium + ' or later (current Chrome and Edge; ' +
      '360, Qi-An-Xin or QQ browser in their fast mode) or Firefox ' + FLOOR.firefox +
      ' or later (the Firefox ESR of UOS and Kylin). Internet Explorer and “compatibility mode” do not.'
  };
  var DRAFTS = {
    zh: '已保存在本浏览器中的草稿不会因此丢失。下载过的草稿文件（.json）在你的电脑上：' +
      '在能用的浏览器中打开本工具，在首页选“打开草稿文件”即可接着写。',
    en: 'Drafts already saved in this browser are not lost. A draft file you downloaded (.json) is on ' +
      'your computer: open this tool in a browser that works and choose “Open a draft file” on its start screen.'
  };
  var CASES = {
    folder: {
      zh: ['这是放在网站服务器上用的文件夹版，不能直接从磁盘打开。',
        '请打开同一文件夹中的 nianbao.html：它是单文件版，双击即可使用，不需要服务器。'],
      en: ['This is the folder version, for a web server; it cannot run opened from disk.',
        'Open nianbao.html in the same folder instead: the single-file version, which runs with a double-click and needs no server.']
    },
    old: {
      zh: ['这个浏览器缺少本工具需要的功能，无法运行本工具。', BROWSERS.zh],
      en: ['This browser lacks what the tool needs, so the tool cannot run here.', BROWSERS.en]
    },
    blocked: {
      zh: ['本工具的程序文件没有载入，可能被网络、代理或安全软件拦截。',
        '请刷新页面；仍不行时，请改用单文件版 nianbao.html（双击即可使用），或请网站管理员检查。' + BROWSERS.zh],
      en: ['The tool’s program files did not load; a network, proxy or security program may have blocked them.',
        'Reload the page; if that does not help, use the single-file version nianbao.html (double-click it), or ask the site’s administrator. ' + BROWSERS.en]
    },
    sandboxed: {
      zh: ['本工具嵌入在网页中，但嵌入它的 <iframe> 不允许它使用自己的来源（缺少 allow-same-origin），因此无法运行。',
        '请网站管理员按本工具说明（README 的“嵌入内网门户”一节）在 sandbox 属性中加入 allow-same-origin；或者直接打开本工具、使用单文件版 nianbao.html。'],
      en: ['The tool is embedded in a page whose <iframe> does not let it use its own origin (allow-same-origin is missing), so it cannot run.',
        'Ask the site’s administrator to add allow-same-origin to the sandbox attribute as the tool’s README shows (“Embedding in an intranet portal”), or open the tool directly, or use the single file nianbao.html.']
    },
    failed: {
      zh: ['本工具没有能够启动。', '请刷新页面；仍不行时，请换用下面所列的浏览器。' + BROWSERS.zh],
      en: ['The tool could not start.', 'Reload the page; if that does not help, use one of the browsers below. ' + BROWSERS.en]
    }
  };

  function started() {
    return root.hasAttribute('data-nb-started');
  }

  function el(tag, text, lang) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    if (lang) node.setAttribute('lang', lang);
    return node;
  }

  // The notice replaces the page's body; styled through the CSSOM, which needs no style sheet
  // (the app's may be what failed to load).
  function show(kind, detail) {
    if (shown || started()) return;
    shown = true;
    var body = document.body || root.appendChild(document.createElement('body'));
    while (body.firstChild) body.removeChild(body.firstChild);
    var main = el('main');
    main.id = 'nb-boot-problem';
    var s = main.style;
    s.maxWidth = '44rem';
    s.margin = '2rem auto';
    s.padding = '1rem 1.5rem';
    s.borderLeft = '6px solid #b3261e';
    s.background = '#fbeceb';
    s.color = '#1a1a1a';
    s.fontFamily = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
    s.lineHeight = '1.6';
    var text = CASES[kind];
    var zh = el('div', null, 'zh-CN');
    zh.appendChild(el('h1', '年报 nianbao 无法在这里运行'));
    zh.appendChild(el('p', text.zh[0]));
    zh.appendChild(el('p', text.zh[1]));
    zh.appendChild(el('p', DRAFTS.zh));
    var en = el('div', null, 'en');
    en.appendChild(el('h2', 'nianbao cannot run here'));
    en.appendChild(el('p', text.en[0]));
    en.appendChild(el('p', text.en[1]));
    en.appendChild(el('p', DRAFTS.en));
    main.appendChild(zh);
    main.appendChild(en);
    if (detail) {
      var why = el('p', '（' + detail + '）');
      why.style.fontSize = '0.9rem';
      why.style.color = '#4a4a4a';
      main.appendChild(why);
    }
    body.appendChild(main);
    root.setAttribute('data-nb-boot-problem', kind);
  }

  function whenReady(then) {
    if (document.body) then();
    else document.addEventListener('DOMContentLoaded', then);
  }

  if (location.protocol === 'file:' && !single) {
    whenReady(function () { show('folder'); });
    // The app's loader must not try: it would only log errors behind the notice.
    window.nianbaoBlocked = true;
    return;
  }
  // In a sandboxed frame without allow-same-origin the page's origin is opaque: its own files
  // would be refused (module scripts need CORS) and it could keep nothing.
  if (window.origin === 'null' && location.protocol !== 'file:') {
    whenReady(function () { show('sandboxed'); });
    window.nianbaoBlocked = true;
    return;
  }
  var lacking = missing();
  if (lacking) {
    whenReady(function () { show('old', lacking); });
    window.nianbaoBlocked = true;
    return;
  }
  // A script, style sheet or module that fails to load, or a loader that throws, before the app
  // has mounted. Resource errors do not bubble: listen in the capture phase.
  window.addEventListener('error', function (ev) {
    if (started()) return;
    var target = ev.target;
    if (target && target !== window && target.tagName) {
      // A preload hint or the style sheet failing is not fatal; the script's own fetch is.
      if (target.tagName !== 'SCRIPT') return;
      whenReady(function () { show('blocked', target.src || 'script'); });
    } else {
      whenReady(function () { show('failed', ev.message); });
    }
  }, true);
  // A script the page's security policy refuses (a proxy or a server that changed the page, so
  // its inline scripts no longer match their hashes) fires no error event; the policy says so.
  document.addEventListener('securitypolicyviolation', function (ev) {
    if (started() || !/^script-src/.test(ev.effectiveDirective || ev.violatedDirective || '')) return;
    whenReady(function () { show('blocked', ev.blockedURI || 'inline script'); });
  });
  // A notice shown for a failure the app then recovered from (it started after all) goes.
  if (typeof MutationObserver === 'function') {
    new MutationObserver(function () {
      var notice = document.getElementById('nb-boot-problem');
      if (started() && notice) notice.parentNode.removeChild(notice);
    }).observe(root, { attributes: true, attributeFilter: ['data-nb-started'] });
  }
  window.addEventListener('unhandledrejection', function (ev) {
    if (started()) return;
    var reason = ev.reason;
    var text = reason && reason.message ? reason.message : String(reason);
    whenReady(function () { show(/fetch|network|load/i.test(text) ? 'blocked' : 'failed', text); });
  });
})();

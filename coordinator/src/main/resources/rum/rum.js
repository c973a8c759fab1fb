/* Probefleet real-user beacon. <script src=".../rum.js" data-site="KEY" data-coordinator="https://..."></script>
   probefleet.start(j) on the journey's first page, probefleet.complete(j) on its last; a journey started and
   left without completion reports a failure on pagehide. No cookies: a random page id, kept in sessionStorage
   while the journey goes on from page to page in this tab, is all that is sent with the site key and journey. */
(function (w, d) {
  var s = d.currentScript, site = s && s.getAttribute('data-site'), P = 'probefleet:', carry = 0, open = {}, ss;
  var base = (s && s.getAttribute('data-coordinator')) || (s ? new URL(s.src).origin : '');
  var url = base + '/api/v1/rum?site=' + encodeURIComponent(site || '');
  try { ss = w.sessionStorage; } catch (e) { ss = null; }
  function keep(j, p) { try { if (p) { ss.setItem(P + j, p); } else { ss.removeItem(P + j); } } catch (e) {} }
  function id() {
    var a = new Uint8Array(8), h = '';
    w.crypto.getRandomValues(a);
    for (var i = 0; i < 8; i++) { h += (a[i] + 256).toString(16).slice(1); }
    return h;
  }
  function body(j, e, p) { return JSON.stringify({ journey: j, event: e, page: p }); }
  function send(j, e, p) {
    return w.fetch(url, { method: 'POST', body: body(j, e, p), headers: { 'Content-Type': 'application/json' },
      keepalive: true, credentials: 'omit', mode: 'cors' })
      .then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; });
  }
  if (ss) {
    for (var i = 0; i < ss.length; i++) {
      var k = ss.key(i);
      if (k && k.indexOf(P) === 0) { open[k.slice(P.length)] = ss.getItem(k); }
    }
  }
  function start(j) {
    var p = id();
    open[j] = p;
    keep(j, p);
    return send(j, 'start', p).then(function (r) {
      if (r.sampled === false && open[j] === p) { delete open[j]; keep(j); }
      return r;
    });
  }
  function end(j, e) {
    var p = open[j];
    if (!p) { return Promise.resolve({}); }
    delete open[j];
    keep(j);
    return send(j, e, p);
  }
  // A link or form to this site carries the started journey to the next page, which completes it or fails it in turn.
  d.addEventListener('click', function (e) {
    var a = e.target && e.target.closest && e.target.closest('a[href]');
    if (a && a.origin === w.location.origin) { carry = 1; }
  }, true);
  d.addEventListener('submit', function () { carry = 1; }, true);
  w.addEventListener('pagehide', function () {
    if (carry) { carry = 0; return; }
    for (var j in open) {
      if (!w.navigator.sendBeacon || !w.navigator.sendBeacon(url, body(j, 'fail', open[j]))) { send(j, 'fail', open[j]); }
      keep(j);
    }
    open = {};
  });
  w.probefleet = { start: start, complete: function (j) { return end(j, 'complete'); }, fail: function (j) { return end(j, 'fail'); } };
})(window, document);

/* P1 meter dashboard: live over a WebSocket, polling api/reading and api/status when the socket cannot connect. */
(function () {
  'use strict';

  var WINDOW_MS = 5 * 60 * 1000;     // the chart shows the last five minutes
  var POLL_MS = 5000;                // polling interval of the fallback
  var MIN_STALE_MS = 30000;          // DSMR 4 sends every 10 s, DSMR 5 every second: 30 s covers both
  var CLOCK_OFF_MS = 10 * 60 * 1000; // a meter clock this far from the arrival time is worth a word
  // the reader's states (api/status, the socket's "status" message) in which no telegrams can come
  var SOURCE_LOST = { connecting: 'lost', disconnected: 'lost', stopped: 'lost', no_data: 'nodata' };

  var TEXT = {
    en: {
      title: 'P1 meter', connecting: 'Connecting…', live: 'Live', polling: 'Polling', stale: 'Stale',
      offline: 'No connection', lost: 'Meter not connected', nodata: 'No data from the meter',
      clockOff: 'the meter’s clock is off', waiting: 'Waiting for the first telegram…',
      importing: 'Importing from the grid',
      exporting: 'Exporting to the grid', balanced: 'In balance', chartTitle: 'Last 5 minutes',
      net: 'Net', phases: 'Phases', energy: 'Energy counters', imported: 'Imported', exported: 'Exported',
      tariff: 'Tariff', total: 'Total', currentTariff: 'Current tariff', gasWater: 'Gas and water', gas: 'Gas',
      water: 'Water', heat: 'Heat', flow: 'flow', peak: 'Peak demand (capacity tariff)',
      averageDemand: 'Current quarter hour', peakDemand: 'Peak this month', meter: 'Meter', header: 'Identification',
      version: 'P1 version', serial: 'Serial number', gasSerial: 'Gas meter', crc: 'CRC', crcOk: 'checked, valid',
      crcNone: 'not sent', failures: 'Power failures', longFailures: 'Long power failures', sags: 'Voltage sags',
      swells: 'Voltage swells', meterTime: 'Meter time', ago: 'ago', justNow: 'just now', at: 'at',
      footer: 'Values as the meter sent them, updated on every telegram.', noData: 'no reading yet'
    },
    nl: {
      title: 'P1-meter', connecting: 'Verbinden…', live: 'Live', polling: 'Peilen', stale: 'Verouderd',
      offline: 'Geen verbinding', lost: 'Meter niet verbonden', nodata: 'Geen gegevens van de meter',
      clockOff: 'de klok van de meter loopt niet gelijk', waiting: 'Wachten op het eerste telegram…',
      importing: 'Afname van het net',
      exporting: 'Teruglevering aan het net', balanced: 'In balans', chartTitle: 'Laatste 5 minuten',
      net: 'Netto', phases: 'Fasen', energy: 'Meterstanden', imported: 'Afgenomen', exported: 'Teruggeleverd',
      tariff: 'Tarief', total: 'Totaal', currentTariff: 'Huidig tarief', gasWater: 'Gas en water', gas: 'Gas',
      water: 'Water', heat: 'Warmte', flow: 'verbruik', peak: 'Piekvermogen (capaciteitstarief)',
      averageDemand: 'Huidig kwartier', peakDemand: 'Piek deze maand', meter: 'Meter', header: 'Identificatie',
      version: 'P1-versie', serial: 'Serienummer', gasSerial: 'Gasmeter', crc: 'CRC', crcOk: 'gecontroleerd, geldig',
      crcNone: 'niet verzonden', failures: 'Stroomonderbrekingen', longFailures: 'Lange stroomonderbrekingen',
      sags: 'Spanningsdips', swells: 'Spanningspieken', meterTime: 'Metertijd', ago: 'geleden', justNow: 'zojuist',
      at: 'om', footer: 'Waarden zoals de meter ze stuurt, bijgewerkt bij elk telegram.', noData: 'nog geen meting'
    }
  };

  var params = new URLSearchParams(location.search);
  var lang = (params.get('lang') || navigator.language || 'en').toLowerCase().indexOf('nl') === 0 ? 'nl' : 'en';
  var T = TEXT[lang];
  var locale = lang === 'nl' ? 'nl-NL' : undefined;
  var root = document.documentElement;
  root.lang = lang;

  var state = {
    mode: 'connecting',      // connecting | live | polling | offline: how this page reaches the server
    source: 'unknown',       // the server's reader: connected | connecting | disconnected | no_data | stopped | unknown
    sourceMessage: '',
    reading: null,
    receivedAt: 0,           // when the shown reading arrived at the server (this browser's clock)
    intervals: [],
    snapshot: false,         // the shown reading is the one sent on connect (or the first poll)
    history: [],
    lastKey: null,
    utilities: {}            // gas / water: previous distinct readings for the flow
  };

  function $(id) { return document.getElementById(id); }
  function has(v) { return typeof v === 'number' && isFinite(v); }
  function fmt(v, digits) {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  }
  function signed(watts) {
    var abs = fmt(Math.abs(watts), 0);
    return watts > 0 ? '+' + abs : watts < 0 ? '\u2212' + abs : abs;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function time(iso, withDate) {
    var d = new Date(iso);
    if (isNaN(d)) { return iso || ''; }
    var opts = withDate ? { dateStyle: 'medium', timeStyle: 'medium' } : { timeStyle: 'medium' };
    return new Intl.DateTimeFormat(locale, opts).format(d);
  }
  function ago(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    if (s < 2) { return T.justNow; }
    var rtf = typeof Intl.RelativeTimeFormat === 'function' ? new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' }) : null;
    var v = s < 90 ? [s, 'second'] : s < 5400 ? [Math.round(s / 60), 'minute'] : [Math.round(s / 3600), 'hour'];
    return rtf ? rtf.format(-v[0], v[1]) : v[0] + ' ' + v[1] + 's ' + T.ago;
  }

  document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = T[e.getAttribute('data-i18n')]; });
  document.title = T.title;

  /* ---------- connection ---------- */

  var ws = null, wsFailures = 0, pollTimer = null;

  function socketUrl() {
    // relative to the page, so that the page also works behind a reverse proxy that adds a prefix
    var url = new URL(root.getAttribute('data-ws-url') || './', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // openHAB accepts a web socket from a user it knows: an API token given to the page goes along
    var token = params.get('accessToken');
    if (token) { url.searchParams.set('accessToken', token); }
    return url.href;
  }

  function connectSocket() {
    if (params.get('transport') === 'poll' || typeof WebSocket !== 'function') { startPolling(); return; }
    try {
      ws = new WebSocket(socketUrl());
    } catch (e) {
      startPolling();
      return;
    }
    ws.onopen = function () {
      wsFailures = 0;
      keepAlive();
      stopPolling();
      setMode('live');
    };
    ws.onmessage = function (event) {
      try {
        var msg = JSON.parse(event.data);
        if (!msg || !msg.payload || typeof msg.payload !== 'object') { return; }
        if (msg.topic === 'status') { acceptStatus(msg.payload); }
        else if (msg.topic === 'history') { acceptHistory(msg.payload); }
        else { accept(msg.payload, msg.topic === 'power'); }
      } catch (e) { /* a message we do not understand: keep the socket */ }
    };
    ws.onclose = function () {
      ws = null;
      wsFailures++;
      startPolling();
      // try the socket again now and then; meanwhile polling keeps the page current
      setTimeout(connectSocket, Math.min(60000, 1000 * Math.pow(2, Math.min(wsFailures, 6))));
    };
  }

  // Some servers close a socket that has been quiet for a while; a DSMR 4 meter only speaks every 10 s.
  // The server ignores what the page sends, so a short text now and then keeps the socket open.
  var keepAliveTimer = null;
  function keepAlive() {
    if (keepAliveTimer) { return; }
    keepAliveTimer = setInterval(function () {
      if (ws && ws.readyState === 1) { ws.send('ping'); }
    }, 5000);
  }

  function startPolling() {
    if (pollTimer) { return; }
    setMode('polling');
    poll();
    pollTimer = setInterval(poll, POLL_MS);
  }
  function stopPolling() {
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }
  function poll() {
    fetch('api/reading', { cache: 'no-store', headers: { Accept: 'application/json' } }).then(function (r) {
      if (r.status === 503) { setMode('polling'); return null; }
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    }).then(function (reading) {
      if (reading) { setMode('polling'); accept(reading, state.reading === null); }
      // after the reading: the status says when it arrived (an older server has no api/status: no matter)
      return fetch('api/status', { cache: 'no-store', headers: { Accept: 'application/json' } });
    }).then(function (r) {
      return r && r.ok ? r.json() : null;
    }).then(function (status) {
      if (status) { acceptStatus(status); }
    }).catch(function () { if (pollTimer) { setMode('offline'); } });
  }

  function setMode(mode) {
    state.mode = mode;
    renderState();
  }

  /* ---------- readings ---------- */

  // Ages count from the arrival, never from the meter's clock (which may be off, or replayed from years ago).
  // A reading sent on connect may be old: the status that follows it says how long ago it arrived.
  function accept(r, snapshot) {
    var key = JSON.stringify(r);
    if (key === state.lastKey) { return; }      // polling saw the same telegram again
    state.lastKey = key;
    var now = Date.now();
    var at = now;
    // the meter's interval, from readings that came one after the other (not from the one sent on connect)
    if (!snapshot && state.receivedAt && !state.snapshot) {
      state.intervals.push(now - state.receivedAt);
      if (state.intervals.length > 10) { state.intervals.shift(); }
    }
    state.snapshot = snapshot;
    state.receivedAt = at;
    state.reading = r;
    trackUtility('gas', r.gas);
    trackUtility('water', r.water);
    record(r, at);
    render(r);
    renderState();
    renderChart();
  }

  function acceptStatus(s) {
    if (typeof s.state === 'string') { state.source = s.state; }
    state.sourceMessage = typeof s.message === 'string' ? s.message : '';
    if (state.reading && has(s.telegramAgeMs)) { state.receivedAt = Date.now() - s.telegramAgeMs; }
    renderState();
  }

  // The server's last minutes, sent on connect: the chart fills at once instead of over the next minutes.
  function acceptHistory(h) {
    if (!Array.isArray(h.points)) { return; }
    var seen = {};
    state.history.forEach(function (p) { seen[p.t] = true; });
    h.points.forEach(function (p) {
      if (!has(p.t) || seen[p.t]) { return; }
      seen[p.t] = true;
      state.history.push({ t: p.t, net: has(p.net) ? p.net : NaN, l1: has(p.l1) ? p.l1 : NaN,
        l2: has(p.l2) ? p.l2 : NaN, l3: has(p.l3) ? p.l3 : NaN });
    });
    trimHistory();
    renderChart();
  }

  function trackUtility(name, u) {
    if (!u || !has(u.totalUse) || !u.ts) { return; }
    var s = state.utilities[name] || (state.utilities[name] = {});
    var t = Date.parse(u.ts);
    if (s.ts === t) { return; }
    if (s.ts !== undefined && t > s.ts && u.totalUse >= s.total) {
      s.flow = (u.totalUse - s.total) / ((t - s.ts) / 3600000);
    }
    s.ts = t;
    s.total = u.totalUse;
  }

  function phasePower(r, n) {
    var use = r['currentUsageL' + n], del = r['currentDeliveryL' + n];
    if (!has(use) && !has(del)) { return NaN; }
    return Math.round(((has(use) ? use : 0) - (has(del) ? del : 0)) * 1000);
  }

  function netPower(r) {
    if (has(r.calculatedUsage)) { return r.calculatedUsage; }
    if (!has(r.currentUsage) && !has(r.currentDelivery)) { return NaN; }
    return Math.round(((r.currentUsage || 0) - (r.currentDelivery || 0)) * 1000);
  }

  // The chart runs on the meter's clock when it has one: points stay where they belong even when they
  // arrive in a burst (after a reconnect) or the browser's clock is off.
  function record(r, at) {
    var ts = r.powerTs ? Date.parse(r.powerTs) : NaN;
    var t = isNaN(ts) ? at : ts;
    var h = state.history;
    if (h.length && t < h[h.length - 1].t - 60000) { h.length = 0; }   // the meter's clock went back: start over
    if (h.length && h[h.length - 1].t === t) { h.pop(); }              // the history had this one already
    h.push({ t: t, net: netPower(r), l1: phasePower(r, 1), l2: phasePower(r, 2), l3: phasePower(r, 3) });
    trimHistory();
  }

  function trimHistory() {
    var h = state.history;
    h.sort(function (a, b) { return a.t - b.t; });
    if (!h.length) { return; }
    var cut = h[h.length - 1].t - WINDOW_MS - 10000;
    while (h.length && h[0].t < cut) { h.shift(); }
  }

  /* ---------- rendering ---------- */

  function render(r) {
    var net = netPower(r);
    var hero = $('hero');
    var direction = !has(net) ? 'none' : net > 0 ? 'import' : net < 0 ? 'export' : 'zero';
    hero.setAttribute('data-direction', direction);
    $('hero-label').textContent = direction === 'import' ? T.importing : direction === 'export' ? T.exporting
      : direction === 'zero' ? T.balanced : T.noData;
    var np = $('net-power');
    np.textContent = has(net) ? signed(net) : '–';
    np.setAttribute('data-value', has(net) ? String(net) : '');
    $('tariff').textContent = has(r.currentTarrif) ? T.currentTariff + ': T' + r.currentTarrif : '';
    renderMeterTime();

    renderPhases(r);
    renderEnergy(r);
    renderUtilities(r);
    renderPeak(r);
    renderMeter(r);
  }

  function renderPhases(r) {
    var box = $('phases');
    box.textContent = '';
    var any = false;
    [1, 2, 3].forEach(function (n) {
      var v = r['voltageL' + n], a = r['currentL' + n], p = phasePower(r, n);
      if (!has(v) && !has(a) && !has(p)) { return; }
      any = true;
      var d = el('div', 'phase');
      d.id = 'phase-l' + n;
      d.style.setProperty('--c', 'var(--l' + n + ')');
      d.appendChild(el('div', 'name', 'L' + n));
      var pw = el('div', 'power ' + (p > 0 ? 'import' : p < 0 ? 'export' : ''), has(p) ? signed(p) : '');
      if (has(p)) { pw.appendChild(el('small', '', 'W')); }
      d.appendChild(pw);
      var va = [];
      if (has(v)) { va.push(fmt(v, 1) + ' V'); }
      if (has(a)) { va.push(fmt(a, a < 10 && a % 1 ? 1 : 0) + ' A'); }
      d.appendChild(el('div', 'va', va.join(' · ')));
      box.appendChild(d);
    });
    $('phases-card').hidden = !any;
  }

  function renderEnergy(r) {
    var body = $('energy');
    body.textContent = '';
    var rows = 0, sumIn = 0, sumOut = 0, haveIn = false, haveOut = false;
    for (var t = 1; t <= 4; t++) {
      var i = r['totalT' + t + 'Use'], o = r['totalT' + t + 'Delivered'];
      if (!has(i) && !has(o)) { continue; }
      rows++;
      if (has(i)) { sumIn += i; haveIn = true; }
      if (has(o)) { sumOut += o; haveOut = true; }
      var tr = el('tr', r.currentTarrif === t ? 'current' : '');
      tr.appendChild(el('td', '', T.tariff + ' ' + t));
      tr.appendChild(el('td', '', has(i) ? fmt(i, 3) : '–'));
      tr.appendChild(el('td', '', has(o) ? fmt(o, 3) : '–'));
      body.appendChild(tr);
    }
    // a total the meter sent wins over the sum of its tariffs
    var ti = has(r.totalUse) ? r.totalUse : haveIn ? sumIn : NaN;
    var to = has(r.totalDelivered) ? r.totalDelivered : haveOut ? sumOut : NaN;
    if (has(ti) || has(to)) {
      var tot = el('tr', 'total');
      tot.appendChild(el('td', '', T.total));
      tot.appendChild(el('td', '', has(ti) ? fmt(ti, 3) : '–'));
      tot.appendChild(el('td', '', has(to) ? fmt(to, 3) : '–'));
      body.appendChild(tot);
      rows++;
    }
    $('energy-card').hidden = rows === 0;
  }

  function tile(id, label, value, unit, sub) {
    var d = el('div', 'tile');
    d.id = id;
    d.appendChild(el('div', 'label', label));
    var v = el('div', 'value', value);
    if (unit) { v.appendChild(el('small', '', unit)); }
    d.appendChild(v);
    if (sub) { d.appendChild(el('div', 'sub', sub)); }
    return d;
  }

  function renderUtilities(r) {
    var box = $('utilities');
    box.textContent = '';
    [['gas', r.gas], ['water', r.water]].forEach(function (e) {
      var u = e[1];
      if (!u || !has(u.totalUse)) { return; }
      var s = state.utilities[e[0]] || {};
      var sub = (has(s.flow) ? T.flow + ' ' + fmt(s.flow, 3) + ' m³/h · ' : '') + (u.ts ? T.at + ' ' + time(u.ts, false) : '');
      box.appendChild(tile(e[0], T[e[0]], fmt(u.totalUse, 3), 'm³', sub));
    });
    if (r.heat && has(r.heat.totalUse)) {
      box.appendChild(tile('heat', T.heat, fmt(r.heat.totalUse, 3), r.heat.unit || '', r.heat.ts ? T.at + ' ' + time(r.heat.ts, false) : ''));
    }
    $('gas-card').hidden = box.childElementCount === 0;
  }

  function renderPeak(r) {
    var box = $('peak'), hist = $('peak-history');
    box.textContent = '';
    hist.textContent = '';
    if (has(r.averageDemand)) { box.appendChild(tile('average-demand', T.averageDemand, fmt(r.averageDemand, 3), 'kW')); }
    if (r.peakDemand && has(r.peakDemand.value)) {
      box.appendChild(tile('peak-demand', T.peakDemand, fmt(r.peakDemand.value, 3), 'kW', r.peakDemand.ts ? time(r.peakDemand.ts, true) : ''));
    }
    var h = Array.isArray(r.peakDemandHistory) ? r.peakDemandHistory.filter(function (p) { return has(p.value); }) : [];
    var max = h.reduce(function (m, p) { return Math.max(m, p.value); }, 0) || 1;
    h.forEach(function (p) {
      var li = el('li');
      li.appendChild(el('span', '', peakMonth(p)));
      var bar = el('span', 'bar');
      bar.style.width = (100 * p.value / max).toFixed(1) + '%';
      li.appendChild(bar);
      li.appendChild(el('span', '', fmt(p.value, 3) + ' kW'));
      hist.appendChild(li);
    });
    $('peak-card').hidden = box.childElementCount === 0 && h.length === 0;
  }

  // e-MUCS stamps each month's peak with the start of the next month; the peak's own time says which month
  // it was. Both are read as the meter wrote them, not in the browser's time zone.
  function peakMonth(p) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(p.ts || p.month || '');
    if (!m) { return '–'; }
    var y = +m[1], mo = +m[2];
    if (!p.ts && +m[3] === 1) { mo--; if (mo === 0) { mo = 12; y--; } }
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, 15)));
  }

  // DSMR sends equipment identifiers as hex-encoded ASCII ("4530..." is "E0..."): show the text when it is one
  function readable(id) {
    if (typeof id !== 'string' || !/^([0-9A-Fa-f]{2})+$/.test(id)) { return id; }
    var text = '';
    for (var i = 0; i < id.length; i += 2) {
      var c = parseInt(id.substr(i, 2), 16);
      if (c < 0x20 || c > 0x7e) { return id; }
      text += String.fromCharCode(c);
    }
    return text.trim() || id;
  }

  function renderMeter(r) {
    var dl = $('meter');
    dl.textContent = '';
    function fact(label, value) {
      if (value === undefined || value === null || value === '') { return; }
      dl.appendChild(el('dt', '', label));
      dl.appendChild(el('dd', '', String(value)));
    }
    fact(T.header, r.header);
    fact(T.version, r.p1Version);
    fact(T.serial, readable(r.powerSn));
    fact(T.gasSerial, readable(r.gasSn));
    fact(T.meterTime, r.powerTs ? time(r.powerTs, true) : '');
    fact(T.crc, r.crc ? T.crcOk : T.crcNone);
    fact(T.failures, r.powerFailures);
    fact(T.longFailures, r.longPowerFailures);
    var sags = [1, 2, 3].map(function (n) { return r['voltageSagsL' + n]; }).filter(has);
    var swells = [1, 2, 3].map(function (n) { return r['voltageSwellsL' + n]; }).filter(has);
    if (sags.length) { fact(T.sags, sags.join(' / ')); }
    if (swells.length) { fact(T.swells, swells.join(' / ')); }
    var msg = $('text-message');
    msg.textContent = r.textMessage || '';
    msg.hidden = !r.textMessage;
    $('meter-card').hidden = dl.childElementCount === 0;
  }

  function staleAfter() {
    var iv = state.intervals.slice().sort(function (a, b) { return a - b; });
    var typical = iv.length ? iv[Math.floor(iv.length / 2)] : 0;
    return Math.max(MIN_STALE_MS, 3 * typical);
  }

  // The meter's time, with its date and a word when it is far from when the telegram arrived
  function renderMeterTime() {
    var r = state.reading, box = $('meter-time');
    if (!r || !r.powerTs) { box.textContent = ''; box.className = ''; return; }
    var ts = Date.parse(r.powerTs);
    var off = !isNaN(ts) && state.receivedAt && Math.abs(state.receivedAt - ts) > CLOCK_OFF_MS;
    box.textContent = T.meterTime + ' ' + time(r.powerTs, off) + (off ? ' (' + T.clockOff + ')' : '');
    box.className = off ? 'clock-off' : '';
  }

  // What the page says: how it reaches the server (live, polling, no connection), unless the server's reader
  // says the meter is not there, else stale when readings stopped coming; ages count from the arrival.
  function renderState() {
    var age = state.receivedAt ? Date.now() - state.receivedAt : 0;
    var shown = state.mode;
    if (shown === 'live' || shown === 'polling') {
      if (SOURCE_LOST[state.source]) { shown = SOURCE_LOST[state.source]; }
      else if (state.reading && age > staleAfter()) { shown = 'stale'; }
    }
    var box = $('state');
    box.className = 'state state-' + shown;
    box.setAttribute('data-state', shown);
    box.setAttribute('data-transport', state.mode);
    box.setAttribute('data-source', state.source);
    box.title = state.sourceMessage;
    $('state-text').textContent = T[shown];
    $('age').textContent = state.reading ? '· ' + ago(age) : '';
    var detail = $('source-message');
    detail.textContent = SOURCE_LOST[state.source] && shown !== 'offline' ? state.sourceMessage : '';
    detail.hidden = !detail.textContent;
    renderMeterTime();
    if (!state.reading && shown !== 'offline') { $('hero-label').textContent = T.waiting; }
  }

  /* ---------- chart ---------- */

  var SVGNS = 'http://www.w3.org/2000/svg';
  var SERIES = [
    { key: 'net', label: 'net', color: 'var(--net)', cls: 'net' },
    { key: 'l1', label: 'L1', color: 'var(--l1)' },
    { key: 'l2', label: 'L2', color: 'var(--l2)' },
    { key: 'l3', label: 'L3', color: 'var(--l3)' }
  ];

  function svg(tag, attrs, parent) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function niceStep(range) {
    var raw = range / 4, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var n = raw / mag;
    return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
  }

  function renderChart() {
    var chart = $('chart');
    var w = chart.clientWidth || 600, h = chart.clientHeight || 220;
    chart.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    chart.textContent = '';
    var now = state.history.length ? state.history[state.history.length - 1].t : Date.now(), from = now - WINDOW_MS;
    var hm = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    $('chart-from').textContent = hm.format(new Date(from));
    $('chart-to').textContent = hm.format(new Date(now));
    var pts = state.history.filter(function (p) { return p.t >= from - 10000; });
    var active = SERIES.filter(function (s) { return pts.some(function (p) { return has(p[s.key]); }); });
    var legend = $('legend');
    legend.textContent = '';
    active.forEach(function (s) {
      var li = el('li', '', s.key === 'net' ? T.net : s.label);
      li.style.setProperty('--c', s.color);
      legend.appendChild(li);
    });
    var lo = 0, hi = 0;
    pts.forEach(function (p) { active.forEach(function (s) { if (has(p[s.key])) { lo = Math.min(lo, p[s.key]); hi = Math.max(hi, p[s.key]); } }); });
    if (hi - lo < 100) { hi = Math.max(hi, lo + 100); }
    var step = niceStep(hi - lo);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    var left = 52, right = w - 4, top = 6, bottom = h - 6;
    function x(t) { return left + (right - left) * (t - from) / WINDOW_MS; }
    function y(v) { return bottom - (bottom - top) * (v - lo) / (hi - lo); }

    for (var v = lo; v <= hi + step / 2; v += step) {
      svg('line', { x1: left, x2: right, y1: y(v), y2: y(v), 'class': v === 0 ? 'zero' : 'grid-line' }, chart);
      var label = svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', fill: 'var(--muted)', 'font-size': 11 }, chart);
      label.textContent = Math.abs(v) >= 1000 ? fmt(v / 1000, step >= 1000 ? 0 : 1) + ' kW' : fmt(v, 0) + ' W';
    }
    if (!pts.length) { return; }

    var defs = svg('defs', {}, chart);
    var above = svg('clipPath', { id: 'above' }, defs);
    svg('rect', { x: 0, y: 0, width: w, height: y(0) }, above);
    var below = svg('clipPath', { id: 'below' }, defs);
    svg('rect', { x: 0, y: y(0), width: w, height: h }, below);

    active.forEach(function (s) {
      var d = '', area = '', first = null, last = null;
      pts.forEach(function (p) {
        if (!has(p[s.key])) { return; }
        var px = Math.max(left, x(p.t)).toFixed(1), py = y(p[s.key]).toFixed(1);
        d += (d ? 'L' : 'M') + px + ',' + py;
        if (first === null) { first = px; }
        last = px;
      });
      if (!d) { return; }
      if (s.key === 'net') {
        area = 'M' + first + ',' + y(0) + d.replace(/^M/, 'L') + 'L' + last + ',' + y(0) + 'Z';
        svg('path', { d: area, 'class': 'area-import', 'clip-path': 'url(#above)' }, chart);
        svg('path', { d: area, 'class': 'area-export', 'clip-path': 'url(#below)' }, chart);
      }
      svg('path', { d: d, 'class': 'series ' + (s.cls || ''), stroke: s.color }, chart);
    });
    // the latest net value as a dot: visible even when there is only one reading so far
    var lastPoint = pts[pts.length - 1];
    if (has(lastPoint.net)) {
      svg('circle', { cx: x(lastPoint.t).toFixed(1), cy: y(lastPoint.net).toFixed(1), r: 5, 'class': 'marker',
        fill: lastPoint.net > 0 ? 'var(--import)' : lastPoint.net < 0 ? 'var(--export)' : 'var(--net)' }, chart);
    }
  }

  window.addEventListener('resize', renderChart);
  setInterval(renderState, 1000);
  renderChart();
  connectSocket();
})();

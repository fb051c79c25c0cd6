/* Halqe embed: <script src="https://HOST/embed.js" data-survey="demo-nps" async></script>. Optional: data-lang="fa"
   (else the page's <html lang>, else the browser's language), data-delay="5" (seconds after load), data-sample="25"
   (percent of visitors shown it), data-cooldown-days="90" (quiet after an answer or a dismissal, remembered in this
   browser's localStorage; no cookies). The script tag's data-halqe-state says what happened: shown, cooldown,
   not-sampled, unavailable.
   Fetches the survey's public definition from HOST, shows its NPS question (0-10) and, once a score is chosen, its
   comment question, and posts the answers to HOST. No dependencies. Host pages may have strict CSPs, so: styles only
   through the CSSOM, no eval, and server or user text only ever as textContent. */
(function () {
  'use strict';
  var doc = document;

  function ownScript() {
    var current = doc.currentScript;
    if (current && current.getAttribute('data-survey')) { return current; }
    var scripts = doc.querySelectorAll('script[data-survey]');
    for (var i = scripts.length - 1; i >= 0; i--) {
      var src = scripts[i].getAttribute('src') || '';
      if (/\/embed\.js(?:[?#].*)?$/.test(src) && !scripts[i].hasAttribute('data-halqe-started')) { return scripts[i]; }
    }
    return null;
  }

  var script = ownScript();
  if (!script || script.hasAttribute('data-halqe-started')) { return; }
  script.setAttribute('data-halqe-started', '');
  var surveyId = script.getAttribute('data-survey');
  var base;
  try { base = new URL(script.src, doc.baseURI).origin; } catch (e) { return; }
  var requested = (script.getAttribute('data-lang') || doc.documentElement.getAttribute('lang') || navigator.language
    || 'en').split(/[-_]/)[0].toLowerCase();
  var surveyUrl = base + '/s/' + encodeURIComponent(surveyId);
  var quietKey = 'halqe:' + surveyId + ':quietUntil';
  var cooldownDays = Number(script.getAttribute('data-cooldown-days') || 90);

  function state(value) { script.setAttribute('data-halqe-state', value); }

  function quietUntil() {
    try { return Number(self.localStorage.getItem(quietKey) || 0); } catch (e) { return 0; }
  }

  // answered or dismissed: this browser is not asked again for a while
  function keepQuiet() {
    try { self.localStorage.setItem(quietKey, String(Date.now() + cooldownDays * 86400000)); } catch (e) { /* private mode */ }
  }

  if (quietUntil() > Date.now()) { state('cooldown'); return; }
  var sample = script.getAttribute('data-sample');
  if (sample !== null && !(Math.random() * 100 < Number(sample))) { state('not-sampled'); return; }

  var TEXT = {
    en: { send: 'Send', close: 'Close', error: 'Sorry, that did not work. Please try again.', sending: 'Sending…' },
    fa: { send: 'ارسال', close: 'بستن', error: 'متأسفیم، ارسال نشد. لطفاً دوباره تلاش کنید.', sending: 'در حال ارسال…' },
    ar: { send: 'إرسال', close: 'إغلاق', error: 'عذرًا، لم ينجح الإرسال. يرجى المحاولة مرة أخرى.', sending: 'جارٍ الإرسال…' }
  };
  var ZERO = { fa: 0x06F0, ar: 0x0660 };

  function own(map, lang) { return Object.prototype.hasOwnProperty.call(map, lang) ? map[lang] : undefined; }

  function digits(n, lang) {
    var zero = own(ZERO, lang);
    if (!zero) { return String(n); }
    return String(n).replace(/[0-9]/g, function (d) { return String.fromCharCode(zero + d.charCodeAt(0) - 48); });
  }

  // definitions carry text in the chosen language; a per-language map is accepted too
  function localized(value, lang) {
    if (value && typeof value === 'object') {
      value = own(value, lang) || own(value, 'en') || value[Object.keys(value)[0]];
    }
    return value == null ? '' : String(value);
  }

  function el(tag, css, attrs) {
    var node = doc.createElement(tag);
    if (css) { node.style.cssText = css; }
    if (attrs) { Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); }); }
    return node;
  }

  function whenBody(run) {
    if (doc.body) { run(); } else { doc.addEventListener('DOMContentLoaded', run, { once: true }); }
  }

  function load() {
    fetch(surveyUrl + '?lang=' + encodeURIComponent(requested), {
      headers: { Accept: 'application/json' }, mode: 'cors', credentials: 'omit'
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (survey) {
      whenBody(function () { render(survey); });
    }).catch(function (problem) {
      state('unavailable');
      if (self.console) {
        console.error('Halqe: survey ' + surveyId + ' could not be loaded on ' + location.origin + ' (' + problem
          + '). Does the survey exist, and is ' + location.origin + ' in its allowedOrigins?');
      }
    });
  }
  setTimeout(load, Math.max(0, Number(script.getAttribute('data-delay') || 0)) * 1000);

  function render(survey) {
    var questions = Array.isArray(survey.questions) ? survey.questions : [];
    var nps = questions.filter(function (q) { return q.type === 'nps'; })[0];
    if (!nps) { return; }
    var comment = questions.filter(function (q) { return q.type === 'text'; })[0];
    var lang = String(survey.language || requested);
    var t = own(TEXT, lang) || TEXT.en;
    var rtl = survey.dir === 'rtl';
    var key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    var idPrefix = 'halqe-' + Math.random().toString(36).slice(2, 10);
    var min = typeof nps.min === 'number' ? nps.min : 0;
    var max = typeof nps.max === 'number' ? nps.max : 10;
    var score = null;

    var box = el('div', 'position:fixed;bottom:1rem;' + (rtl ? 'left' : 'right') + ':1rem;z-index:2147483647;' +
      'box-sizing:border-box;max-width:min(26rem,calc(100vw - 2rem));padding:1rem 1rem .75rem;background:#fff;' +
      'color:#1a1a1a;border:1px solid #767676;border-radius:.5rem;box-shadow:0 4px 16px rgba(0,0,0,.2);' +
      'font:14px/1.4 system-ui,-apple-system,"Segoe UI",Tahoma,sans-serif;text-align:start', {
      'data-halqe-widget': '', role: 'region', 'aria-label': localized(survey.name, lang) || 'Feedback',
      dir: rtl ? 'rtl' : 'ltr', lang: lang
    });

    var close = el('button', 'position:absolute;top:.25rem;' + (rtl ? 'left' : 'right') + ':.25rem;border:0;' +
      'background:transparent;color:inherit;font-size:1.25rem;line-height:1;padding:.25rem .5rem;cursor:pointer',
      { type: 'button', 'aria-label': t.close, 'data-halqe-close': '' });
    close.textContent = '×';
    close.addEventListener('click', dismiss);
    box.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { dismiss(); }
    });

    var body = el('div');
    var questionId = idPrefix + '-q';
    var question = el('p', 'margin:0 0 .5rem;padding-inline-end:1.5rem;font-weight:600', { id: questionId });
    question.textContent = localized(nps.text, lang);
    // the scale follows the reading direction: in Persian and Arabic 0 sits on the right, as on the hosted page
    var scale = el('div', 'display:flex;flex-wrap:wrap;gap:.25rem',
      { role: 'group', 'aria-labelledby': questionId });
    var buttons = [];
    for (var value = min; value <= max; value++) {
      var button = el('button', '', { type: 'button', 'data-score': String(value), 'aria-pressed': 'false' });
      button.textContent = digits(value, lang);
      paint(button, false);
      button.addEventListener('click', choose.bind(null, value, button));
      button.addEventListener('keydown', arrows);
      buttons.push(button);
      scale.appendChild(button);
    }
    body.appendChild(question);
    body.appendChild(scale);

    var details = null;
    var textarea = null;
    var send = null;
    var status = el('div', 'margin-top:.5rem;min-height:1em', { role: 'status' });

    box.appendChild(close);
    box.appendChild(body);
    box.appendChild(status);
    doc.body.appendChild(box);
    state('shown');

    function paint(button, pressed) {
      var s = button.style;
      s.cssText = 'min-width:2.1rem;padding:.35rem .2rem;border-radius:.3rem;cursor:pointer;font:inherit;' +
        'border:1px solid ' + (pressed ? '#005fcc' : '#767676') + ';background:' + (pressed ? '#005fcc' : '#fff') +
        ';color:' + (pressed ? '#fff' : '#1a1a1a');
    }

    // arrows move to the visual neighbour (in rtl, ← is the next score up); Home/End to the ends of the scale
    function arrows(event) {
      var index = buttons.indexOf(event.currentTarget);
      var step = rtl ? -1 : 1;
      var next = { ArrowLeft: index - step, ArrowRight: index + step, Home: 0, End: buttons.length - 1 }[event.key];
      if (next === undefined) { return; }
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
    }

    // the score is saved as a partial answer right away (same key as the final send), so it counts even if the
    // customer closes the widget before sending
    function savePartial(value) {
      var answers = {};
      answers[nps.id] = value;
      fetch(surveyUrl + '/responses', {
        method: 'POST', mode: 'cors', credentials: 'omit', keepalive: true,
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ answers: answers, language: lang, partial: true })
      }).catch(function () { /* the final send carries the score too */ });
    }

    function followUpText(value) {
      var category = value >= 9 ? 'promoter' : value >= 7 ? 'passive' : 'detractor';
      var followUp = survey.followUp && localized(survey.followUp[category], lang);
      return followUp || localized(comment.text, lang);
    }

    function choose(value, chosen) {
      score = value;
      savePartial(value);
      buttons.forEach(function (button) {
        var pressed = button === chosen;
        button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
        paint(button, pressed);
      });
      if (!details) {
        details = el('div', 'margin-top:.75rem');
        if (comment) {
          var fieldId = idPrefix + '-c';
          var label = el('label', 'display:block;margin-bottom:.25rem', { for: fieldId, 'data-halqe-follow-up': '' });
          textarea = el('textarea', 'box-sizing:border-box;display:block;width:100%;min-height:4.5rem;font:inherit;' +
            'padding:.35rem;border:1px solid #767676;border-radius:.3rem;resize:vertical',
            { id: fieldId, name: 'comment', dir: 'auto', maxlength: '5000', rows: '3' });
          details.appendChild(label);
          details.appendChild(textarea);
        }
        send = el('button', 'margin-top:.5rem;padding:.45rem 1.2rem;font:inherit;border:0;border-radius:.3rem;' +
          'background:#005fcc;color:#fff;cursor:pointer', { type: 'button', 'data-halqe-send': '' });
        send.textContent = t.send;
        send.addEventListener('click', submit);
        details.appendChild(send);
        body.appendChild(details);
        (textarea || send).focus();
      }
      var followUpLabel = details.querySelector('[data-halqe-follow-up]');
      if (followUpLabel) { followUpLabel.textContent = followUpText(value); }
    }

    function submit() {
      if (score === null || send.disabled) { return; }
      var answers = {};
      answers[nps.id] = score;
      var text = textarea ? textarea.value.trim() : '';
      if (comment && text) { answers[comment.id] = text; }
      send.disabled = true;
      send.setAttribute('aria-busy', 'true');
      status.textContent = t.sending;
      fetch(surveyUrl + '/responses', {
        method: 'POST', mode: 'cors', credentials: 'omit',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ answers: answers, language: lang })
      }).then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        keepQuiet();
        box.removeChild(body);
        status.textContent = localized(survey.thankYou, lang) || 'Thank you!';
        status.style.marginTop = '0';
        status.style.paddingInlineEnd = '1.5rem';
        close.focus();
      }).catch(function () {
        status.textContent = t.error;
        send.disabled = false;
        send.removeAttribute('aria-busy');
      });
    }

    function dismiss() {
      keepQuiet();
      if (box.parentNode) { box.parentNode.removeChild(box); }
    }
  }
}());

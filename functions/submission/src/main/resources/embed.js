/* Halqe embed: <script src="https://HOST/embed.js" data-survey="demo-nps" async></script>. Optional, each overriding
   the survey's own display options: data-lang="fa" (else the page's <html lang>, else the browser's language),
   data-delay="5" (seconds after load), data-sample="25" (percent of visitors shown it), data-cooldown-days="90" (quiet
   after an answer or a dismissal, remembered in this browser's localStorage; no cookies). The script tag's
   data-halqe-state says what happened: shown, cooldown, not-sampled, unavailable.
   Fetches the survey's public definition from HOST and asks the whole survey: scales (NPS, CSAT, CES, rating), yes/no,
   single and multiple choice, texts. The first question comes alone; the rest once it is answered. Every choice is
   saved as a partial answer at once; the survey's follow-up replaces the first text question's words once an NPS
   score is chosen. No dependencies. Host pages may have strict CSPs, so: styles only through the CSSOM, no eval, and
   server or user text only ever as textContent. */
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
  var SCALES = { nps: 1, csat: 1, ces: 1, rating: 1 };

  function state(value) { script.setAttribute('data-halqe-state', value); }

  function quietUntil() {
    try { return Number(self.localStorage.getItem(quietKey) || 0); } catch (e) { return 0; }
  }

  // the page's data- attribute, else the survey's display option, else the default
  function option(attribute, display, name, fallback) {
    var own = script.getAttribute(attribute);
    if (own !== null && own !== '' && isFinite(Number(own))) { return Number(own); }
    return display && typeof display[name] === 'number' ? display[name] : fallback;
  }

  if (quietUntil() > Date.now()) { state('cooldown'); return; }

  var TEXT = {
    en: { send: 'Send', close: 'Close', error: 'Sorry, that did not work. Please try again.', sending: 'Sending…',
      required: 'Please answer this question.' },
    fa: { send: 'ارسال', close: 'بستن', error: 'متأسفیم، ارسال نشد. لطفاً دوباره تلاش کنید.', sending: 'در حال ارسال…',
      required: 'لطفاً به این سؤال پاسخ دهید.' },
    ar: { send: 'إرسال', close: 'إغلاق', error: 'عذرًا، لم ينجح الإرسال. يرجى المحاولة مرة أخرى.', sending: 'جارٍ الإرسال…',
      required: 'يرجى الإجابة عن هذا السؤال.' }
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

  function unavailable(problem) {
    state('unavailable');
    if (self.console) {
      console.error('Halqe: survey ' + surveyId + ' could not be loaded on ' + location.origin + ' (' + problem
        + '). Does the survey exist, and is ' + location.origin + ' in its allowedOrigins?');
    }
  }

  fetch(surveyUrl + '?lang=' + encodeURIComponent(requested), {
    headers: { Accept: 'application/json' }, mode: 'cors', credentials: 'omit'
  }).then(function (response) {
    if (!response.ok) { throw new Error('HTTP ' + response.status); }
    return response.json();
  }).then(function (survey) {
    var questions = (Array.isArray(survey.questions) ? survey.questions : []).filter(function (q) {
      return own(SCALES, q.type) || q.type === 'yesno' || q.type === 'single' || q.type === 'multi' || q.type === 'text';
    });
    if (!questions.length) { unavailable('it has no question the widget can ask'); return; }
    var sample = option('data-sample', survey.display, 'samplePercent', 100);
    if (!(Math.random() * 100 < sample)) { state('not-sampled'); return; }
    setTimeout(function () {
      whenBody(function () { render(survey, questions); });
    }, Math.max(0, option('data-delay', survey.display, 'delaySeconds', 0)) * 1000);
  }).catch(unavailable);

  function render(survey, questions) {
    var lang = String(survey.language || requested);
    var t = own(TEXT, lang) || TEXT.en;
    var rtl = survey.dir === 'rtl';
    var cooldownDays = option('data-cooldown-days', survey.display, 'cooldownDays', 90);
    var key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    var idPrefix = 'halqe-' + Math.random().toString(36).slice(2, 10);
    var answers = {};
    var texts = {};
    var blocks = {};
    var nps = questions.filter(function (q) { return q.type === 'nps'; })[0];
    var followUpText = questions.filter(function (q) { return q.type === 'text'; })[0];

    var box = el('div', 'position:fixed;bottom:1rem;' + (rtl ? 'left' : 'right') + ':1rem;z-index:2147483647;' +
      'box-sizing:border-box;width:26rem;max-width:calc(100vw - 2rem);max-height:calc(100vh - 2rem);overflow:auto;' +
      'padding:1rem 1rem .75rem;background:#fff;color:#1a1a1a;border:1px solid #767676;border-radius:.5rem;' +
      'box-shadow:0 4px 16px rgba(0,0,0,.2);font:14px/1.4 system-ui,-apple-system,"Segoe UI",Tahoma,sans-serif;' +
      'text-align:start', {
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
    var rest = el('div');
    var revealed = false;
    questions.forEach(function (q, index) {
      var block = ask(q, index);
      blocks[q.id] = block;
      (index === 0 ? body : rest).appendChild(block);
    });
    var send = el('button', 'margin-top:.25rem;padding:.45rem 1.2rem;font:inherit;border:0;border-radius:.3rem;' +
      'background:#005fcc;color:#fff;cursor:pointer', { type: 'button', 'data-halqe-send': '' });
    send.textContent = t.send;
    send.addEventListener('click', submit);
    rest.appendChild(send);
    var status = el('div', 'margin-top:.5rem;min-height:1em', { role: 'status' });

    box.appendChild(close);
    box.appendChild(body);
    box.appendChild(status);
    doc.body.appendChild(box);
    state('shown');
    // a first question without buttons to press (a text) shows the whole survey at once
    if (!own(SCALES, questions[0].type) && questions[0].type !== 'yesno') { reveal(false); }

    function reveal(focus) {
      if (revealed) { return; }
      revealed = true;
      body.appendChild(rest);
      if (focus) {
        var first = rest.querySelector('input, textarea, button');
        if (first) { first.focus(); }
      }
    }

    function heading(q, id) {
      var node = el('p', 'margin:0 0 .4rem;padding-inline-end:1.5rem;font-weight:600', { id: id });
      node.textContent = localized(q.text, lang);
      if (q.required) {
        var star = el('span', '', { 'aria-hidden': 'true' });
        star.textContent = ' *';
        node.appendChild(star);
      }
      return node;
    }

    function ask(q, index) {
      var id = idPrefix + '-' + index;
      var block = el('div', 'margin:0 0 .75rem', { 'data-halqe-question': q.id, 'data-type': q.type });
      if (own(SCALES, q.type) || q.type === 'yesno') {
        block.appendChild(heading(q, id));
        block.appendChild(buttonScale(q, id));
      } else if (q.type === 'single' || q.type === 'multi') {
        var fieldset = el('fieldset', 'border:0;margin:0;padding:0;min-width:0');
        var legend = el('legend', 'padding:0');
        legend.appendChild(heading(q, id));
        fieldset.appendChild(legend);
        (q.options || []).forEach(function (choice, i) {
          var inputId = id + '-' + i;
          var row = el('div', 'margin:.15rem 0');
          var input = el('input', 'margin:0;margin-inline-end:.4rem;vertical-align:middle', {
            type: q.type === 'multi' ? 'checkbox' : 'radio', id: inputId, name: id, value: String(choice.id)
          });
          var label = el('label', 'cursor:pointer', { for: inputId });
          label.textContent = localized(choice.text, lang);
          input.addEventListener('change', function () {
            if (q.type === 'multi') {
              var checked = [];
              fieldset.querySelectorAll('input:checked').forEach(function (box) { checked.push(box.value); });
              if (checked.length) { answers[q.id] = checked; } else { delete answers[q.id]; }
            } else {
              answers[q.id] = input.value;
            }
            answered(q);
          });
          row.appendChild(input);
          row.appendChild(label);
          fieldset.appendChild(row);
        });
        block.appendChild(fieldset);
      } else {
        var label = el('label', 'display:block;margin-bottom:.25rem;font-weight:600', { for: id });
        label.textContent = localized(q.text, lang);
        var area = el('textarea', 'box-sizing:border-box;display:block;width:100%;min-height:4.5rem;font:inherit;' +
          'padding:.35rem;border:1px solid #767676;border-radius:.3rem;resize:vertical',
          { id: id, name: q.id, dir: 'auto', maxlength: '5000', rows: '3' });
        if (q === followUpText) { label.setAttribute('data-halqe-follow-up', ''); }
        texts[q.id] = area;
        block.appendChild(label);
        block.appendChild(area);
      }
      var problem = el('div', 'color:#b00020;font-size:.9em', { 'data-halqe-problem': '' });
      block.appendChild(problem);
      return block;
    }

    // a scale (or yes/no) as a row of buttons; it follows the reading direction: in Persian and Arabic the low end
    // sits on the right, as on the hosted page
    function buttonScale(q, labelId) {
      var ends = Array.isArray(q.ends) ? q.ends : ['', ''];
      var yesNo = q.type === 'yesno';
      var values = [];
      if (yesNo) { values = [1, 0]; } else {
        for (var v = (typeof q.min === 'number' ? q.min : 0); v <= (typeof q.max === 'number' ? q.max : 10); v++) {
          values.push(v);
        }
      }
      var wrap = el('div');
      var group = el('div', 'display:flex;flex-wrap:wrap;gap:.25rem', { role: 'group', 'aria-labelledby': labelId });
      var buttons = values.map(function (value) {
        var button = el('button', '', { type: 'button', 'data-score': String(value), 'aria-pressed': 'false' });
        button.textContent = yesNo ? localized(ends[value], lang) : digits(value, lang);
        paint(button, false, yesNo);
        button.addEventListener('click', function () {
          answers[q.id] = value;
          buttons.forEach(function (other) {
            other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
            paint(other, other === button, yesNo);
          });
          answered(q);
        });
        button.addEventListener('keydown', function (event) {
          var index = buttons.indexOf(button);
          var step = rtl ? -1 : 1;
          // arrows move to the visual neighbour (in rtl, ← is the next value up); Home/End to the ends
          var next = { ArrowLeft: index - step, ArrowRight: index + step, Home: 0, End: buttons.length - 1 }[event.key];
          if (next === undefined) { return; }
          event.preventDefault();
          buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
        });
        group.appendChild(button);
        return button;
      });
      wrap.appendChild(group);
      if (!yesNo && (ends[0] || ends[1])) {
        var row = el('div', 'display:flex;justify-content:space-between;font-size:.85em;color:#4a4a4a;margin-top:.2rem',
          { 'aria-hidden': 'true' });
        ends.forEach(function (end) {
          var span = el('span');
          span.textContent = localized(end, lang);
          row.appendChild(span);
        });
        wrap.appendChild(row);
      }
      return wrap;
    }

    function paint(button, pressed, wide) {
      // scale buttons share the row (0-10 fits on one, down to a phone); yes/no keep their words' width
      button.style.cssText = (wide ? 'flex:0 0 auto;min-width:4rem' : 'flex:1 1 0;min-width:1.6rem') +
        ';padding:.35rem .2rem;border-radius:.3rem;' +
        'cursor:pointer;font:inherit;border:1px solid ' + (pressed ? '#005fcc' : '#767676') + ';background:' +
        (pressed ? '#005fcc' : '#fff') + ';color:' + (pressed ? '#fff' : '#1a1a1a');
    }

    function answered(q) {
      var block = blocks[q.id];
      block.querySelector('[data-halqe-problem]').textContent = '';
      block.removeAttribute('aria-invalid');
      if (q === nps && followUpText) {
        var score = answers[q.id];
        var category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
        var followUp = survey.followUp && localized(survey.followUp[category], lang);
        blocks[followUpText.id].querySelector('[data-halqe-follow-up]').textContent =
          followUp || localized(followUpText.text, lang);
      }
      savePartial();
      reveal(q === questions[0]);
    }

    function post(body, keepalive) {
      return fetch(surveyUrl + '/responses', {
        method: 'POST', mode: 'cors', credentials: 'omit', keepalive: keepalive,
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body)
      });
    }

    // what is chosen is saved as a partial answer right away (same key as the final send), so it counts even if the
    // customer closes the widget before sending
    function savePartial() {
      post({ answers: answers, language: lang, partial: true }, true).catch(function () { /* the send carries it too */ });
    }

    function complete() {
      var all = {};
      Object.keys(answers).forEach(function (id) { all[id] = answers[id]; });
      Object.keys(texts).forEach(function (id) {
        var text = texts[id].value.trim();
        if (text) { all[id] = text; }
      });
      return all;
    }

    function flag(questionId, message) {
      var block = blocks[questionId];
      if (!block) { return false; }
      block.setAttribute('aria-invalid', 'true');
      block.querySelector('[data-halqe-problem]').textContent = message;
      return true;
    }

    function submit() {
      if (send.disabled) { return; }
      var all = complete();
      var missing = questions.filter(function (q) { return q.required && all[q.id] === undefined; });
      if (missing.length) {
        missing.forEach(function (q) { flag(q.id, t.required); });
        status.textContent = t.required;
        var first = blocks[missing[0].id].querySelector('input, textarea, button');
        if (first) { first.focus(); }
        return;
      }
      send.disabled = true;
      send.setAttribute('aria-busy', 'true');
      status.textContent = t.sending;
      post({ answers: all, language: lang }, false).then(function (response) {
        if (response.ok) { return null; }
        return response.json().then(function (problem) { throw problem; }, function () { throw new Error(); });
      }).then(function () {
        keepQuiet();
        box.removeChild(body);
        status.textContent = localized(survey.thankYou, lang) || 'Thank you!';
        status.style.marginTop = '0';
        status.style.paddingInlineEnd = '1.5rem';
        close.focus();
      }).catch(function (problem) {
        // a refused answer names its question (answers.<id>): mark it there
        var field = problem && problem.error && String(problem.error.field || '');
        flag(field ? field.replace(/^answers\./, '') : '', t.error);
        status.textContent = t.error;
        send.disabled = false;
        send.removeAttribute('aria-busy');
      });
    }

    // answered or dismissed: this browser is not asked again for a while
    function keepQuiet() {
      try { self.localStorage.setItem(quietKey, String(Date.now() + cooldownDays * 86400000)); } catch (e) { /* private */ }
    }

    function dismiss() {
      keepQuiet();
      if (box.parentNode) { box.parentNode.removeChild(box); }
    }
  }
}());

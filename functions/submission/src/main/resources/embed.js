/* Halqe embed: <script src="https://…/embed.js" data-survey="demo-nps" async></script>
   Shows a 0-10 NPS widget and posts the answer to the survey's own endpoint. No dependencies. */
(function () {
  var script = document.currentScript;
  if (!script) { return; }
  var surveyId = script.getAttribute('data-survey');
  var base = new URL(script.src).origin;
  if (!surveyId) { return; }
  var box = document.createElement('div');
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', 'Feedback');
  box.style.cssText = 'position:fixed;bottom:1rem;right:1rem;background:#fff;border:1px solid #767676;' +
    'padding:1rem;font:14px system-ui,sans-serif;z-index:2147483647;max-width:24rem';
  var question = document.createElement('p');
  question.textContent = 'How likely are you to recommend us to a friend or colleague?';
  box.appendChild(question);
  var key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
  function send(score) {
    fetch(base + '/s/' + encodeURIComponent(surveyId) + '/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ answers: { nps: score } })
    }).then(function (response) {
      box.textContent = response.ok ? 'Thank you!' : 'Sorry, that did not work.';
    }, function () { box.textContent = 'Sorry, that did not work.'; });
  }
  for (var i = 0; i <= 10; i++) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = String(i);
    button.style.cssText = 'margin:2px;min-width:2rem';
    button.addEventListener('click', send.bind(null, i));
    box.appendChild(button);
  }
  document.body.appendChild(box);
}());

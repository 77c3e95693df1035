// Progressive enhancement on top of htmx, kept tiny and CSP-safe (no inline script, no eval).
// After htmx swaps new content into the page: move focus to where the user continues, and
// read out what happened through the page's one polite live region.
(function () {
  'use strict';
  function announce(text) {
    var region = document.getElementById('announcer');
    if (!region || !text) return;
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  }
  document.addEventListener('htmx:after:swap', function (event) {
    var target = event.target;
    if (!target || !target.querySelector) return;
    var main = document.getElementById('main');
    var message = target.querySelector('[data-announce]');
    if (message) announce(message.getAttribute('data-announce'));
    if (target === main) {
      var focus = main.querySelector('[data-focus]') || main;
      focus.focus({ preventScroll: false });
      var heading = main.querySelector('h1');
      if (heading) document.title = heading.textContent.trim() + ' · ' + document.title.split(' · ').pop();
    } else if (target.id === 'results') {
      // The result count is a status region inside the swapped content: read it out too.
      var count = target.querySelector('.count');
      if (count) announce(count.textContent);
    }
  });
})();

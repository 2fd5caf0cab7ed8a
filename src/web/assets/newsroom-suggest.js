// Autocomplete for the article form's tag and author fields (issue 12, point 2). Without this
// script the fields are plain comma-separated inputs; with it, each one's <datalist> offers names
// from /admin/content/suggest for the name being typed (the text after the last comma).
(function () {
  'use strict';
  var fields = document.querySelectorAll('input[data-suggest]');
  Array.prototype.forEach.call(fields, function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null;
    var asked = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var value = input.value;
        var cut = Math.max(value.lastIndexOf(','), value.lastIndexOf('\u060C'));
        var head = cut < 0 ? '' : value.slice(0, cut + 1) + ' ';
        var q = value.slice(cut + 1).trim();
        if (q === '' || q === asked) return;
        asked = q;
        fetch(input.getAttribute('data-suggest') + '&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { accept: 'application/json' } })
          .then(function (res) { return res.ok ? res.json() : { names: [] }; })
          .then(function (body) {
            list.textContent = '';
            body.names.forEach(function (name) {
              var option = document.createElement('option');
              option.value = head + name;
              list.appendChild(option);
            });
          })
          .catch(function () { /* Suggestions are a convenience: typing still works. */ });
      }, 150);
    });
  });
})();

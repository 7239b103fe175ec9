/* Collection Guard web chat. Plain script (no framework, no build step) so that it runs in old Android
   browsers and in WeChat's built-in browser. It never uses innerHTML: the server's replies are parsed
   by an allowlist (<b>, <i>, <a href="tel:...">; everything else becomes text), and what the user
   types is shown with textContent. */
(function () {
  'use strict';

  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var busy = false;
  var inWeChat = /MicroMessenger/i.test(navigator.userAgent || '');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* --- requests: fetch where there is one, XMLHttpRequest otherwise ------------------------------- */

  function request(method, url, body, done) {
    var payload = body === null ? null : JSON.stringify(body);
    var headers = {'Accept': 'application/json'};
    if (payload !== null) headers['Content-Type'] = 'application/json';
    var settled = false;
    function finish(status, text) {  /* called once: a reply, a network failure or the timeout */
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      var data = null;
      try { data = JSON.parse(text); } catch (e) { data = null; }
      done(status, data);
    }
    var timer = setTimeout(function () { finish(0, ''); }, 30000);
    if (window.fetch) {
      window.fetch(url, {method: method, headers: headers, body: payload, credentials: 'same-origin'})
        .then(function (response) {
          response.text().then(function (text) { finish(response.status, text); },
            function () { finish(0, ''); });
        }, function () { finish(0, ''); });
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    for (var name in headers) xhr.setRequestHeader(name, headers[name]);
    xhr.onreadystatechange = function () {
      if (xhr.readyState === 4) finish(xhr.status, xhr.responseText);
    };
    xhr.send(payload);
  }

  /* --- the server's HTML, through an allowlist ----------------------------------------------------- */

  var ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

  function decode(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (all, code) {
      if (code.charAt(0) === '#') {
        var n = code.charAt(1).toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        if (!(n > 0 && n < 0x110000)) return '';
        if (n < 0x10000) return String.fromCharCode(n);
        n -= 0x10000;  /* a surrogate pair, for browsers without String.fromCodePoint */
        return String.fromCharCode(0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff));
      }
      var named = ENTITIES[code.toLowerCase()];
      return named === undefined ? all : named;
    });
  }

  function richText(html, into) {
    var tags = /<(\/?)(b|i)>|<a href="(tel:\+?[0-9-]{3,20})">|<\/a>|<[^>]*>/gi;
    var stack = [into];
    var last = 0;
    var match;
    function text(upTo) {
      if (upTo > last) stack[stack.length - 1].appendChild(document.createTextNode(decode(html.slice(last, upTo))));
    }
    while ((match = tags.exec(html)) !== null) {
      text(match.index);
      last = tags.lastIndex;
      var top = stack[stack.length - 1];
      if (match[2] && !match[1]) {
        stack.push(top.appendChild(document.createElement(match[2].toLowerCase())));
      } else if (match[3]) {
        var link = top.appendChild(el('a', 'tel'));
        link.href = match[3];
        stack.push(link);
      } else if ((match[2] || match[0].toLowerCase() === '</a>') && stack.length > 1) {
        stack.pop();
      }
    }
    text(html.length);
    return into;
  }

  /* --- the conversation ----------------------------------------------------------------------------- */

  function add(node) {
    log.appendChild(node);
    return node;
  }

  function reveal(node) {
    /* the start of a new reply, so that a crisis reply's phone numbers are the first thing seen */
    if (node.scrollIntoView) node.scrollIntoView(true);
  }

  function addUser(text) {
    var bubble = add(el('div', 'msg user'));
    bubble.appendChild(el('span', 'sr-only', '我：'));
    var part = bubble.appendChild(el('p', 'part', text));
    if (text.length > 300) {  /* a long story is folded; it is all there, and one tap unfolds it */
      part.className = 'part folded';
      var unfold = bubble.appendChild(el('button', 'unfold', '展开全文'));
      unfold.type = 'button';
      unfold.setAttribute('aria-expanded', 'false');
      unfold.addEventListener('click', function () {
        var folded = part.className.indexOf('folded') >= 0;
        part.className = folded ? 'part' : 'part folded';
        unfold.textContent = folded ? '收起' : '展开全文';
        unfold.setAttribute('aria-expanded', folded ? 'true' : 'false');
      });
    }
    return bubble;
  }

  function retire() {
    /* older choices no longer apply once the conversation has moved on */
    var old = log.querySelectorAll('.choices button, .votes button');
    for (var i = 0; i < old.length; i++) old[i].disabled = true;
  }

  function addBot(data) {
    retire();
    var bubble = el('div', 'msg bot' + (data.mode === 'crisis' ? ' crisis' : ''));
    bubble.appendChild(el('span', 'sr-only', '助手：'));
    var hotlines = data.hotlines || [];
    if (hotlines.length) {
      var calls = bubble.appendChild(el('div', 'calls'));
      calls.setAttribute('role', 'group');
      calls.setAttribute('aria-label', '求助电话');
      hotlines.forEach(function (line) {
        var call = calls.appendChild(el('a', 'call'));
        call.href = line.tel;
        call.appendChild(el('span', 'number', line.number));
        call.appendChild(el('span', 'name', line.name));
      });
    }
    (data.messages || []).forEach(function (html) {
      bubble.appendChild(richText(html, el('p', 'part')));
    });
    (data.files || []).forEach(function (file) { bubble.appendChild(download(file)); });
    var buttons = data.buttons || [];
    if (buttons.length) {
      var choices = bubble.appendChild(el('div', 'choices'));
      choices.setAttribute('role', 'group');
      choices.setAttribute('aria-label', '可以选择');
      buttons.forEach(function (button) {
        var choice = choices.appendChild(el('button', 'choice', button.label));
        choice.type = 'button';
        choice.addEventListener('click', function () { send(button.send, button.label); });
      });
    }
    if (data.feedback) bubble.appendChild(votes(data.feedback));
    add(bubble);
    reveal(bubble);
    return bubble;
  }

  function addNotice(message, retry) {
    var bubble = add(el('div', 'msg bot notice'));
    bubble.appendChild(el('p', 'part', message));
    if (retry) {
      var again = bubble.appendChild(el('button', 'choice', '重试'));
      again.type = 'button';
      again.addEventListener('click', function () { bubble.parentNode.removeChild(bubble); retry(); });
    }
    reveal(bubble);
  }

  function votes(passage) {
    var box = el('div', 'votes');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', '这个回答有帮助吗？');
    box.appendChild(el('span', 'ask', '有帮助吗？'));
    [['up', '👍 有帮助'], ['down', '👎 没帮助']].forEach(function (item) {
      var button = box.appendChild(el('button', 'vote', item[1]));
      button.type = 'button';
      button.addEventListener('click', function () {
        var buttons = box.querySelectorAll('button');
        for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
        request('POST', '/api/feedback', {vote: item[0], passage: passage}, function (status, data) {
          box.textContent = '';
          var thanks = data && data.messages ? data.messages[0] : (data && data.message) || '';
          richText(thanks, box.appendChild(el('span', 'thanks')));
        });
      });
    });
    return box;
  }

  /* --- letters and exports ---------------------------------------------------------------------------- */

  function download(file) {
    var box = el('div', 'file');
    var type = (file.mime || 'text/plain') + ';charset=utf-8';
    var link = box.appendChild(el('a', 'download', '下载 ' + file.filename));
    link.download = file.filename;
    try {
      link.href = URL.createObjectURL(new Blob([file.content], {type: type}));
    } catch (e) {
      link.href = 'data:' + type + ',' + encodeURIComponent(file.content);
    }
    var copy = box.appendChild(el('button', 'choice', '复制全文'));
    copy.type = 'button';
    copy.addEventListener('click', function () { copyText(file.content, copy); });
    if (inWeChat) {
      box.appendChild(el('p', 'hint', '微信里可能无法直接下载：请点“复制全文”，或点右上角“···”选择在浏览器打开。'));
    }
    return box;
  }

  function copyText(text, button) {
    function done(ok) { button.textContent = ok ? '已复制' : '复制失败，请长按上面的文字复制'; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { fallback(); });
    } else {
      fallback();
    }
    function fallback() {
      var area = el('textarea', 'offscreen');
      area.value = text;
      area.setAttribute('readonly', '');
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
  }

  /* --- sending ------------------------------------------------------------------------------------------ */

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute('aria-busy', value ? 'true' : 'false');
  }

  function send(text, shown) {
    if (busy || !text.replace(/\s/g, '')) return;
    setBusy(true);
    addUser(shown || text);
    var typing = add(el('div', 'msg bot typing', '正在想…'));
    request('POST', '/api/message', {text: text}, function (status, data) {
      log.removeChild(typing);
      setBusy(false);
      var ok = status === 200 && data && data.messages;
      if (!shown && (!ok || data.mode === 'too_long')) {
        input.value = text;  /* not lost: the person can shorten it or send it again */
        grow();
      }
      if (ok) {
        addBot(data);
      } else if (data && data.message) {
        addNotice(data.message);
      } else {
        addNotice('发送失败：网络好像不通。' + (shown ? '' : '你的消息还在输入框里，') + '稍后再试。',
          shown ? function () { send(text, shown); } : null);
      }
    });
  }

  function grow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (busy || !text.replace(/\s/g, '')) return;
    input.value = '';
    grow();
    send(text);
  });

  input.addEventListener('input', grow);
  input.addEventListener('keydown', function (event) {
    /* Enter sends on a computer; on a phone it starts a new line. Never while an IME is composing. */
    var fine = window.matchMedia && window.matchMedia('(pointer: fine)').matches;
    if (fine && (event.key === 'Enter' || event.keyCode === 13) && !event.shiftKey && !event.isComposing &&
        event.keyCode !== 229) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit(); else sendButton.click();
    }
  });

  document.getElementById('reset').addEventListener('click', function () {
    if (busy) return;
    request('POST', '/api/reset', {}, function (status, data) {
      log.textContent = '';
      if (status === 200 && data) addBot(data);
      welcome();
    });
  });

  document.getElementById('privacy').addEventListener('click', function () { send('/privacy', '隐私说明'); });

  function welcome() {
    request('GET', '/api/welcome', null, function (status, data) {
      if (status === 200 && data && data.messages) addBot(data);
      else addNotice('连接不上服务器，请检查网络。', welcome);
    });
  }

  welcome();
})();

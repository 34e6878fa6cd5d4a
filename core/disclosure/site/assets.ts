/** The site's one style sheet: a plain government disclosure column, no external resources. */
export const SITE_CSS = `*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;color:#222;background:#f4f5f7;font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimSun,sans-serif;line-height:1.7}
a{color:#0b4f9c}a:hover,a:focus{color:#b3120f}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f0b400;outline-offset:1px}
.wrap{max-width:1120px;margin:0 auto;padding:0 16px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px 12px;z-index:9}.skip:focus{left:8px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.top{background:linear-gradient(#b3120f,#8e0d0b);color:#fff;border-bottom:4px solid #e4b44c}
.top .wrap{padding:22px 16px 18px}
.top .org{margin:0;font-size:15px;opacity:.9;letter-spacing:2px}
.top .site{margin:2px 0 0;font-size:28px;font-weight:bold;letter-spacing:4px}
.nav{background:#fff;border-bottom:1px solid #d9dde3}
.nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.nav a{display:block;padding:11px 18px;color:#222;text-decoration:none;font-size:16px}
.nav a.on,.nav a:hover{background:#b3120f;color:#fff}
.crumbs{font-size:14px;color:#666;padding:12px 0}.crumbs .sep{margin:0 6px;color:#999}
main{background:#fff;border:1px solid #e1e4e8;padding:24px 28px 32px;min-height:420px}
h1{font-size:24px;margin:0 0 12px;color:#1b1b1b;text-align:center}
main h2{font-size:18px;margin:24px 0 10px;padding-left:10px;border-left:4px solid #b3120f}
.meta{text-align:center;color:#666;font-size:14px;border-bottom:1px dashed #ccc;padding-bottom:12px}.meta span{margin:0 12px}
table{border-collapse:collapse;width:100%;margin:12px 0}
caption{text-align:left;font-weight:bold;padding:6px 0;color:#444}
th,td{border:1px solid #d5d9de;padding:8px 10px;vertical-align:top;text-align:left}
td p{margin:0 0 4px}
.detail th{width:26%;background:#f6f7f9;font-weight:normal;color:#333}
.list thead th,.grid thead th{background:#f0f2f5}
.list .n{width:56px;text-align:center}.list .d{width:110px;white-space:nowrap}
.list tbody tr:nth-child(even),.grid tbody tr:nth-child(even){background:#fafbfc}
.tag{display:inline-block;margin-left:6px;padding:0 6px;font-size:12px;color:#b3120f;border:1px solid #b3120f;border-radius:2px}
.correction{background:#fff8e6;border:1px solid #f0c36d;padding:4px 16px;margin:16px 0}
.correction h2{border:0;padding:0;margin:10px 0 4px;font-size:16px;color:#8a5a00}
.correction ul{margin:4px 0 10px;padding-left:20px}.correction .d{font-weight:bold;margin-right:6px}
.text p{text-indent:2em;margin:0 0 10px}
.figure{margin:16px 0;text-align:center}.figure img{max-width:100%;border:1px solid #ddd}
.file a{display:inline-block;padding:8px 14px;border:1px solid #0b4f9c;border-radius:3px;text-decoration:none}
.back{margin-top:24px;text-align:right}
.count{color:#666;font-size:14px;text-align:center}
.pager{margin:16px 0;text-align:center}
.pager a,.pager span{display:inline-block;min-width:34px;margin:2px;padding:4px 9px;border:1px solid #d5d9de;text-decoration:none}
.pager .cur{background:#b3120f;border-color:#b3120f;color:#fff}.pager .gap,.pager .total{border:0;color:#666}
.years{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.years li{border:1px solid #d5d9de;padding:6px 14px;background:#fafbfc}.years .c{color:#666;font-size:13px}
.boxes{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:18px;margin-top:18px}
.box{border:1px solid #e1e4e8;padding:0 14px 10px}
.box h2{display:flex;justify-content:space-between;align-items:baseline;border-left:0;padding:10px 0 8px;margin:0;border-bottom:2px solid #b3120f}
.box h2 a{color:#b3120f;text-decoration:none}.box .c{font-size:13px;color:#666;font-weight:normal}
.latest{list-style:none;margin:8px 0 0;padding:0}
.latest li{display:flex;justify-content:space-between;gap:10px;padding:5px 0;border-bottom:1px dotted #ddd;font-size:15px}
.latest li a{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.latest .d,.latest .c{color:#888;font-size:13px;white-space:nowrap}
.search{display:flex;flex-wrap:wrap;gap:8px;align-items:center;background:#f6f7f9;border:1px solid #e1e4e8;padding:12px 14px}
.search input,.search select{font:inherit;padding:6px 10px;border:1px solid #b9c0c8;min-width:260px}
.search button{font:inherit;padding:6px 22px;background:#b3120f;color:#fff;border:0;cursor:pointer}
.results{list-style:none;padding:0}.results li{padding:10px 0;border-bottom:1px solid #eee}
.results .m{color:#666;font-size:14px}
.empty{color:#777;text-align:center;padding:24px 0}
.foot{color:#555;font-size:14px;text-align:center;padding:18px 0 28px}.foot p{margin:4px 0}
@media print{.nav,.skip,.search,.pager,.back{display:none}.top{background:none;color:#000}main{border:0}}
`;

/**
 * Client-side search over items.json: terms (all must match) in title, number, party, category
 * and date; a category filter; 20 results per page. Builds the DOM with textContent (no HTML
 * from data). Works on an intranet without external resources; needs http(s) (browsers block
 * fetch from file://, which the page says).
 */
export const SEARCH_JS = `(function () {
  'use strict';
  var PAGE = 20;
  var params = new URLSearchParams(location.search);
  var q = document.getElementById('q');
  var kind = document.getElementById('kind');
  var out = document.getElementById('results');
  q.value = params.get('q') || '';
  kind.value = params.get('kind') || '';
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function show(items, page) {
    var terms = q.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    var hits = items.filter(function (i) {
      if (kind.value && i.kind !== kind.value) return false;
      var hay = (i.title + ' ' + i.no + ' ' + i.party + ' ' + i.kindLabel + ' ' + i.date).toLowerCase();
      return terms.every(function (t) { return hay.indexOf(t) >= 0; });
    });
    out.textContent = '';
    out.appendChild(el('p', 'count', terms.length || kind.value ? '共找到 ' + hits.length + ' 条信息' : '共 ' + hits.length + ' 条公开信息，请输入关键词检索'));
    var pages = Math.max(1, Math.ceil(hits.length / PAGE));
    page = Math.min(Math.max(1, page), pages);
    var ul = el('ul', 'results');
    hits.slice((page - 1) * PAGE, page * PAGE).forEach(function (i) {
      var li = el('li');
      var a = el('a', null, i.title); a.href = i.url; li.appendChild(a);
      li.appendChild(el('div', 'm', [i.kindLabel, i.no, i.party, i.date].filter(Boolean).join('　')));
      ul.appendChild(li);
    });
    out.appendChild(ul);
    if (pages > 1) {
      var nav = el('nav', 'pager'); nav.setAttribute('aria-label', '检索结果分页');
      for (var n = 1; n <= pages; n++) {
        if (n === page) { var s = el('span', 'cur', String(n)); s.setAttribute('aria-current', 'page'); nav.appendChild(s); continue; }
        if (n !== 1 && n !== pages && Math.abs(n - page) > 2) continue;
        var b = el('a', null, String(n)); b.href = '#'; b.setAttribute('data-page', String(n)); nav.appendChild(b);
      }
      nav.addEventListener('click', function (ev) { var p = ev.target.getAttribute && ev.target.getAttribute('data-page'); if (p) { ev.preventDefault(); show(items, Number(p)); } });
      out.appendChild(nav);
    }
  }
  fetch('items.json').then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); }).then(function (doc) {
    var items = doc.items || [];
    show(items, 1);
    document.getElementById('search-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var u = new URL(location.href); u.searchParams.set('q', q.value); u.searchParams.set('kind', kind.value);
      history.replaceState(null, '', u.toString());
      show(items, 1);
    });
  }).catch(function () {
    out.textContent = '';
    out.appendChild(el('p', 'empty', '检索索引加载失败。请通过网站地址（http）访问本页，或按栏目浏览。'));
  });
})();
`;

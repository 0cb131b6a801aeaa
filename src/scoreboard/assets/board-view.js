// How the big-screen scoreboard draws (served by src/scoreboard/routes.ts, before scoreboard.js, which
// fetches and follows the board and hands each new state to window.scoreboardView.render). Plain
// browser JavaScript, no build step: header, rows redrawn in place with their moves animated, the
// screenfuls of a hall screen (pages.js), prizes, the publication and freeze banners.
'use strict';
(function (root) {
  var STATUS = {
    DRAFT: '筹备中', REGISTRATION_OPEN: '报名中', REGISTRATION_CLOSED: '报名截止', IN_PROGRESS: '比赛进行中',
    SCORING_CLOSED: '评分结束', RESULTS_PUBLISHED: '成绩公示中', FINALIZED: '成绩已发布', CANCELLED: '已取消',
  };
  var LEVEL = { ENTERPRISE: '企业级', DISTRICT: '县区级', CITY: '市级', PROVINCE: '省级', NATIONAL: '国家级' };
  var PRIZE = { FIRST: '一等奖', SECOND: '二等奖', THIRD: '三等奖', EXCELLENCE: '优秀奖' };
  var ENTRY_STATUS = { WITHDRAWN: '退赛', DISQUALIFIED: '取消资格', ABSENT: '缺考' };
  // Once scoring is closed, a stage without the chief judge's sign-off is marked as such (its results may still change).
  var SIGN_OFF_DUE = { SCORING_CLOSED: true, RESULTS_PUBLISHED: true };

  var $ = function (id) { return document.getElementById(id); };
  // What is on screen: the page's data as scoreboard.js last handed it over, and what was drawn from it.
  var state = { competition: null, board: null, prizes: {}, stageKey: '' };
  var rowEls = new Map();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function fmt(n) { return Number(n).toFixed(2); }
  /** A moment as a hall in China reads it: Beijing time, whatever the screen's own time zone. */
  function beijing(iso) {
    return new Date(iso).toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    });
  }
  function clock(iso) {
    return iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour12: false }) : '';
  }

  // ---- rendering ---------------------------------------------------------------------------------

  function renderHeader(stages) {
    var key = stages.map(function (s) { return s.stageId + ':' + s.stageName; }).join('|');
    if (key === state.stageKey) return;
    state.stageKey = key;
    $('board').style.setProperty('--stages', String(Math.max(stages.length, 1)));
    var head = $('head');
    head.textContent = '';
    head.appendChild(el('span', 'rank', '名次'));
    head.appendChild(el('span', 'start', '号'));
    head.appendChild(el('span', 'who', '选手 / 单位'));
    stages.forEach(function (s) {
      var cell = el('span', 'stage', s.stageName);
      cell.dataset.stageId = s.stageId;
      // The 未签字 badge is drawn by CSS (::after) from this attribute when the column is .is-unsigned.
      cell.dataset.badge = '未签字';
      head.appendChild(cell);
    });
    if (!stages.length) head.appendChild(el('span', 'stage', ''));
    head.appendChild(el('span', 'total', '总分'));
    head.appendChild(el('span', 'done', '完成度'));
    // Stage columns changed: rows are rebuilt with the new cells.
    rowEls.forEach(function (e) { e.remove(); });
    rowEls.clear();
  }

  function makeRow(stageCount) {
    var row = el('div', 'row', null);
    row.setAttribute('role', 'row');
    row.appendChild(el('span', 'rank'));
    row.appendChild(el('span', 'start'));
    var who = el('span', 'who');
    who.appendChild(el('span', 'name'));
    who.appendChild(el('span', 'prize'));
    who.appendChild(el('span', 'ent'));
    row.appendChild(who);
    for (var i = 0; i < Math.max(stageCount, 1); i++) row.appendChild(el('span', 'stage'));
    row.appendChild(el('span', 'total'));
    var done = el('span', 'done');
    var bar = el('span', 'bar');
    bar.appendChild(el('span', 'fill'));
    done.appendChild(bar);
    done.appendChild(el('span', 'pct'));
    row.appendChild(done);
    return row;
  }

  function fillRow(row, r) {
    row.dataset.entryId = r.entryId;
    row.dataset.rank = r.rank == null ? '' : String(r.rank);
    row.classList.toggle('out', r.status !== 'ACTIVE');
    row.classList.toggle('top3', r.rank != null && r.rank <= 3);
    row.querySelector('.rank').textContent = r.rank == null ? (ENTRY_STATUS[r.status] || '—') : String(r.rank);
    row.querySelector('.start').textContent = r.startNumber == null ? '' : String(r.startNumber);
    row.querySelector('.name').textContent = r.displayName || (r.startNumber != null ? r.startNumber + ' 号' : '—');
    row.querySelector('.ent').textContent = r.enterpriseNames.join('、');
    var prize = state.prizes[r.entryId];
    var p = row.querySelector('.prize');
    p.textContent = prize ? PRIZE[prize] || prize : '';
    p.dataset.prize = prize || '';
    var cells = row.querySelectorAll('.stage');
    // A held-back score is never shown as 0: an anonymous stage still being marked (加密评分中, the whole
    // column), or an entry whose marks in the stage are not all in yet (评分中).
    var sealed = (state.board && state.board.sealedStageIds) || [];
    r.stageTotals.forEach(function (s, i) {
      if (!cells[i]) return;
      cells[i].textContent = s.score != null ? fmt(s.score) : sealed.indexOf(s.stageId) >= 0 ? '加密评分中' : '评分中';
      cells[i].classList.toggle('pending', s.score == null);
    });
    // Before its first mark on this board an entry has no total to show (not 0.00): the API leaves
    // such an active entry unranked, and the board lists them in start order.
    var unmarked = r.status === 'ACTIVE' && r.rank == null;
    row.classList.toggle('unmarked', unmarked);
    var total = row.querySelector('.total');
    var before = total.textContent;
    total.textContent = unmarked ? '' : fmt(r.total);
    var pct = r.completeness == null ? null : Math.round(r.completeness * 100);
    row.querySelector('.fill').style.width = (pct || 0) + '%';
    row.querySelector('.pct').textContent = pct == null ? '—' : pct + '%';
    return before !== '' && before !== total.textContent;
  }

  /** Restarts a CSS animation class on an element. */
  function flash(e, cls) {
    e.classList.remove('moved-up', 'moved-down', 'changed');
    void e.offsetWidth;
    e.classList.add(cls);
  }

  function renderRows(board) {
    var first = rowEls.size === 0;
    var container = $('rows');
    var before = new Map();
    var oldIndex = new Map();
    var i = 0;
    rowEls.forEach(function (e, id) { before.set(id, e.getBoundingClientRect()); });
    Array.prototype.forEach.call(container.children, function (e) { oldIndex.set(e.dataset.entryId, i++); });
    var seen = new Set();
    var stageCount = board.rows.length ? board.rows[0].stageTotals.length : 0;
    board.rows.forEach(function (r, index) {
      seen.add(r.entryId);
      var row = rowEls.get(r.entryId);
      if (!row) rowEls.set(r.entryId, (row = makeRow(stageCount)));
      var changed = fillRow(row, r);
      if (container.children[index] !== row) container.insertBefore(row, container.children[index] || null);
      row.dataset.changed = changed ? '1' : '';
    });
    rowEls.forEach(function (e, id) {
      if (!seen.has(id)) { e.remove(); rowEls.delete(id); }
    });
    $('empty').hidden = board.rows.length > 0;
    paginate();
    if (first) return;
    // FLIP: each row that changed place starts where it was and slides to where it is now.
    board.rows.forEach(function (r, index) {
      var row = rowEls.get(r.entryId);
      var from = oldIndex.get(r.entryId);
      if (from !== undefined && from !== index) flash(row, index < from ? 'moved-up' : 'moved-down');
      else if (row.dataset.changed) flash(row, 'changed');
      var was = before.get(r.entryId);
      var now = row.getBoundingClientRect();
      // Rows coming from or going to another page just appear.
      if (was === undefined || !was.height || !now.height) return;
      var dy = was.top - now.top;
      if (!dy) return;
      row.style.transition = 'none';
      row.style.transform = 'translateY(' + dy + 'px)';
      void row.offsetWidth; // commit the starting point, so the next change is animated from it
      row.style.transition = '';
      row.style.transform = '';
    });
  }

  // ---- pages on a big screen ---------------------------------------------------------------------
  // A hall screen cannot scroll: when the rows do not fit, it shows them a screenful at a time and
  // turns the page every PAGE_SECONDS (?page=N in the address changes it). Phones scroll instead.
  var PAGE_SECONDS = Math.max(3, Number(new URLSearchParams(location.search).get('page')) || 12);
  var pager = { page: 0, pages: 1 };

  function paginate() {
    var rows = $('rows').children;
    var i;
    for (i = 0; i < rows.length; i++) rows[i].classList.remove('off-page');
    pager.pages = 1;
    var indicator = $('pager');
    indicator.hidden = true;
    if (!rows.length || window.matchMedia('(max-width: 720px)').matches) return;
    var room = window.innerHeight - $('rows').getBoundingClientRect().top - document.querySelector('footer').offsetHeight - 12;
    var size = Math.max(1, Math.floor(room / rows[0].getBoundingClientRect().height));
    document.body.dataset.pageCapacity = String(size);
    if (rows.length <= size) return;
    // Even pages: no last page of two rows on an empty screen.
    var sizes = window.scoreboardPages.balancedPages(rows.length, size);
    pager.pages = sizes.length;
    if (pager.page >= pager.pages) pager.page = 0;
    for (i = 0; i < rows.length; i++) if (window.scoreboardPages.pageOf(i, sizes) !== pager.page) rows[i].classList.add('off-page');
    indicator.textContent = '第 ' + (pager.page + 1) + ' / ' + pager.pages + ' 页';
    indicator.hidden = false;
  }

  setInterval(function () {
    if (pager.pages < 2) return;
    pager.page = (pager.page + 1) % pager.pages;
    paginate();
  }, PAGE_SECONDS * 1000);
  window.addEventListener('resize', paginate);

  function renderPrizes() {
    var section = $('prizes');
    var c = state.competition;
    if (!c || c.status !== 'FINALIZED' || !c.awards.length || !state.board) {
      section.hidden = true;
      return;
    }
    var names = {};
    state.board.rows.forEach(function (r) { names[r.entryId] = r.displayName || (r.startNumber + ' 号'); });
    section.textContent = '';
    ['FIRST', 'SECOND', 'THIRD', 'EXCELLENCE'].forEach(function (tier) {
      var winners = c.awards.filter(function (a) { return a.prize === tier; });
      if (!winners.length) return;
      var line = el('div', 'tier', null);
      line.dataset.prize = tier;
      line.appendChild(el('span', 'tier-name', PRIZE[tier]));
      line.appendChild(el('span', 'tier-who', winners.map(function (a) { return names[a.entry.id] || ''; }).join('　')));
      section.appendChild(line);
    });
    section.hidden = false;
  }

  /** 成绩公示中: published, not yet final; until when appeals may be filed (the API announces the window's close). */
  function renderPublication(c) {
    var banner = $('publication');
    var published = !!c && c.status === 'RESULTS_PUBLISHED';
    banner.hidden = !published;
    if (!published) { banner.textContent = ''; return; }
    var closes = c.appealWindowClosesAt;
    var open = closes && new Date(closes).getTime() > Date.now();
    banner.textContent = '成绩公示中 · ' + (!closes ? '最终成绩以正式发布为准'
      : open ? '申诉截止 ' + beijing(closes) + '（北京时间）' : '申诉期已于 ' + beijing(closes) + '（北京时间）结束，待最终发布');
    banner.dataset.closesAt = closes || '';
  }

  /** The 未签字 mark on each stage column without a valid sign-off, once scoring is closed. */
  function renderSignOffs(c) {
    var due = !!c && SIGN_OFF_DUE[c.status] === true;
    var unsigned = new Set(c ? c.unsignedStages.map(function (s) { return s.id; }) : []);
    Array.prototype.forEach.call(document.querySelectorAll('#head .stage'), function (cell) {
      cell.classList.toggle('is-unsigned', due && unsigned.has(cell.dataset.stageId));
    });
  }

  function render() {
    var c = state.competition;
    var b = state.board;
    if (c) {
      $('title').textContent = c.title;
      document.title = c.title + ' · 实时成绩';
      $('meta').textContent = [LEVEL[c.level], c.trade].filter(Boolean).join(' · ');
      $('status').textContent = STATUS[c.status] || c.status;
      $('status').dataset.status = c.status;
      state.prizes = {};
      c.awards.forEach(function (a) { if (a.prize) state.prizes[a.entry.id] = a.prize; });
    }
    if (!b) return;
    var frozen = $('frozen');
    frozen.hidden = !b.frozen;
    frozen.textContent = b.frozen ? '封榜中 · 显示 ' + clock(b.frozenAt) + ' 封榜时的成绩，最终成绩以颁奖公布为准' : '';
    document.body.classList.toggle('is-frozen', !!b.frozen);
    renderPublication(c);
    document.body.classList.toggle('is-final', !!c && c.status === 'FINALIZED');
    renderHeader(b.rows.length ? b.rows[0].stageTotals : (c ? c.stages.map(function (s) { return { stageId: s.id, stageName: s.name }; }) : []));
    renderSignOffs(c);
    renderPrizes(); // before the rows: the prize lines take room that the pages must leave
    renderRows(b);
    $('updated').textContent = '更新于 ' + clock(b.updatedAt) + ' · 第 ' + b.version + ' 版';
    document.body.dataset.version = String(b.version);
  }

  root.scoreboardView = {
    /** Draws the competition (null before the first query) and the board (null before the first one). */
    render: function (competition, board) {
      state.competition = competition;
      state.board = board;
      render();
    },
  };
})(this);

// The big-screen scoreboard (served by src/scoreboard/routes.ts). Plain browser JavaScript, no build
// step: it reads the public leaderboard over /graphql, follows leaderboardChanged (the whole board
// once, then the rows that changed) and competitionStatusChanged over graphql-ws (window.graphqlWs,
// the package's browser build), and redraws rows in place. It sees exactly what the API shows an anonymous viewer.
'use strict';
(function () {
  var competitionId = document.body.dataset.competitionId;
  var httpUrl = new URL('../graphql', location.href).href;
  var wsUrl = httpUrl.replace(/^http/, 'ws');

  var ROW = 'rank entryId startNumber station displayName enterpriseNames status total completeness stageTotals { stageId stageName score }';
  // The whole board in one message: rows is a connection whose `first` goes up to 1000 (the
  // schema's documented maximum for this list, larger than any hall's competition).
  var MAX_ROWS = 1000;
  var BOARD = 'version frozen frozenAt updatedAt sealedStageIds rows(first: ' + MAX_ROWS + ') { totalCount nodes { ' + ROW + ' } }';
  var QUERY = 'query Scoreboard($id: ID!) { node(id: $id) { ... on Competition { id title status level trade appealWindowClosesAt ' +
    'stages { id name } unsignedStages { id } awards(first: 100) { nodes { rank prize entry { id } } } leaderboard { ' + BOARD + ' } } } }';
  // Row changes (docs/frontend.md): the whole board first, then per change the rows that differ from
  // the board this subscription sent last, by position; no `first`: every row, up to 1000.
  var BOARD_SUB = 'subscription ScoreboardBoard($id: ID!) { leaderboardChanged(competitionId: $id) { ' +
    'version baseVersion frozen frozenAt updatedAt sealedStageIds rowCount totalCount changedRows { position row { ' + ROW + ' } } } }';
  var STATUS_SUB = 'subscription ScoreboardStatus($id: ID!) { competitionStatusChanged(competitionId: $id) { version competition { status } } }';

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
  var state = { version: -1, competition: null, board: null, prizes: {}, stageKey: '' };
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

  /** A board is shown unless an older one: messages and refetches may arrive in either order. */
  function accept(board) {
    if (board.version < state.version) return false;
    // The page's code reads a plain array of rows.
    if (board.rows && !Array.isArray(board.rows)) {
      if (board.rows.totalCount > board.rows.nodes.length) console.warn('scoreboard: board has more rows than one page', board.rows.totalCount);
      board.rows = board.rows.nodes;
    }
    state.version = board.version;
    state.board = board;
    return true;
  }

  // ---- data --------------------------------------------------------------------------------------

  var loading = null;
  var again = false;
  /** Fetches the whole page's data over HTTP; concurrent calls coalesce into at most one more fetch. */
  function load() {
    if (loading) { again = true; return loading; }
    loading = fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { id: competitionId } }),
    })
      .then(function (res) { return res.json(); })
      .then(function (body) {
        var c = body.data && body.data.node;
        if (!c) throw new Error((body.errors && body.errors[0] && body.errors[0].message) || 'competition not found');
        // Prizes go to the top places, best rank first: the first hundred awards hold every prize winner of any hall's competition.
        c.awards = c.awards.nodes;
        state.competition = c;
        accept(c.leaderboard);
        render();
      })
      .catch(function (err) { console.warn('scoreboard: refetch failed', err); })
      .then(function () {
        loading = null;
        if (again) { again = false; load(); }
      });
    return loading;
  }

  var lastGapFetch = 0;
  function onBoard(board) {
    var gap = state.version >= 0 && board.version > state.version + 1;
    if (!accept(board)) return;
    render();
    // The changes rebuild the whole board, so the rows are current; a skipped version may also have
    // carried a status change or awards, which only the query brings. Throttled and jittered, so a
    // hall of screens in a burst of marks does not refetch in step.
    if (gap && Date.now() - lastGapFetch > 10000) {
      lastGapFetch = Date.now();
      setTimeout(load, Math.random() * 1000);
    }
  }

  /** The board as the subscription sent it: what its next change applies to. */
  var live = { version: -1, rows: [] };
  function onChange(c) {
    if (c.baseVersion !== null && c.baseVersion !== live.version) {
      // Not the board this screen holds (cannot happen unless a message was lost): start over whole.
      console.warn('scoreboard: change for version', c.baseVersion, 'while holding', live.version);
      live = { version: -1, rows: [] };
      followBoard();
      return;
    }
    var rows = (c.baseVersion === null ? [] : live.rows).slice(0, c.rowCount);
    for (var i = 0; i < c.changedRows.length; i++) rows[c.changedRows[i].position] = c.changedRows[i].row;
    live = { version: c.version, rows: rows };
    if (c.totalCount > c.rowCount) console.warn('scoreboard: board has more rows than one message', c.totalCount);
    onBoard({ version: c.version, frozen: c.frozen, frozenAt: c.frozenAt, updatedAt: c.updatedAt, sealedStageIds: c.sealedStageIds, rows: rows.slice() });
  }

  function setConnection(s, text) {
    var e = $('connection');
    e.dataset.state = s;
    e.textContent = text;
  }

  var activeSocket = null;
  var pongTimer = null;
  var client = window.graphqlWs.createClient({
    url: wsUrl,
    lazy: false,
    keepAlive: 10000,
    retryAttempts: Infinity,
    shouldRetry: function () { return true; },
    retryWait: function (retries) {
      var ms = Math.min(500 * Math.pow(2, retries), 8000) + Math.random() * 500;
      return new Promise(function (r) { setTimeout(r, ms); });
    },
    on: {
      connecting: function () { setConnection('connecting', '重新连接中…'); },
      connected: function (socket) {
        activeSocket = socket;
        setConnection('live', '● 实时');
        // Whatever happened while away (or before the subscriptions are in place) comes by query;
        // the second look covers a change committed while the subscriptions were being set up.
        load();
        setTimeout(load, 2000);
      },
      closed: function () { setConnection('offline', '连接中断，正在重连…'); },
      // A ping unanswered for 5 s means a dead connection (a sleeping proxy, a lost Wi-Fi): drop it and reconnect.
      ping: function (received) {
        if (received) return;
        pongTimer = setTimeout(function () {
          if (activeSocket && activeSocket.readyState === WebSocket.OPEN) activeSocket.close(4408, 'Request Timeout');
        }, 5000);
      },
      pong: function (received) { if (received) clearTimeout(pongTimer); },
    },
  });

  /** Subscribes; returns the function that ends the subscription. `again` re-subscribes after an error. */
  function follow(query, onData, again) {
    return client.subscribe({ query: query, variables: { id: competitionId } }, {
      next: function (result) { if (result.data) onData(result.data); },
      // Connection losses are retried by the client; an error here is the server refusing the
      // operation (say, mid-deploy), so the screen asks again a little later rather than go dark.
      error: function (err) {
        console.warn('scoreboard: subscription error', err);
        setTimeout(again || function () { follow(query, onData); }, 10000);
      },
      complete: function () {},
    });
  }
  var stopBoard = null;
  function followBoard() {
    if (stopBoard) stopBoard();
    stopBoard = follow(BOARD_SUB, function (data) { onChange(data.leaderboardChanged); }, followBoard);
  }
  followBoard();
  follow(STATUS_SUB, function () { load(); });
  load();
})();

// The big-screen scoreboard (served by src/scoreboard/routes.ts). Plain browser JavaScript, no build
// step: it reads the public leaderboard over /graphql, follows leaderboardChanged (the whole board
// once, then the rows that changed) and competitionStatusChanged over graphql-ws (window.graphqlWs,
// the package's browser build), and hands each new state to board-view.js (window.scoreboardView), which
// draws it. It sees exactly what the API shows an anonymous viewer.
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

  var state = { version: -1, competition: null, board: null };

  function render() { window.scoreboardView.render(state.competition, state.board); }

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
    var e = document.getElementById('connection');
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

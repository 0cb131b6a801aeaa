// Boots GraphiQL (served by src/ide/routes.ts). Plain browser JavaScript, no build step: React,
// ReactDOM, GraphiQL and graphqlWs are the packages' own browser builds, loaded before this file.
// Queries and mutations go over HTTP POST to this page's own address (/graphql); subscriptions over
// graphql-ws to the same path. The Authorization header typed in the Headers tab is sent with both
// (over the WebSocket as connectionParams.authorization, as the API expects).
'use strict';
(function () {
  var endpoint = location.origin + location.pathname;
  var wsEndpoint = endpoint.replace(/^http/, 'ws');

  var DEFAULT_QUERY = [
    '# 匠心 (Jiangxin) GraphQL IDE',
    '#',
    '# Log in with the login mutation, then put the token in the Headers tab below:',
    '#   { "Authorization": "Bearer <token>" }',
    '# It is sent with queries and mutations, and with subscriptions over the WebSocket.',
    '# Ctrl-Enter runs the operation under the cursor; Ctrl-Space completes.',
    '',
    'query Competitions {',
    '  competitions(first: 10) {',
    '    totalCount',
    '    edges { node { id title status level trade } }',
    '  }',
    '}',
    '',
  ].join('\n');

  function authorizationOf(headers) {
    if (!headers) return undefined;
    for (var key in headers) {
      if (key.toLowerCase() === 'authorization' && headers[key]) return String(headers[key]);
    }
    return undefined;
  }

  // One graphql-ws client per Authorization value: a new token means a new connection, because the
  // server reads who is asking once, from connection_init.
  var ws = null;
  var wsAuthorization;
  function wsClientFor(authorization) {
    if (ws && wsAuthorization === authorization) return ws;
    if (ws) ws.dispose();
    wsAuthorization = authorization;
    ws = graphqlWs.createClient({
      url: wsEndpoint,
      lazy: true,
      retryAttempts: 3,
      connectionParams: authorization ? { authorization: authorization } : {},
    });
    return ws;
  }

  var current = null;
  var base = GraphiQL.createFetcher({
    url: endpoint,
    // GraphiQL's fetcher sends subscriptions here; the client is picked per operation below.
    wsClient: { subscribe: function (payload, sink) { return current.subscribe(payload, sink); } },
  });
  function fetcher(params, opts) {
    current = wsClientFor(authorizationOf(opts && opts.headers));
    return base(params, opts);
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: DEFAULT_QUERY,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }));
})();

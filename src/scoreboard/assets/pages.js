// How the scoreboard splits its rows into screenfuls (served to the page, and required by the unit
// tests: plain JavaScript, no build step). Kept apart from scoreboard.js so it can be tested alone.
'use strict';
(function (root) {
  /**
   * The sizes of the pages for `rows` rows on a screen that fits `capacity`: as few pages as fit,
   * as even as can be (42 at 20 a page: 14, 14, 14, not 20, 20, 2), larger pages first.
   */
  function balancedPages(rows, capacity) {
    var count = Math.max(0, Math.floor(rows));
    var fit = Math.max(1, Math.floor(capacity));
    if (count === 0) return [];
    var pages = Math.ceil(count / fit);
    var small = Math.floor(count / pages);
    var larger = count % pages; // this many pages take one row more
    var sizes = [];
    for (var i = 0; i < pages; i++) sizes.push(small + (i < larger ? 1 : 0));
    return sizes;
  }

  /** The page (0-based) that row `index` falls on, for the given page sizes. */
  function pageOf(index, sizes) {
    var end = 0;
    for (var p = 0; p < sizes.length; p++) {
      end += sizes[p];
      if (index < end) return p;
    }
    return sizes.length - 1;
  }

  var api = { balancedPages: balancedPages, pageOf: pageOf };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.scoreboardPages = api;
})(this);

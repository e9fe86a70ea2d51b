// What the browser benchmark runs inside the page (an init script, so it is there from the first
// byte of every document): the time of the last click, and the first moment the screen shows
// what the benchmark waits for — data rows of a given list, or the dashboard's charts — seen by a
// MutationObserver. The timings are the page's own clock (performance.now(), from navigation
// start), not the benchmark's polling. Plain JavaScript in a string: it is sent to the browser
// as it is, with nothing of the module around it.
export interface ProbeMarks {
  /** performance.now() of the last click (its event timestamp). */
  click?: number;
  /** First moment rows (or the empty state) of the expected list were in the document. */
  rows?: number;
  /** First moment both dashboard charts had drawn bars. */
  charts?: number;
}

export const PROBE_SCRIPT = `(() => {
  const marks = {};
  // Rows count once the path is the list's and they were not on screen before the click.
  let listPath = location.pathname;
  const ROWS = '.RaDataTable-row:not([data-kbo-stale]), [data-testid="empty-list"]:not([data-kbo-stale])';
  const check = () => {
    const now = performance.now();
    if (marks.rows === undefined && location.pathname === listPath && document.querySelector(ROWS)) marks.rows = now;
    if (marks.charts === undefined &&
      document.querySelector('[data-testid="fee-chart"] .recharts-bar-rectangle') &&
      document.querySelector('[data-testid="plan-chart"] .recharts-bar-rectangle')) marks.charts = now;
  };
  window.__kbo = {
    marks,
    expectList(path) {
      for (const el of document.querySelectorAll('.RaDataTable-row, [data-testid="empty-list"]')) el.setAttribute('data-kbo-stale', '');
      delete marks.rows;
      delete marks.click;
      listPath = path;
      performance.clearResourceTimings();
    },
  };
  performance.setResourceTimingBufferSize(5000);
  document.addEventListener('click', (e) => { marks.click = e.timeStamp; }, true);
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

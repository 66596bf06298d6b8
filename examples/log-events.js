// Logs the element's events on the page: they bubble and cross the shadow root, so the
// document hears them. An external script, so the page needs no inline script under a strict CSP.
const log = document.getElementById('log');
for (const type of ['ready', 'select', 'filter-change', 'load-error']) {
  document.addEventListener(type, (event) => {
    const { detail } = event;
    const text = type === 'select' ? JSON.stringify({ kind: detail.kind, id: detail.id }) : JSON.stringify(detail);
    log?.append(`${type} ${text}\n`);
    (window.embedEvents ??= []).push({ type, detail: type === 'select' ? { kind: detail.kind, id: detail.id } : detail });
  });
}

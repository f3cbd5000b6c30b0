// Installable and readable offline: registers the service worker (/sw.js) once the page has loaded, so
// it never competes with the page itself, and tells it about pages opened inside the app (without a page
// load), so it keeps them too (it fetches their HTML once more: not from pages of one person's own, which
// it never keeps, nor when the person asked the browser to save data).
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });

  const personal = document.querySelector('meta[name="robots"][content*="noindex"]');
  if (!personal && !navigator.connection?.saveData) {
    const pushState = history.pushState;
    history.pushState = function (...args) {
      pushState.apply(this, args);
      navigator.serviceWorker.controller?.postMessage({ type: 'opened', url: location.href });
    };
  }
}

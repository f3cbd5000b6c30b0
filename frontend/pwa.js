// Installable and readable offline: registers the service worker (/sw.js) once the page has loaded, so
// it never competes with the page itself, and tells it about pages it did not see load — this one when
// the worker first takes control (a link opened from WhatsApp), and those opened inside the app — so it
// keeps them too. It fetches their HTML once more: not for pages of one person's own, which it never
// keeps, nor when the person asked the browser to save data.
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('/sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });

  const personal = document.querySelector('meta[name="robots"][content*="noindex"]');
  if (!personal && !navigator.connection?.saveData) {
    const opened = () => navigator.serviceWorker.controller?.postMessage({ type: 'opened', url: location.href });
    navigator.serviceWorker.addEventListener('controllerchange', opened);
    const pushState = history.pushState;
    history.pushState = function (...args) {
      pushState.apply(this, args);
      opened();
    };
  }
}

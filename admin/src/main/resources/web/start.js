/* edgeloop admin: start-up, login and logout. */
'use strict';

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  const user = document.getElementById('login-user').value.trim();
  const password = document.getElementById('login-password');
  try {
    const session = await EL.post('/api/login', { user, password: password.value });
    password.value = '';
    EL.showApp(session);
    EL.poll();
  } catch (e) {
    password.value = '';
    error.textContent = e.message;
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  try { await EL.post('/api/logout', {}); } catch (e) { /* the session is gone either way */ }
  EL.showLogin('Logged out.');
});

window.addEventListener('hashchange', () => EL.route());

(async function start() {
  try {
    const session = await fetch('/api/session', { credentials: 'same-origin' });
    if (session.ok) EL.showApp(await session.json()); else EL.showLogin('');
  } catch (e) {
    EL.showLogin('The admin server does not answer: ' + e.message);
  }
  setInterval(EL.poll, 3000);
  EL.poll();
})();

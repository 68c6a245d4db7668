// Registers or uses a passkey for a form marked data-passkey="register" or "sign-in", with the
// browser's own WebAuthn JSON methods: the server's options (data-options) are parsed by
// PublicKeyCredential, and the credential's toJSON() is posted to the form's action, which answers
// {"next": address} or {"error": what to tell the person}. The form's csrf field, when it has one,
// goes with both requests as X-CSRF-Token.

const form = document.querySelector('form[data-passkey]');

async function post(url, csrf, body) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(url, {
    method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin',
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || form.dataset.failed);
  return answer;
}

async function run(event) {
  event.preventDefault();
  const status = form.querySelector('[role=status]');
  const button = form.querySelector('button[type=submit]');
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
    status.textContent = form.dataset.unsupported;
    return;
  }
  const csrf = form.elements.csrf ? form.elements.csrf.value : '';
  const name = form.elements.name ? form.elements.name.value : '';
  button.disabled = true;
  status.textContent = '';
  try {
    const options = await post(form.dataset.options, csrf, {});
    const credential = form.dataset.passkey === 'register'
      ? await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      })
      : await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
      });
    const answer = await post(form.action, csrf, { credential: credential.toJSON(), name });
    window.location.assign(answer.next);
  } catch (error) {
    status.textContent = error instanceof DOMException ? form.dataset.failed : error.message;
    button.disabled = false;
  }
}

if (form) form.addEventListener('submit', run);

// The media library in the browser: pictures dropped on the upload form are sent with a progress
// bar, and a click on a picture sets its focal point. Without JavaScript the forms work as they are.

const form = document.getElementById('upload');
if (form) {
  const drop = document.getElementById('drop');
  const input = document.getElementById('picture');
  const progress = document.getElementById('progress');
  const status = document.getElementById('upload-status');
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
  }
  for (const type of ['dragleave', 'drop']) {
    drop.addEventListener(type, () => drop.classList.remove('over'));
  }
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action + '?answer=json');
    request.setRequestHeader('Accept', 'application/json');
    progress.hidden = false;
    progress.value = 0;
    status.textContent = form.dataset.wordsSending;
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
      let outcomes = [];
      try {
        outcomes = JSON.parse(request.responseText);
      } catch {
        status.textContent = form.dataset.wordsFailed;
        return;
      }
      if (!Array.isArray(outcomes)) {
        status.textContent = outcomes.detail || form.dataset.wordsFailed;
        return;
      }
      const refused = outcomes.filter((o) => o.problem);
      if (refused.length === 0) {
        window.location.assign(form.action);
        return;
      }
      status.textContent = refused.map((o) => o.file + ': ' + o.problem).join(' · ');
    });
    request.addEventListener('error', () => {
      status.textContent = form.dataset.wordsFailed;
    });
    request.send(new FormData(form));
  });
}

const focal = document.getElementById('focal');
const x = document.getElementById('focal_x');
const y = document.getElementById('focal_y');
if (focal && x && y) {
  const mark = focal.querySelector('.mark');
  const place = () => {
    mark.style.insetInlineStart = '';
    mark.style.left = Number(x.value) * 100 + '%';
    mark.style.top = Number(y.value) * 100 + '%';
  };
  place();
  focal.querySelector('img').addEventListener('click', (event) => {
    const box = event.currentTarget.getBoundingClientRect();
    x.value = ((event.clientX - box.left) / box.width).toFixed(2);
    y.value = ((event.clientY - box.top) / box.height).toFixed(2);
    place();
  });
  x.addEventListener('input', place);
  y.addEventListener('input', place);
}

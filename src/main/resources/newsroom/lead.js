// The item form's lead picture: choosing a library picture fills in its text alternative and
// caption from the library (when they are in the item's language and the fields are still
// empty), for the writer to adjust. Without JavaScript the fields are filled in by hand.
for (const choice of document.querySelectorAll('.lead-choice input[name="lead_picture"]')) {
  choice.addEventListener('change', () => {
    const form = choice.form;
    const alt = form.elements.namedItem('lead_alt');
    const caption = form.elements.namedItem('lead_caption');
    if (alt && !alt.value.trim() && choice.dataset.alt) alt.value = choice.dataset.alt;
    if (caption && !caption.value.trim() && choice.dataset.caption) caption.value = choice.dataset.caption;
    if (!choice.value) {
      if (alt) alt.value = '';
      if (caption) caption.value = '';
    }
  });
}

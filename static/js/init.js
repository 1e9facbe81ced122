import { initAll } from '/static/govuk-frontend/govuk-frontend.min.js'

initAll()

// A form marked data-partial="ID" is sent in the background and the server's new version of
// the element ID replaces the old one, so the page does not reload (attendance, one click a
// member). Without this script the same forms post and reload as usual.
document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form[data-partial]')
  if (!form) return
  event.preventDefault()
  const target = document.getElementById(form.dataset.partial)
  const response = await fetch(form.action, {
    method: 'POST',
    body: new FormData(form),
    headers: { 'X-Partial': form.dataset.partial },
    credentials: 'same-origin'
  })
  if (!response.ok || !target) {
    window.location.reload()
    return
  }
  target.outerHTML = await response.text()
})

// Print buttons: a script of this site's own, so the Content Security Policy allows it
// (a javascript: link or an inline handler would be blocked).
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) window.print()
})

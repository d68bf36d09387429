// Dangerous buttons ask for a second click within 4 s (instead of a blocking confirm() dialog).

export function guarded(button, question, run) {
  const label = button.textContent;
  let timer = null;
  button.addEventListener('click', () => {
    if (!button.classList.contains('armed')) {
      button.classList.add('armed');
      button.textContent = question;
      timer = setTimeout(() => { button.classList.remove('armed'); button.textContent = label; }, 4000);
      return;
    }
    clearTimeout(timer);
    button.classList.remove('armed');
    button.textContent = label;
    run();
  });
  return button;
}

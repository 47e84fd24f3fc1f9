// The questionnaire page, enhanced; without JavaScript every part of it still works.
// - The principle menu is open on wide screens; on a phone it stays closed so the questions come first.
// - Unsaved answers: a note by the buttons and the browser's own warning before leaving the page.
// - After a save (the address ends in #vraag-…): focus on the next open question, the status message beside it.
(() => {
  "use strict";

  const menu = document.getElementById("principes-menu");
  if (menu && window.matchMedia("(min-width: 50rem)").matches) {
    menu.open = true;
  }

  const form = document.getElementById("antwoorden");
  if (!form) {
    return;
  }

  // A form that came back with errors holds answers the server did not store: unsaved from the start.
  let unsaved = form.hasAttribute("data-unsaved");
  const note = document.getElementById("niet-opgeslagen");
  const markUnsaved = () => {
    unsaved = true;
    if (note && !note.textContent) {
      note.textContent = note.dataset.text;
    }
  };
  if (unsaved) {
    markUnsaved();
  }
  form.addEventListener("input", markUnsaved);
  form.addEventListener("change", markUnsaved);
  // Saving is leaving on purpose; "Antwoord wissen" belongs to another form, so it still warns.
  form.addEventListener("submit", () => {
    unsaved = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // The browser itself focuses the address's target once the page has loaded (or, if that cannot take focus, the
  // page): so the target itself gets tabindex -1 and the focus, a question's fieldset or the principle's heading.
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target || !(target.classList.contains("denkraam-question") || target.id === "principe-titel")) {
    return;
  }
  // The message ("… zijn opgeslagen") moves from the top of the page to just above the question (or the form) and
  // is written again, because a live region is only read out when its content changes.
  const complete = target.id === "principe-titel";
  const status = document.querySelector(".denkraam-messages .utrecht-alert--ok[role='status']");
  target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  if (!status) {
    target.scrollIntoView({ block: "start" });
    return;
  }
  const text = status.textContent.trim();
  status.classList.add("denkraam-save-status");
  (complete ? form : target).before(status);
  status.textContent = "";
  window.setTimeout(() => {
    const paragraph = document.createElement("p");
    paragraph.className = "utrecht-paragraph";
    paragraph.textContent = text;
    status.append(paragraph);
    // Scrolled once the message has its height, so that both the message and the question are on screen.
    (complete ? target : status).scrollIntoView({ block: "start" });
  }, 150);
})();

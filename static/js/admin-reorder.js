/* Reorder the steps of a pathway in the admin: drag a step by its handle, or use the Move up / Move
   down buttons from the keyboard. The step numbers (position fields) follow the new order; nothing is
   saved until the advisor presses Save. Without JavaScript advisors edit the numbers directly. */
(function () {
  "use strict";

  const EDGE = 80; // px from the window's top or bottom edge where a drag scrolls the page
  let dragging = false;
  document.addEventListener("dragover", (event) => {
    if (!dragging) return;
    if (event.clientY < EDGE) window.scrollBy(0, -Math.ceil((EDGE - event.clientY) / 2));
    else if (event.clientY > window.innerHeight - EDGE) {
      window.scrollBy(0, Math.ceil((event.clientY - (window.innerHeight - EDGE)) / 2));
    }
  });

  function setUp(group) {
    const status = document.createElement("p");
    status.className = "reorder-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const help = document.createElement("p");
    help.className = "help reorder-help";
    help.textContent = "Drag a step by its handle, or use Move up and Move down, to change the order. Save to keep it.";
    const heading = group.querySelector("h2");
    heading.after(help, status);

    const rows = () => Array.from(group.querySelectorAll(".inline-related")).filter(
      (row) => !row.classList.contains("empty-form") && row.querySelector('input[name$="-position"]')
    );
    const isDeleted = (row) => {
      const box = row.querySelector('input[name$="-DELETE"]');
      return Boolean(box && box.checked);
    };
    const titleOf = (row) => {
      const input = row.querySelector('input[name$="-title"]');
      return (input && input.value) || "New step";
    };

    function renumber() {
      let position = 1;
      for (const row of rows()) {
        if (isDeleted(row)) continue;
        row.querySelector('input[name$="-position"]').value = position;
        position += 1;
      }
    }

    function announce(row) {
      const live = rows().filter((r) => !isDeleted(r));
      status.textContent = `“${titleOf(row)}” is now step ${live.indexOf(row) + 1} of ${live.length}. Save to keep this order.`;
    }

    function move(row, direction) {
      const list = rows();
      const index = list.indexOf(row);
      const target = list[index + direction];
      if (!target) return;
      if (direction < 0) target.before(row);
      else target.after(row);
      renumber();
      announce(row);
    }

    function addControls(row) {
      if (row.querySelector(".reorder-controls")) return;
      const controls = document.createElement("span");
      controls.className = "reorder-controls";
      controls.innerHTML =
        '<span class="reorder-handle" title="Drag to move this step" aria-hidden="true">⠿</span>' +
        '<button type="button" class="button reorder-up">Move up</button>' +
        '<button type="button" class="button reorder-down">Move down</button>';
      const label = row.querySelector("h3");
      label.append(controls);
      controls.querySelector(".reorder-up").addEventListener("click", (event) => {
        move(row, -1);
        event.currentTarget.focus();
      });
      controls.querySelector(".reorder-down").addEventListener("click", (event) => {
        move(row, 1);
        event.currentTarget.focus();
      });
      // The handle is what is dragged (a draggable row would stop text selection in its fields).
      const handle = controls.querySelector(".reorder-handle");
      handle.draggable = true;
      handle.addEventListener("dragstart", (event) => {
        row.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", row.id);
        // The list keeps its layout while dragging (folding it moved every row away from the pointer);
        // near the top or bottom of the window the page scrolls, so a step can travel any distance.
        dragging = true;
      });
      handle.addEventListener("dragend", () => {
        dragging = false;
        row.classList.remove("is-dragging");
        renumber();
        announce(row);
      });
      row.addEventListener("dragover", (event) => {
        const dragged = group.querySelector(".is-dragging");
        if (!dragged || dragged === row) return;
        event.preventDefault();
        const box = row.getBoundingClientRect();
        if (event.clientY < box.top + box.height / 2) row.before(dragged);
        else row.after(dragged);
      });
      row.addEventListener("drop", (event) => event.preventDefault());
    }

    rows().forEach(addControls);
    group.addEventListener("change", (event) => {
      if (event.target.name && event.target.name.endsWith("-DELETE")) renumber();
    });
    document.addEventListener("formset:added", (event) => {
      if (group.contains(event.target)) {
        addControls(event.target);
        renumber();
      }
    });
  }

  window.addEventListener("load", () => {
    document.querySelectorAll(".inline-group").forEach((group) => {
      if (group.querySelector("fieldset.reorderable, .reorderable")) setUp(group);
    });
  });
})();
